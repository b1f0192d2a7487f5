#pragma once
// Drawing helpers the kiosk, display and counter all need. They only draw: what to
// show is decided by the program's model. Sizes are pixels; use FrameInfo::px() to
// turn 1080p design sizes into this window's pixels.
#include <imgui.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "antrian/strings.h"
#include "antrian/ui/marquee.h"
#include "antrian/ui/palette.h"
#include "antrian/ui/screen.h"

namespace antrian::ui {

struct Rect {
  ImVec2 min, max;
  float width() const { return max.x - min.x; }
  float height() const { return max.y - min.y; }
  ImVec2 center() const { return {(min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f}; }
  // The rect shrunk by d on every side.
  Rect inset(float d) const { return {{min.x + d, min.y + d}, {max.x - d, max.y - d}}; }
};

enum class Align { left, center, right };

// Draws text inside rect: each line aligned horizontally as asked, the block centred
// vertically. With shrink_to_fit, text wider than the rect is drawn at a smaller size
// instead of spilling out (long service names). Returns the size drawn.
ImVec2 text_in_rect(ImDrawList* dl, const Rect& rect, std::string_view text, ImFont* font, ImU32 color,
                    Align align = Align::center, bool shrink_to_fit = true);

// text_in_rect centred both ways.
inline ImVec2 text_centered(ImDrawList* dl, const Rect& rect, std::string_view text, ImFont* font,
                            ImU32 color) {
  return text_in_rect(dl, rect, text, font, color, Align::center, true);
}

// Size of text drawn with font at its built size (multi-line aware).
ImVec2 text_size(std::string_view text, ImFont* font);

// --- status pill -----------------------------------------------------------------

enum class Status { normal, degraded, halted };

struct StatusLook {
  ImU32 fill;
  ImU32 text;
};
StatusLook status_look(Status status);

// "Normal" / "Gangguan" / "Terhenti" (or English), from the strings table.
std::string_view status_word(Status status, Lang lang);

// Width of a pill of this height showing label.
float status_pill_width(float height, std::string_view label, ImFont* font);

// A rounded pill: a shape icon (circle for normal, triangle for degraded, square for
// halted, so it reads without colour) and the word. Returns the rect it took.
Rect status_pill(ImDrawList* dl, ImVec2 top_left, float height, Status status, std::string_view label,
                 ImFont* font);

// --- big touch button ----------------------------------------------------------

// A fingertip is about 10 mm; on a 1080p 22" screen that is about 40 px, so nothing
// touchable is smaller than this (either side).
inline constexpr float kMinTouchPx = 64;

struct ButtonLook {
  ImU32 fill = palette::accent;
  ImU32 fill_hovered = palette::accent_hi;
  ImU32 fill_pressed = palette::accent_pressed;
  ImU32 text = palette::text;
};

// A large rounded button at the ImGui cursor (size grows to kMinTouchPx if smaller).
// Returns true on the frame it was tapped. A disabled button is drawn greyed and
// never returns true. id must be unique in the window (ImGui id rules).
bool big_button(const char* id, std::string_view label, ImVec2 size, ImFont* font, bool enabled = true,
                const ButtonLook& look = {});

// --- banner --------------------------------------------------------------------

// A full-width bar with text (a warning across the top, a footer). The text is
// aligned as asked with padding of a quarter of the bar height.
void banner(ImDrawList* dl, const Rect& rect, std::string_view text, ImFont* font, ImU32 fill,
            ImU32 text_color, Align align = Align::left);

// --- marquee (running text) -------------------------------------------------------

// Scrolling text for announcements. Keep one Marquee per place it is drawn; it
// restarts from the beginning when the text changes. It asks the loop for animation
// frames only while it is visible and moving; text that fits stands still and costs
// nothing.
class Marquee {
 public:
  // params are in 1080p design pixels; draw() scales them by FrameInfo::scale.
  explicit Marquee(MarqueeParams params = {}) : params_(params) {}
  void draw(const FrameInfo& frame, ImDrawList* dl, const Rect& rect, std::string_view text, ImFont* font,
            ImU32 color);
  const MarqueeParams& params() const { return params_; }

 private:
  MarqueeParams params_;
  std::string text_;
  std::int64_t start_ms_ = 0;
};

}  // namespace antrian::ui
