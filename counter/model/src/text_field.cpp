#include "antrian/counter/text_field.h"

namespace antrian::counter {
namespace {

// Length of the UTF-8 sequence starting with byte b, 0 when b cannot start one.
std::size_t sequence_length(unsigned char b) {
  if (b < 0x80) return 1;
  if ((b & 0xE0) == 0xC0 && b >= 0xC2) return 2;
  if ((b & 0xF0) == 0xE0) return 3;
  if ((b & 0xF8) == 0xF0 && b <= 0xF4) return 4;
  return 0;
}

bool is_continuation(unsigned char b) { return (b & 0xC0) == 0x80; }

}  // namespace

bool TextField::insert(std::string_view utf8) {
  bool all = true;
  std::size_t count = chars();
  for (std::size_t i = 0; i < utf8.size();) {
    const auto b = static_cast<unsigned char>(utf8[i]);
    const std::size_t n = sequence_length(b);
    bool valid = n > 0 && i + n <= utf8.size();
    for (std::size_t k = 1; valid && k < n; ++k) valid = is_continuation(static_cast<unsigned char>(utf8[i + k]));
    if (!valid) {
      all = false;
      ++i;
      continue;
    }
    if (n == 1 && (b < 0x20 || b == 0x7F)) {  // tab, newline, escape...: not part of a one-line text
      all = false;
      ++i;
      continue;
    }
    if (count >= max_chars_) return false;
    text_.append(utf8.substr(i, n));
    ++count;
    i += n;
  }
  return all;
}

void TextField::backspace() {
  if (text_.empty()) return;
  std::size_t i = text_.size() - 1;
  while (i > 0 && is_continuation(static_cast<unsigned char>(text_[i]))) --i;
  text_.erase(i);
}

std::size_t TextField::chars() const {
  std::size_t n = 0;
  for (char c : text_)
    if (!is_continuation(static_cast<unsigned char>(c))) ++n;
  return n;
}

std::string TextField::masked() const {
  std::string out;
  for (std::size_t i = 0; i < chars(); ++i) out += "\xE2\x80\xA2";  // U+2022 bullet
  return out;
}

}  // namespace antrian::counter
