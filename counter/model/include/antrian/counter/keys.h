#pragma once
// The keys the counter program reacts to, independent of SDL so the view model can
// be driven (and tested) without a window. The program translates SDL key codes.
#include <optional>
#include <string>
#include <string_view>

namespace antrian::counter {

enum class Key {
  none,
  f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12,
  up, down, left, right, page_up, page_down, home, end,
  enter, escape, backspace, tab, space,
  digit1, digit2, digit3, digit4, digit5, digit6, digit7, digit8, digit9,
};

struct KeyPress {
  Key key = Key::none;
  bool ctrl = false;
  bool shift = false;
};

// "F1", "Up", "Enter", "1"... as written on buttons and in scripts.
std::string_view key_name(Key k);

// "F4", "Ctrl+2", "escape" (case-insensitive); nullopt for anything else.
std::optional<KeyPress> parse_key(std::string_view text);

// "Ctrl+2".
std::string key_label(const KeyPress& k);

// Whether a held-down key may repeat: arrows and Backspace yes; actions never, so
// a key held a little too long cannot act twice.
bool repeat_allowed(Key k);

// digit1..digit9 -> 1..9, anything else 0.
int digit_value(Key k);

}  // namespace antrian::counter
