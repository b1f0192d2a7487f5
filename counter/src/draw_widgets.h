#pragma once
// Drawing pieces the counter's screens share. They draw what they are given and
// report clicks; nothing here decides anything.
#include <imgui.h>

#include <string_view>

#include "antrian/counter/counter_view.h"
#include "antrian/ui/widgets.h"

namespace antrian::counter::gui {

using ui::Rect;

// A rect from a corner and a size.
inline Rect rect_at(float x, float y, float w, float h) { return {{x, y}, {x + w, y + h}}; }

ui::Status to_status(ServiceStatus s);
ImU32 notice_fill(Notice::Kind kind);
ImU32 notice_text(Notice::Kind kind);

// A panel background.
void panel(ImDrawList* dl, const Rect& r, ImU32 fill = ui::palette::surface);

// A button with its label and, in a chip at its left, its shortcut key. Disabled
// buttons are grey and say why in a tooltip. True on the frame it was clicked.
bool action_button(const char* id, const ButtonView& b, const Rect& r, ImFont* label_font, ImFont* key_font,
                   bool primary = false);

// A line in a list or a chip that can be chosen by clicking. True when clicked.
bool choice(const char* id, const Rect& r, std::string_view text, bool chosen, ImFont* font,
            ui::Align align = ui::Align::left);

// A box showing typed text with a steady caret at its end (or the placeholder).
void text_box(ImDrawList* dl, const Rect& r, std::string_view text, std::string_view placeholder, ImFont* font,
              bool focused = true);

// The notice line: headline and, smaller, the hub's own reason. True when clicked (dismiss).
bool notice_bar(const char* id, const Rect& r, const NoticeView& n, ImFont* font, ImFont* detail_font);

// Text wrapped at width: its height, and drawing it (top-left at pos).
float wrapped_height(std::string_view text, ImFont* font, float width);
void wrapped_text(ImDrawList* dl, ImVec2 pos, std::string_view text, ImFont* font, ImU32 color, float width);

// Small caption text at a point.
void caption(ImDrawList* dl, ImVec2 at, std::string_view text, ImFont* font, ImU32 color = ui::palette::text_muted);

}  // namespace antrian::counter::gui
