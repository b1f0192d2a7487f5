#include "antrian/counter/keys.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

namespace antrian::counter {
namespace {

constexpr std::array<std::pair<Key, std::string_view>, 35> kNames{{
    {Key::f1, "F1"},           {Key::f2, "F2"},         {Key::f3, "F3"},       {Key::f4, "F4"},
    {Key::f5, "F5"},           {Key::f6, "F6"},         {Key::f7, "F7"},       {Key::f8, "F8"},
    {Key::f9, "F9"},           {Key::f10, "F10"},       {Key::f11, "F11"},     {Key::f12, "F12"},
    {Key::up, "Up"},           {Key::down, "Down"},     {Key::left, "Left"},   {Key::right, "Right"},
    {Key::page_up, "PageUp"},  {Key::page_down, "PageDown"}, {Key::home, "Home"}, {Key::end, "End"},
    {Key::enter, "Enter"},     {Key::escape, "Esc"},    {Key::backspace, "Backspace"},
    {Key::tab, "Tab"},         {Key::space, "Space"},
    {Key::digit1, "1"},        {Key::digit2, "2"},      {Key::digit3, "3"},    {Key::digit4, "4"},
    {Key::digit5, "5"},        {Key::digit6, "6"},      {Key::digit7, "7"},    {Key::digit8, "8"},
    {Key::digit9, "9"},        {Key::none, ""},
}};

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

std::string_view key_name(Key k) {
  for (const auto& [key, name] : kNames)
    if (key == k) return name;
  return "";
}

std::optional<KeyPress> parse_key(std::string_view text) {
  KeyPress out;
  while (true) {
    const auto plus = text.find('+');
    if (plus == std::string_view::npos || plus == 0) break;
    const std::string_view mod = text.substr(0, plus);
    if (iequals(mod, "ctrl")) out.ctrl = true;
    else if (iequals(mod, "shift")) out.shift = true;
    else return std::nullopt;
    text.remove_prefix(plus + 1);
  }
  if (iequals(text, "escape")) text = "Esc";
  for (const auto& [key, name] : kNames)
    if (key != Key::none && iequals(text, name)) {
      out.key = key;
      return out;
    }
  return std::nullopt;
}

std::string key_label(const KeyPress& k) {
  std::string out;
  if (k.ctrl) out += "Ctrl+";
  if (k.shift) out += "Shift+";
  return out + std::string(key_name(k.key));
}

bool repeat_allowed(Key k) {
  switch (k) {
    case Key::up:
    case Key::down:
    case Key::left:
    case Key::right:
    case Key::page_up:
    case Key::page_down:
    case Key::backspace: return true;
    default: return false;
  }
}

int digit_value(Key k) {
  if (k >= Key::digit1 && k <= Key::digit9) return static_cast<int>(k) - static_cast<int>(Key::digit1) + 1;
  return 0;
}

}  // namespace antrian::counter
