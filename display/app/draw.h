#pragma once
// Drawing the parts of the wall from the view model and the wall plan. These
// functions only draw: every text, size and page was decided in antrian_display_model.
#include <imgui.h>

#include <string_view>

#include "antrian/display/display_view.h"
#include "antrian/display/layout.h"
#include "antrian/display/wall_plan.h"
#include "antrian/ui/screen.h"
#include "antrian/ui/widgets.h"

namespace antrian::display::draw {

inline ui::Rect rect(const Box& b) { return {{b.x, b.y}, {b.x + b.w, b.y + b.h}}; }

// A part of r: fractions of its width and height (0..1) from its top-left.
inline ui::Rect part(const ui::Rect& r, float x0, float y0, float x1, float y1) {
  return {{r.min.x + r.width() * x0, r.min.y + r.height() * y0}, {r.min.x + r.width() * x1, r.min.y + r.height() * y1}};
}

// Width of text at a font size (the atlas holds the font at its built size; other
// sizes scale its glyphs).
float width_px(std::string_view text, ImFont* font, float px);

// One line of text at px, its capitals centred vertically in r. The plan made it fit;
// should it not (a loket named at length), it is drawn smaller rather than cut off.
void text_px(ImDrawList* dl, const ui::Rect& r, std::string_view text, ImFont* font, float px, ImU32 color,
             ui::Align align);

// The measure the plan is made with: the display's reading fonts.
MeasureText measure_with(const ui::FrameInfo& f);

// draw_calls.cpp
void newest_call(ImDrawList* dl, const ui::FrameInfo& f, const WallPlan& p, const DisplayView& v, bool blink_on);
void loket_page(ImDrawList* dl, const ui::FrameInfo& f, const WallPlan& p, const DisplayView& v, const PanePage& page);

// draw_services.cpp
void header(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v);
void link_bar(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v);
void problem_bar(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v);
void banner_page(ImDrawList* dl, const ui::FrameInfo& f, const WallPlan& p, const DisplayView& v, std::size_t index);
void service_page(ImDrawList* dl, const ui::FrameInfo& f, const WallPlan& p, const DisplayView& v, const PanePage& page);
// "2/5" in a corner of r, small, when there is more than one page.
void page_mark(ImDrawList* dl, const ui::FrameInfo& f, const ui::Rect& r, std::size_t index, std::size_t count, ImU32 color);

}  // namespace antrian::display::draw
