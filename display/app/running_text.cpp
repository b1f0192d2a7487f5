#include "running_text.h"

#include "antrian/ui/redraw.h"

namespace antrian::display {

RunningText::RunningText(bool scroll)
    : scroll_(scroll), marquee_(ui::MarqueeParams{.speed_px_s = 110, .gap_px = 200, .hold_s = 2.0, .fps = 30}) {}

void RunningText::draw(const ui::FrameInfo& f, ImDrawList* dl, const ui::Rect& r, const std::vector<std::string>& items,
                       ImFont* font, ImU32 color) {
  if (!font || items.empty()) return;
  if (scroll_) {
    std::string joined;
    for (const std::string& s : items) joined += (joined.empty() ? "" : "   \xE2\x80\xA2   ") + s;
    marquee_.draw(f, dl, r, joined, font, color);
    return;
  }
  if (items != items_ || r.width() != width_ || font->FontSize != font_px_) {  // new text or new size: start over
    items_ = items;
    width_ = r.width();
    font_px_ = font->FontSize;
    pages_ = paginate(items_, width_, [font](std::string_view s) { return ui::text_size(s, font).x; });
    start_ms_ = f.now_ms;
  }
  if (pages_.empty()) return;
  const PagePosition pos = page_at(pages_, f.now_ms - start_ms_);
  ui::text_in_rect(dl, r, pages_[pos.index].text, font, color, ui::Align::left, true);
  if (pos.ms_to_next >= 0) ui::request_redraw_at(f.now_ms + pos.ms_to_next);
}

}  // namespace antrian::display
