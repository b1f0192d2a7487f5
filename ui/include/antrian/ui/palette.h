#pragma once
// Colours shared by the three programs. Pairs are chosen for contrast (WCAG AA or
// better for the text drawn on them): a wall display is read from across a hall,
// and status is always written in words too, never shown by colour alone.
#include <imgui.h>

namespace antrian::ui::palette {

constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
  return (ImU32(a) << IM_COL32_A_SHIFT) | (ImU32(b) << IM_COL32_B_SHIFT) |
         (ImU32(g) << IM_COL32_G_SHIFT) | (ImU32(r) << IM_COL32_R_SHIFT);
}

// Surfaces (dark navy so white text is about 15:1).
constexpr ImU32 background = rgb(0x0B, 0x1A, 0x2E);
constexpr ImU32 surface = rgb(0x15, 0x2A, 0x45);       // panels, cards
constexpr ImU32 surface_hi = rgb(0x22, 0x3D, 0x61);    // hovered panels, separators
constexpr ImU32 header = rgb(0x06, 0x10, 0x1F);        // top bar

// Text.
constexpr ImU32 text = rgb(0xFF, 0xFF, 0xFF);
constexpr ImU32 text_muted = rgb(0xB8, 0xC7, 0xDA);    // about 9:1 on background
constexpr ImU32 text_dark = rgb(0x10, 0x10, 0x10);     // on amber and light fills

// Accent (actions, the called number).
constexpr ImU32 accent = rgb(0x15, 0x65, 0xC0);        // white text 5.8:1
constexpr ImU32 accent_hi = rgb(0x1E, 0x88, 0xE5);
constexpr ImU32 accent_pressed = rgb(0x0D, 0x47, 0xA1);
constexpr ImU32 highlight = rgb(0xFF, 0xD5, 0x4F);     // big numbers on background, 12:1

// Status: normal / degraded / halted, with the text colour to use on each.
constexpr ImU32 ok = rgb(0x1B, 0x5E, 0x20);            // white text 7.9:1
constexpr ImU32 on_ok = text;
constexpr ImU32 warn = rgb(0xFF, 0xB3, 0x00);          // dark text 10:1
constexpr ImU32 on_warn = text_dark;
constexpr ImU32 error = rgb(0xB7, 0x1C, 0x1C);         // white text 6.6:1
constexpr ImU32 on_error = text;

constexpr ImU32 disabled = rgb(0x44, 0x50, 0x60);
constexpr ImU32 on_disabled = rgb(0xC8, 0xD0, 0xDA);

}  // namespace antrian::ui::palette
