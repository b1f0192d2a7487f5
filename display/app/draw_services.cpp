// The frame around the calls: header, link and problem bars, disruption banners and
// the per-service cards.
#include <string>

#include "antrian/strings.h"
#include "draw.h"

namespace antrian::display::draw {
namespace {

using ui::Align;
using ui::FontRole;
namespace palette = ui::palette;

constexpr const char* kWarningSign = "\xE2\x9A\xA0 ";  // U+26A0, merged into the text fonts

// Text that is too wide for one line at its font size is broken in two at the space
// nearest its middle, so a long message is drawn on two readable lines rather than
// shrunk to one unreadable one (text_in_rect still shrinks what does not fit then).
std::string two_lines_if_needed(const std::string& text, ImFont* font, float width) {
  if (ui::text_size(text, font).x <= width) return text;
  const std::size_t mid = text.size() / 2;
  std::size_t best = std::string::npos;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (text[i] == ' ' && (best == std::string::npos || (i > mid ? i - mid : mid - i) < (best > mid ? best - mid : mid - best)))
      best = i;
  if (best == std::string::npos) return text;
  return text.substr(0, best) + "\n" + text.substr(best + 1);
}

ui::Status ui_status(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::normal: return ui::Status::normal;
    case ServiceStatus::degraded: return ui::Status::degraded;
    case ServiceStatus::halted: return ui::Status::halted;
  }
  return ui::Status::halted;
}

}  // namespace

void header(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v) {
  const ui::Rect r = rect(box);
  dl->AddRectFilled(r.min, r.max, palette::header);
  const ui::Rect in{{r.min.x + f.px(32), r.min.y}, {r.max.x - f.px(32), r.max.y}};
  const bool has_title = !v.title.empty();
  ui::text_in_rect(dl, part(in, 0, has_title ? 0.06f : 0, 0.68f, has_title ? 0.60f : 1), v.office_name,
                   f.font(FontRole::large_bold), palette::text, Align::left);
  if (has_title)
    ui::text_in_rect(dl, part(in, 0, 0.60f, 0.68f, 0.96f), v.title, f.font(FontRole::body), palette::highlight,
                     Align::left);
  ui::text_in_rect(dl, part(in, 0.70f, 0.06f, 1, 0.60f), v.clock_text, f.font(FontRole::large_bold),
                   palette::highlight, Align::right);
  ui::text_in_rect(dl, part(in, 0.62f, 0.60f, 1, 0.96f), v.date_text, f.font(FontRole::body), palette::text_muted,
                   Align::right);
}

void link_bar(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v) {
  const bool offline = v.link == Link::offline;
  ui::banner(dl, rect(box), std::string(kWarningSign) + v.link_text, f.font(FontRole::body_bold),
             offline ? palette::error : palette::accent, palette::text, Align::center);
}

void problem_bar(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v) {
  std::string all;
  for (const std::string& p : v.problems) all += (all.empty() ? "" : "; ") + p;
  ui::banner(dl, rect(box), trf("display.problem", f.lang, {all}), f.font(FontRole::small), palette::warn,
             palette::on_warn, Align::left);
}

void disruption_banner(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const Banner& b) {
  const ui::Rect r = rect(box);
  const ImU32 fill = b.halted ? palette::error : palette::warn;
  const ImU32 text = b.halted ? palette::on_error : palette::on_warn;
  dl->AddRectFilled(r.min, r.max, fill);
  dl->AddLine({r.min.x, r.max.y - 1}, {r.max.x, r.max.y - 1}, palette::background, f.px(3));
  const ui::Rect in{{r.min.x + f.px(32), r.min.y}, {r.max.x - f.px(32), r.max.y}};
  ui::text_in_rect(dl, part(in, 0, 0.04f, 1, 0.56f), std::string(kWarningSign) + b.title, f.font(FontRole::large_bold),
                   text, Align::left);
  std::string detail = b.message;
  if (!b.when.empty()) detail += (detail.empty() ? "" : " \xE2\x80\x94 ") + b.when;
  ui::text_in_rect(dl, part(in, 0, 0.56f, 1, 0.98f), two_lines_if_needed(detail, f.font(FontRole::body), in.width()),
                   f.font(FontRole::body), text, Align::left);
}

void service_cards(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v) {
  if (v.services.empty()) return;
  const float gap = f.px(12);
  const Box area{box.x + gap, box.y + f.px(6), box.w - 2 * gap, box.h - f.px(18)};
  const int n = static_cast<int>(v.services.size());
  // One row while each card keeps a readable width; otherwise two (a portrait screen,
  // or many services).
  int cols = n;
  while (cols > 1 && area.w / static_cast<float>(cols) < f.px(300)) cols = (cols + 1) / 2;
  const Grid g{cols, (n + cols - 1) / cols};
  for (int i = 0; i < n; ++i) {
    const ServiceRow& s = v.services[static_cast<std::size_t>(i)];
    const ui::Rect card = rect(tile_box(area, g, i, gap));
    dl->AddRectFilled(card.min, card.max, palette::surface, f.px(12));
    // A stripe in the status colour along the top; the pill says it in words.
    const ui::StatusLook look = ui::status_look(ui_status(s.status));
    dl->AddRectFilled(card.min, {card.max.x, card.min.y + f.px(8)}, look.fill, f.px(12), ImDrawFlags_RoundCornersTop);
    const ui::Rect r = card.inset(f.px(16));
    const bool compact = g.rows > 1;  // two rows of cards: fewer lines each
    ui::text_in_rect(dl, part(r, 0, 0, 1, compact ? 0.3f : 0.2f), s.name, f.font(FontRole::body_bold), palette::text,
                     Align::left);
    const float pill_y = r.min.y + r.height() * (compact ? 0.34f : 0.24f);
    float pill_h = std::min(r.height() * (compact ? 0.28f : 0.19f), f.px(52));
    const float pill_w = ui::status_pill_width(pill_h, s.status_text, f.font(FontRole::body_bold));
    if (pill_w > r.width()) pill_h *= r.width() / pill_w;  // a narrow card gets a smaller pill, not an overflow
    ui::status_pill(dl, {r.min.x, pill_y}, pill_h, ui_status(s.status), s.status_text, f.font(FontRole::body_bold));
    if (compact) {
      ui::text_in_rect(dl, part(r, 0, 0.66f, 1, 1), s.waiting_text + "  \xC2\xB7  " + s.eta_text,
                       f.font(FontRole::body), palette::text, Align::left);
      continue;
    }
    ui::text_in_rect(dl, part(r, 0, 0.46f, 1, 0.70f), s.waiting_text, f.font(FontRole::large_bold), palette::text,
                     Align::left);
    ui::text_in_rect(dl, part(r, 0, 0.72f, 1, 0.84f), tr("display.eta_label", f.lang), f.font(FontRole::small),
                     palette::text_muted, Align::left);
    ui::text_in_rect(dl, part(r, 0, 0.84f, 1, 1), s.eta_text, f.font(FontRole::body_bold), palette::text, Align::left);
  }
}

}  // namespace antrian::display::draw
