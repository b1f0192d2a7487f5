// The disruption warning, the "no ticket" notices, the waiting screens and the staff
// screens.
#include <algorithm>

#include "draw.h"

namespace antrian::kiosk::app {

using ui::FontRole;
using ui::Rect;
namespace pal = ui::palette;

namespace {

// A panel of wrapped paragraphs; returns its bottom.
float paragraph(Paint& p, float y, const std::string& text, FontRole role, ImU32 color, float gap_after) {
  if (text.empty()) return y;
  const float m = p.margin();
  return y + wrapped_text(p.dl, p.font(role), {m, y}, p.f.width - 2 * m, text, color) + p.f.px(gap_after);
}

// A ticket for the service that can help instead (e.g. a certificate at Information).
float alternative_button(Paint& p, float y, const std::string& key, const std::string& label) {
  if (label.empty()) return y;
  const float m = p.margin(), h = p.f.px(110);
  const float w = std::min(p.f.width - 2 * m, p.f.px(1100));
  ButtonStyle st;
  st.fill = pal::surface;
  st.fill_pressed = pal::surface_hi;
  st.border = pal::highlight;
  text_button(p.board, key, {{m, y}, {m + w, y + h}}, label, p.font(FontRole::large_bold), true, st);
  return y + h + p.f.px(24);
}

// The alternative ticket and the come-back list: side by side in landscape, where the
// height is short, stacked in portrait.
float offer_buttons(Paint& p, float y, const std::string& alt_key, const std::string& alt_label,
                    const std::string& cb_key, const std::string& cb_label) {
  if (alt_label.empty() || cb_label.empty() || p.portrait())
    return alternative_button(p, alternative_button(p, y, alt_key, alt_label), cb_key, cb_label);
  const float m = p.margin(), h = p.f.px(110), gap = p.f.px(24);
  const float w = (p.f.width - 2 * m - gap) * 0.5f;
  ButtonStyle st;
  st.fill = pal::surface;
  st.fill_pressed = pal::surface_hi;
  st.border = pal::highlight;
  text_button(p.board, alt_key, {{m, y}, {m + w, y + h}}, alt_label, p.font(FontRole::body_bold), true, st);
  text_button(p.board, cb_key, {{m + w + gap, y}, {m + 2 * w + gap, y + h}}, cb_label, p.font(FontRole::large_bold), true, st);
  return y + h + p.f.px(24);
}

}  // namespace

void draw_warning(Paint& p, const WarningScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin(), w = f.width - 2 * m;
  float y = top + f.px(p.portrait() ? 50 : 30);
  const float pill_h = f.px(64);
  ui::status_pill(p.dl, {m, y}, pill_h, to_ui(v.status), v.status_word, p.font(FontRole::body_bold));
  y += pill_h + f.px(20);
  y = paragraph(p, y, v.headline, FontRole::large_bold, pal::text, 24);

  // The office's own words about the disruption, in a warning-coloured box.
  if (!v.messages.empty() || !v.expected_back.empty()) {
    std::string box;
    for (const std::string& msg : v.messages) box += (box.empty() ? "" : "\n") + msg;
    const float pad = f.px(26);
    ImFont* bold = p.font(FontRole::large);
    ImFont* body = p.font(FontRole::body_bold);
    const float h1 = wrapped_height(bold, w - 2 * pad, box);
    const float h2 = wrapped_height(body, w - 2 * pad, v.expected_back);
    const float box_h = pad * 2 + h1 + (h1 > 0 && h2 > 0 ? f.px(14) : 0) + h2;
    p.dl->AddRectFilled({m, y}, {m + w, y + box_h}, pal::warn, f.px(18));
    float by = y + pad;
    by += wrapped_text(p.dl, bold, {m + pad, by}, w - 2 * pad, box, pal::on_warn);
    if (h1 > 0 && h2 > 0) by += f.px(14);
    wrapped_text(p.dl, body, {m + pad, by}, w - 2 * pad, v.expected_back, pal::on_warn);
    y += box_h + f.px(28);
  }
  y = paragraph(p, y, v.eta_text + "   \xE2\x80\xA2   " + v.waiting_text, FontRole::body_bold, pal::highlight, 28);
  y = paragraph(p, y, v.alternative_title, FontRole::large_bold, pal::text, 8);
  y = paragraph(p, y, v.alternative, FontRole::body, pal::text, 16);
  y = offer_buttons(p, y, v.alternative_key, v.alternative_label, v.comeback_key, v.comeback_label);
  if (!v.priority_note.empty()) paragraph(p, y, v.priority_note, FontRole::body, pal::text_muted, 0);
  draw_action_row(p, v.back_key, v.back_label, v.confirm_key, v.confirm_label);
}

void draw_notice(Paint& p, const NoticeScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin();
  float y = top + f.px(p.portrait() ? 80 : 50);
  // A symbol that reads without colour, then the headline.
  const float icon = f.px(110);
  const Rect ir{{m, y}, {m + icon, y + icon}};
  p.dl->AddCircleFilled(ir.center(), icon * 0.5f, tone_fill(v.tone), 48);
  ui::text_in_rect(p.dl, ir.inset(f.px(18)), "!", p.font(FontRole::large_bold), tone_text(v.tone));
  y += icon + f.px(24);
  y = paragraph(p, y, v.headline, FontRole::large_bold, pal::text, 20);
  y = paragraph(p, y, v.body, FontRole::body, pal::text, 36);
  y = paragraph(p, y, v.advice_title, FontRole::large_bold, pal::highlight, 10);
  y = paragraph(p, y, v.advice, FontRole::body, pal::text, 24);
  y = offer_buttons(p, y, v.alternative_key, v.alternative_label, v.comeback_key, v.comeback_label);
  const float row_top = draw_action_row(p, v.back_key, v.back_label, "", "");
  if (!v.detail.empty()) {
    const float dh = wrapped_height(p.font(FontRole::small), f.width - 2 * m, v.detail);
    wrapped_text(p.dl, p.font(FontRole::small), {m, std::max(y, row_top - dh - f.px(20))}, f.width - 2 * m, v.detail,
                 pal::text_muted);
  }
}

void draw_issuing(Paint& p, const IssuingScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin();
  const float mid = (top + f.height) * 0.5f;
  ui::text_in_rect(p.dl, {{m, mid - f.px(140)}, {f.width - m, mid - f.px(40)}}, v.headline,
                   p.font(FontRole::large_bold), pal::text, ui::Align::center);
  const float w = std::min(f.width - 2 * m, f.px(1200));
  const float x = (f.width - w) * 0.5f;
  wrapped_text(p.dl, p.font(FontRole::large), {x, mid}, w, v.body, pal::text_muted);
}

void draw_offline(Paint& p, const OfflineScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin();
  const float w = std::min(f.width - 2 * m, f.px(1300));
  const float x = (f.width - w) * 0.5f, pad = f.px(48);
  ImFont* big = p.font(FontRole::large_bold);
  ImFont* body = p.font(FontRole::large);
  ImFont* small = p.font(FontRole::body);
  const float h = pad * 2 + f.px(90) + wrapped_height(body, w - 2 * pad, v.body) + f.px(40) +
                  wrapped_height(small, w - 2 * pad, v.detail);
  const float y0 = top + std::max(f.px(40), (f.height - top - h) * 0.4f);
  p.dl->AddRectFilled({x, y0}, {x + w, y0 + h}, pal::surface, f.px(28));
  float y = y0 + pad;
  ui::text_in_rect(p.dl, {{x + pad, y}, {x + w - pad, y + f.px(70)}}, v.headline, big, pal::text, ui::Align::left);
  y += f.px(90);
  y += wrapped_text(p.dl, body, {x + pad, y}, w - 2 * pad, v.body, pal::text) + f.px(40);
  wrapped_text(p.dl, small, {x + pad, y}, w - 2 * pad, v.detail, pal::text_muted);
}

void draw_pin(Paint& p, const PinScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin();
  float y = top + f.px(30);
  ui::text_in_rect(p.dl, {{m, y}, {f.width - m, y + f.px(70)}}, v.title, p.font(FontRole::large_bold), pal::text,
                   ui::Align::center);
  y += f.px(80);
  const float key = f.px(p.portrait() ? 150 : 118), gap = f.px(18);
  const float pad_w = key * 3 + gap * 2;
  const float x0 = (f.width - pad_w) * 0.5f;
  // The digits typed so far, masked.
  p.dl->AddRectFilled({x0, y}, {x0 + pad_w, y + key * 0.8f}, pal::surface, f.px(16));
  ui::text_in_rect(p.dl, {{x0, y}, {x0 + pad_w, y + key * 0.8f}}, v.masked, p.font(FontRole::large_bold), pal::text,
                   ui::Align::center);
  y += key * 0.8f + gap;
  if (!v.message.empty()) {
    ui::text_in_rect(p.dl, {{m, y}, {f.width - m, y + f.px(50)}}, v.message, p.font(FontRole::body_bold),
                     v.tone == Tone::error ? pal::warn : pal::text, ui::Align::center);
  }
  y += f.px(60);
  const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"};
  for (int i = 0; i < 12; ++i) {
    const float x = x0 + float(i % 3) * (key + gap), ky = y + float(i / 3) * (key * 0.8f + gap);
    const std::string k = keys[i];
    const std::string label = k == "clear" ? v.clear_label : k == "ok" ? v.ok_label : k;
    ButtonStyle st;
    if (k == "clear") st.fill = pal::surface_hi;
    if (k == "ok") st.fill = pal::ok;
    text_button(p.board, "pin:" + k, {{x, ky}, {x + key, ky + key * 0.8f}}, label, p.font(FontRole::large_bold),
                v.pad_enabled, st);
  }
  draw_action_row(p, "pin:cancel", v.cancel_label, "", "");
}

void draw_staff(Paint& p, const StaffMenu& v, float top) {
  const auto& f = p.f;
  const float m = p.margin();
  float y = top + f.px(30);
  ui::text_in_rect(p.dl, {{m, y}, {f.width - m, y + f.px(70)}}, v.title, p.font(FontRole::large_bold), pal::text,
                   ui::Align::center);
  y += f.px(100);
  const float w = std::min(f.width - 2 * m, f.px(1100)), x = (f.width - w) * 0.5f, h = f.px(120), gap = f.px(24);
  for (const ChoiceButton& b : v.items) {
    ButtonStyle st;
    if (b.key == "staff:quit") st.fill = pal::error;
    if (b.key == "staff:close") st.fill = pal::surface_hi;
    text_button(p.board, b.key, {{x, y}, {x + w, y + h}}, b.label, p.font(FontRole::large_bold), b.enabled, st);
    y += h + gap;
  }
  if (!v.message.empty()) {
    const float mh = wrapped_height(p.font(FontRole::body_bold), w - f.px(40), v.message) + f.px(40);
    p.dl->AddRectFilled({x, y}, {x + w, y + mh}, tone_fill(v.tone), f.px(16));
    wrapped_text(p.dl, p.font(FontRole::body_bold), {x + f.px(20), y + f.px(20)}, w - f.px(40), v.message,
                 tone_text(v.tone));
  }
}

}  // namespace antrian::kiosk::app
