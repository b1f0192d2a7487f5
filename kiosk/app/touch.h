#pragma once
// Touch targets for the kiosk's screens. Every touchable thing is registered under its
// tap key (the view model's vocabulary), so a scripted tap from the automation can
// only press what is actually drawn and enabled on the screen, as a finger would.
#include <imgui.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "antrian/ui/widgets.h"

namespace antrian::kiosk::app {

struct TouchState {
  bool clicked = false;
  bool held = false;
  bool hovered = false;
};

class TouchBoard {
 public:
  // Starts a frame; scripted is a key the automation wants pressed.
  void begin_frame(std::optional<std::string> scripted);

  // An invisible touch area at rect; clicked by a finger or by the script.
  TouchState target(const std::string& key, const ui::Rect& rect, bool enabled = true);

  // Keys touched this frame, in order.
  const std::vector<std::string>& taps() const { return taps_; }
  // Keys drawn and enabled this frame (for the automation's error messages).
  const std::vector<std::string>& visible() const { return visible_; }
  bool scripted_used() const { return scripted_used_; }

 private:
  std::optional<std::string> scripted_;
  bool scripted_used_ = false;
  std::vector<std::string> taps_, visible_;
};

struct ButtonStyle {
  ImU32 fill = ui::palette::accent;
  ImU32 fill_pressed = ui::palette::accent_pressed;
  ImU32 text = ui::palette::text;
  ImU32 border = 0;  // 0: none
};

// A filled rounded rectangle that sinks a little while pressed.
void draw_button_face(ImDrawList* dl, const ui::Rect& r, const TouchState& s, bool enabled, const ButtonStyle& style,
                      float rounding);

// A touch button with a centred label (shrunk to fit). Returns true when tapped.
bool text_button(TouchBoard& board, const std::string& key, const ui::Rect& rect, std::string_view label, ImFont* font,
                 bool enabled = true, const ButtonStyle& style = {});

// Word-wrapped text at pos, at most width wide; returns the height used.
float wrapped_text(ImDrawList* dl, ImFont* font, ImVec2 pos, float width, std::string_view text, ImU32 color);
// Height that wrapped_text would use.
float wrapped_height(ImFont* font, float width, std::string_view text);

}  // namespace antrian::kiosk::app
