#pragma once
// The Dear ImGui style of all antrian programs: dark, high contrast, large rounding
// and padding sized for touch, scaled with the window.

namespace antrian::ui {

// Replaces ImGui's current style with ours, with sizes multiplied by scale
// (see ui_scale()). Call again after the scale changes.
void apply_style(float scale);

}  // namespace antrian::ui
