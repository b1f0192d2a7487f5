#pragma once
// The running text along the bottom of the wall, a page at a time (default) or as a
// scrolling marquee. Pages end at sentence ends (text_pages.h) and ask the loop for
// one frame when the next page is due (request_redraw_at), so between pages nothing
// is drawn at all.
#include <cstdint>
#include <string>
#include <vector>

#include "antrian/display/text_pages.h"
#include "antrian/ui/widgets.h"

namespace antrian::display {

class RunningText {
 public:
  explicit RunningText(bool scroll);
  void draw(const ui::FrameInfo& f, ImDrawList* dl, const ui::Rect& r, const std::vector<std::string>& items,
            ImFont* font, float px, ImU32 color);

 private:
  bool scroll_;
  ui::Marquee marquee_;
  std::vector<std::string> items_;
  float width_ = 0, px_ = 0;
  std::vector<TextPage> pages_;
  std::int64_t start_ms_ = 0;
};

}  // namespace antrian::display
