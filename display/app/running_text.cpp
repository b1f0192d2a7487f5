#include "running_text.h"

#include <algorithm>

#include "antrian/ui/redraw.h"
#include "draw.h"

namespace antrian::display {

RunningText::RunningText(bool scroll)
    : scroll_(scroll), marquee_(ui::MarqueeParams{.speed_px_s = 110, .gap_px = 200, .hold_s = 2.0, .fps = 30}) {}

void RunningText::draw(const ui::FrameInfo& f, ImDrawList* dl, const ui::Rect& r, const std::vector<std::string>& items,
                       ImFont* font, float px, ImU32 color) {
  if (!font || items.empty()) return;
  if (scroll_) {
    std::string joined;
    for (const std::string& s : items) joined += (joined.empty() ? "" : "   \xE2\x80\xA2   ") + s;
    marquee_.draw(f, dl, r, joined, font, color);
    return;
  }
  if (items != items_ || r.width() != width_ || px != px_) {  // new text or new size: start over
    items_ = items;
    width_ = r.width();
    px_ = px;
    pages_ = paginate(items_, width_, [font, px](std::string_view s) { return draw::width_px(s, font, px); });
    start_ms_ = f.now_ms;
  }
  if (pages_.empty()) return;
  const PagePosition pos = page_at(pages_, f.now_ms - start_ms_);
  const TextPage& page = pages_[pos.index];
  if (!page.overflow) {
    draw::text_px(dl, r, page.text, font, px, color, ui::Align::left);
  } else {
    // One sentence longer than the line: on two lines at a smaller size, never cut.
    const std::size_t mid = page.text.size() / 2;
    std::size_t cut = page.text.rfind(' ', mid);
    if (cut == std::string::npos) cut = page.text.find(' ', mid);
    if (cut == std::string::npos) {
      draw::text_px(dl, r, page.text, font, px, color, ui::Align::left);
    } else {
      const float half = r.height() * 0.5f;
      const ui::Rect top{r.min, {r.max.x, r.min.y + half}}, bottom{{r.min.x, r.min.y + half}, r.max};
      const std::string a = page.text.substr(0, cut), b = page.text.substr(cut + 1);
      const float small = std::min(half * 0.95f, px);
      const float fit = std::min({small, small * r.width() / std::max(1.0f, draw::width_px(a, font, small)),
                                  small * r.width() / std::max(1.0f, draw::width_px(b, font, small))});
      draw::text_px(dl, top, a, font, fit, color, ui::Align::left);
      draw::text_px(dl, bottom, b, font, fit, color, ui::Align::left);
    }
  }
  if (pos.ms_to_next >= 0) ui::request_redraw_at(f.now_ms + pos.ms_to_next);
}

}  // namespace antrian::display
