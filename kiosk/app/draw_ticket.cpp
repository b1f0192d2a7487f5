// The issued ticket: the number very large, the service, the wait, where to wait, the
// QR code of the ticket's status page, and what the printer did.
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <optional>

#include "antrian/printing/qr.h"
#include "draw.h"

namespace antrian::kiosk::app {

using ui::FontRole;
using ui::Rect;
namespace pal = ui::palette;

namespace {

// Encoding is cheap, but a ticket stays on screen for many frames: keep the last one.
const printing::QrMatrix* qr_for(const std::string& url) {
  static std::string cached_url;
  static std::optional<printing::QrMatrix> cached;
  if (url != cached_url) {
    cached_url = url;
    auto m = printing::encode_qr(url);
    cached = m ? std::optional(m.value()) : std::nullopt;
  }
  return cached ? &*cached : nullptr;
}

// Black modules on a white square with the standard 4-module quiet zone, so a phone
// can scan it straight from the screen.
void draw_qr(ImDrawList* dl, const printing::QrMatrix& qr, const Rect& box) {
  const int side = qr.size + 8;
  const float module = std::floor(std::min(box.width(), box.height()) / float(side));
  if (module < 1) return;
  const float total = module * float(side);
  const ImVec2 o{std::floor(box.center().x - total * 0.5f), std::floor(box.center().y - total * 0.5f)};
  dl->AddRectFilled(o, {o.x + total, o.y + total}, IM_COL32_WHITE);
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size; ++x)
      if (qr.dark(x, y)) {
        const ImVec2 a{o.x + float(x + 4) * module, o.y + float(y + 4) * module};
        dl->AddRectFilled(a, {a.x + module, a.y + module}, IM_COL32_BLACK);
      }
}

}  // namespace

void draw_ticket(Paint& p, const TicketScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin();
  const bool portrait = p.portrait();
  const float row_top = draw_action_row(p, "", "", v.done_key, v.done_label);

  // What the printer did, in its tone, right above the button.
  const float status_h = f.px(portrait ? 150 : 110);
  const Rect status{{m, row_top - f.px(24) - status_h}, {f.width - m, row_top - f.px(24)}};
  p.dl->AddRectFilled(status.min, status.max, tone_fill(v.print_tone), f.px(18));
  {
    const float pad = f.px(24);
    ImFont* font = p.font(FontRole::body_bold);
    const float th = wrapped_height(font, status.width() - 2 * pad, v.print_text);
    wrapped_text(p.dl, font, {status.min.x + pad, status.center().y - th * 0.5f}, status.width() - 2 * pad,
                 v.print_text, tone_text(v.print_tone));
  }

  const printing::QrMatrix* qr = v.qr_url.empty() ? nullptr : qr_for(v.qr_url);
  const float content_top = top + f.px(portrait ? 40 : 24);
  const float content_bottom = status.min.y - f.px(20);
  Rect text_col{{m, content_top}, {f.width - m, content_bottom}};
  auto place_qr = [&](const Rect& box) {
    draw_qr(p.dl, *qr, box);
    ui::text_in_rect(p.dl, {{box.min.x - f.px(60), box.max.y + f.px(6)}, {box.max.x + f.px(60), box.max.y + f.px(56)}},
                     v.qr_caption, p.font(FontRole::small), pal::text_muted, ui::Align::center);
  };
  if (qr && !portrait) {  // landscape: the QR on the right of the number
    const float q = std::min(f.px(520), content_bottom - content_top - f.px(70));
    place_qr({{f.width - m - q, content_top + f.px(10)}, {f.width - m, content_top + f.px(10) + q}});
    text_col.max.x = f.width - m - q - f.px(40);
  }
  if (qr && portrait) text_col.max.y -= f.px(360);  // keep room for the QR under the text

  float y = text_col.min.y;
  const float w = text_col.width();
  ui::text_in_rect(p.dl, {{text_col.min.x, y}, {text_col.max.x, y + f.px(64)}}, v.title, p.font(FontRole::large),
                   pal::text_muted, ui::Align::center);
  y += f.px(64);
  const float number_h = f.px(portrait ? 270 : 250);
  ui::text_in_rect(p.dl, {{text_col.min.x, y}, {text_col.max.x, y + number_h}}, v.label, p.font(FontRole::huge),
                   pal::highlight, ui::Align::center);
  y += number_h;
  ui::text_in_rect(p.dl, {{text_col.min.x, y}, {text_col.max.x, y + f.px(70)}}, v.service_name,
                   p.font(FontRole::large_bold), pal::text, ui::Align::center);
  y += f.px(80);
  auto line = [&](const std::string& text, FontRole role, ImU32 color) {
    if (text.empty() || y + f.px(40) > text_col.max.y) return;
    ImFont* font = p.font(role);
    const float th = wrapped_height(font, w, text);
    // Centre each line under the number.
    const float tw = std::min(w, font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str()).x);
    wrapped_text(p.dl, font, {text_col.min.x + (w - tw) * 0.5f, y}, w, text, color);
    y += th + f.px(10);
  };
  line(v.priority_text, FontRole::body_bold, pal::highlight);
  line(v.eta_text, FontRole::body_bold, pal::text);
  line(v.ahead_text, FontRole::body, pal::text);
  line(v.wait_at_text, FontRole::body, pal::text);
  line(v.status_note, FontRole::body_bold, pal::warn);
  if (qr && portrait) {  // portrait: the QR under the text, as large as the space allows
    const float room = content_bottom - y - f.px(90);
    const float q = std::min(f.px(440), room);
    if (q >= f.px(240)) {
      const float top_q = y + std::max(f.px(20), (room - q) * 0.3f);
      place_qr({{(f.width - q) * 0.5f, top_q}, {(f.width + q) * 0.5f, top_q + q}});
    }
  }
}

}  // namespace antrian::kiosk::app
