// The frame around the calls: header, link and problem bars, the banner band and the
// pages of services.
#include <string>

#include "antrian/strings.h"
#include "draw.h"

namespace antrian::display::draw {
namespace {

using ui::Align;
using ui::FontRole;
namespace palette = ui::palette;

constexpr const char* kWarningSign = "\xE2\x9A\xA0 ";  // U+26A0, merged into the text fonts

ui::Status ui_status(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::normal: return ui::Status::normal;
    case ServiceStatus::degraded: return ui::Status::degraded;
    case ServiceStatus::halted: return ui::Status::halted;
  }
  return ui::Status::halted;
}

// A status pill at the reading size: a shape (circle fine, triangle slower, square
// stopped, so it reads without colour) and the word. Width as the plan measured it.
float big_pill(ImDrawList* dl, const ui::FrameInfo& f, const WallPlan& p, ImVec2 top_left, ServiceStatus s,
               const std::string& word) {
  const float R = p.reading_px, h = p.line_px * 0.94f;
  const float w = pill_width(width_px(word, f.font(FontRole::large_bold), R), R);
  const ui::StatusLook look = ui::status_look(ui_status(s));
  const ui::Rect r{top_left, {top_left.x + w, top_left.y + h}};
  dl->AddRectFilled(r.min, r.max, look.fill, h * 0.25f);
  const float icon = R * 0.3f, half = icon * 0.5f;  // pill_width(): 0.2 pad, 0.3 icon, 0.12 gap, 0.2 pad
  const ImVec2 c{r.min.x + R * 0.2f + half, r.center().y};
  switch (s) {
    case ServiceStatus::normal: dl->AddCircleFilled(c, half, look.text, 32); break;
    case ServiceStatus::degraded:
      dl->AddTriangleFilled({c.x, c.y - half}, {c.x + half * 1.1f, c.y + half * 0.9f}, {c.x - half * 1.1f, c.y + half * 0.9f},
                            look.text);
      break;
    case ServiceStatus::halted: dl->AddRectFilled({c.x - half * 0.85f, c.y - half * 0.85f}, {c.x + half * 0.85f, c.y + half * 0.85f}, look.text); break;
  }
  const ui::Rect text_r{{r.min.x + R * 0.62f, r.min.y}, {r.max.x - R * 0.2f + 1, r.max.y}};
  text_px(dl, text_r, word, f.font(FontRole::large_bold), R, look.text, Align::left);
  return w;
}

}  // namespace

void header(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v) {
  const ui::Rect r = rect(box);
  dl->AddRectFilled(r.min, r.max, palette::header);
  const ui::Rect in{{r.min.x + f.px(32), r.min.y}, {r.max.x - f.px(32), r.max.y}};
  const bool has_title = !v.title.empty();
  const float big = r.height() * 0.5f, small = r.height() * 0.33f;
  text_px(dl, part(in, 0, has_title ? 0.04f : 0, 0.68f, has_title ? 0.58f : 1), v.office_name, f.font(FontRole::large_bold),
          big, palette::text, Align::left);
  if (has_title)
    text_px(dl, part(in, 0, 0.60f, 0.68f, 0.96f), v.title, f.font(FontRole::large), small, palette::highlight, Align::left);
  text_px(dl, part(in, 0.70f, 0.04f, 1, 0.58f), v.clock_text, f.font(FontRole::large_bold), big, palette::highlight,
          Align::right);
  text_px(dl, part(in, 0.62f, 0.60f, 1, 0.96f), v.date_text, f.font(FontRole::large), small, palette::text_muted,
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

void page_mark(ImDrawList* dl, const ui::FrameInfo& f, const ui::Rect& r, std::size_t index, std::size_t count, ImU32 color) {
  if (count < 2) return;
  const std::string mark = std::to_string(index + 1) + "/" + std::to_string(count);
  const float px = f.px(30);
  const ui::Rect box{{r.max.x - f.px(90), r.max.y - px * 1.1f}, {r.max.x - f.px(6), r.max.y}};
  text_px(dl, box, mark, f.font(FontRole::large), px, color, Align::right);
}

void banner_page(ImDrawList* dl, const ui::FrameInfo& f, const WallPlan& p, const DisplayView& v, std::size_t index) {
  const BannerPage& bp = p.banner_pages[index];
  const Banner& b = v.banners[bp.banner];
  const ui::Rect r = rect(p.layout.banner);
  // Red: stopped; amber: slower; blue: tickets moved or waiting for a loket on a break.
  const bool info = !b.kind.empty();
  const ImU32 fill = b.halted ? palette::error : info ? palette::accent : palette::warn;
  const ImU32 text = b.halted ? palette::on_error : info ? palette::text : palette::on_warn;
  dl->AddRectFilled(r.min, r.max, fill);
  dl->AddLine({r.min.x, r.max.y - 1}, {r.max.x, r.max.y - 1}, palette::background, f.px(3));
  const Box& in = p.banner_inner;
  for (std::size_t i = 0; i < bp.page.lines.size(); ++i) {
    const TextLine& l = bp.page.lines[i];
    const ui::Rect line{{in.x, in.y + i * p.line_px}, {in.x + in.w, in.y + (i + 1) * p.line_px}};
    text_px(dl, line, l.text, f.font(l.bold ? FontRole::large_bold : FontRole::large), p.reading_px, text, Align::left);
  }
  page_mark(dl, f, r, index, p.banner_pages.size(), text);
}

void service_page(ImDrawList* dl, const ui::FrameInfo& f, const WallPlan& p, const DisplayView& v, const PanePage& page) {
  const Box& in = p.pane_inner;
  const float gap = std::round(p.reading_px * 0.4f), caption_h = std::round(p.caption_px * 1.05f);
  float y = in.y;
  for (std::size_t i : page.items) {
    const ServiceRow& s = v.services[i];
    const ServiceShape& shape = p.services[i];
    const ui::Rect card{{in.x, y}, {in.x + in.w, y + shape.height}};
    dl->AddRectFilled(card.min, card.max, palette::surface, f.px(12));
    const ui::Rect caption{{in.x + gap * 0.25f, y}, {in.x + in.w - gap * 0.25f, y + caption_h}};
    text_px(dl, caption, s.code + "  \xC2\xB7  " + s.name + "  \xC2\xB7  " + s.waiting_text, f.font(FontRole::large_bold), p.caption_px, palette::text,
            Align::left);
    const float line_y = y + caption_h;
    const float pill_w = big_pill(dl, f, p, {in.x + gap * 0.25f, line_y + p.line_px * 0.03f}, s.status, s.status_text);
    const ui::Rect wait = shape.two_lines
                              ? ui::Rect{{in.x + gap * 0.25f, line_y + p.line_px}, {in.x + in.w - gap * 0.25f, line_y + 2 * p.line_px}}
                              : ui::Rect{{in.x + gap * 0.25f + pill_w + gap, line_y}, {in.x + in.w - gap * 0.25f, line_y + p.line_px}};
    text_px(dl, wait, s.eta_text, f.font(FontRole::large), p.reading_px, palette::text,
            shape.two_lines ? Align::left : Align::right);
    y += shape.height + p.card_gap;
  }
}

}  // namespace antrian::display::draw
