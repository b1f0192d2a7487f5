#pragma once
// A one-line text the view model owns (PIN, transfer note, disruption message):
// typing appends at the end, Backspace removes the last character. Owning the text
// here, not in an ImGui widget, lets keys and scripts edit it and tests check it.
#include <cstddef>
#include <string>
#include <string_view>

namespace antrian::counter {

class TextField {
 public:
  explicit TextField(std::size_t max_chars) : max_chars_(max_chars) {}

  // Appends UTF-8 text, dropping control characters and malformed bytes, up to
  // max_chars characters. Returns false when something had to be dropped.
  bool insert(std::string_view utf8);
  void backspace();  // removes the last character (not the last byte)
  void clear() { text_.clear(); }

  const std::string& text() const { return text_; }
  bool empty() const { return text_.empty(); }
  std::size_t chars() const;
  std::size_t max_chars() const { return max_chars_; }
  // One bullet per character: what a PIN field shows.
  std::string masked() const;

 private:
  std::size_t max_chars_;
  std::string text_;
};

}  // namespace antrian::counter
