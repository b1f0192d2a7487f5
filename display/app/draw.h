#pragma once
// Drawing the parts of the wall from the view model. These functions only draw:
// every text and decision was made in antrian_display_model.
#include <imgui.h>

#include "antrian/display/display_view.h"
#include "antrian/display/layout.h"
#include "antrian/ui/screen.h"
#include "antrian/ui/widgets.h"

namespace antrian::display::draw {

inline ui::Rect rect(const Box& b) { return {{b.x, b.y}, {b.x + b.w, b.y + b.h}}; }

// A part of r: fractions of its width and height (0..1) from its top-left.
inline ui::Rect part(const ui::Rect& r, float x0, float y0, float x1, float y1) {
  return {{r.min.x + r.width() * x0, r.min.y + r.height() * y0}, {r.min.x + r.width() * x1, r.min.y + r.height() * y1}};
}

// draw_calls.cpp
void newest_call(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v, bool blink_on);
void loket_board(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v);

// draw_services.cpp
void header(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v);
void link_bar(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v);
void problem_bar(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v);
void disruption_banner(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const Banner& b);
void service_cards(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v);

}  // namespace antrian::display::draw
