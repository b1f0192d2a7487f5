#include "touch.h"

#include <algorithm>
#include <cfloat>

namespace antrian::kiosk::app {

void TouchBoard::begin_frame(std::optional<std::string> scripted) {
  scripted_ = std::move(scripted);
  scripted_used_ = false;
  taps_.clear();
  visible_.clear();
}

TouchState TouchBoard::target(const std::string& key, const ui::Rect& rect, bool enabled) {
  TouchState s;
  ImGui::SetCursorScreenPos(rect.min);
  if (!enabled) ImGui::BeginDisabled();
  s.clicked = ImGui::InvisibleButton(key.c_str(), {std::max(rect.width(), 1.0f), std::max(rect.height(), 1.0f)});
  s.hovered = ImGui::IsItemHovered();
  s.held = ImGui::IsItemActive();
  if (!enabled) ImGui::EndDisabled();
  s.clicked = s.clicked && enabled;
  if (enabled) {
    visible_.push_back(key);
    if (!scripted_used_ && scripted_ && *scripted_ == key) {
      s.clicked = true;
      scripted_used_ = true;
    }
  }
  if (s.clicked) taps_.push_back(key);
  return s;
}

void draw_button_face(ImDrawList* dl, const ui::Rect& r, const TouchState& s, bool enabled, const ButtonStyle& style,
                      float rounding) {
  ImU32 fill = enabled ? (s.held ? style.fill_pressed : style.fill) : ui::palette::disabled;
  dl->AddRectFilled(r.min, r.max, fill, rounding);
  if (style.border != 0) dl->AddRect(r.min, r.max, style.border, rounding, 0, 3.0f);
}

bool text_button(TouchBoard& board, const std::string& key, const ui::Rect& rect, std::string_view label, ImFont* font,
                 bool enabled, const ButtonStyle& style) {
  const TouchState s = board.target(key, rect, enabled);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_button_face(dl, rect, s, enabled, style, std::min(rect.height() * 0.3f, 24.0f));
  const float pad = std::min(rect.width(), rect.height()) * 0.15f;
  ui::Rect inner = rect.inset(pad);
  if (s.held) inner = {{inner.min.x, inner.min.y + 3}, {inner.max.x, inner.max.y + 3}};
  ui::text_in_rect(dl, inner, label, font, enabled ? style.text : ui::palette::on_disabled, ui::Align::center, true);
  return s.clicked;
}

float wrapped_height(ImFont* font, float width, std::string_view text) {
  if (text.empty()) return 0;
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), text.data() + text.size()).y;
}

float wrapped_text(ImDrawList* dl, ImFont* font, ImVec2 pos, float width, std::string_view text, ImU32 color) {
  if (text.empty()) return 0;
  dl->AddText(font, font->FontSize, pos, color, text.data(), text.data() + text.size(), width);
  return wrapped_height(font, width, text);
}

}  // namespace antrian::kiosk::app
