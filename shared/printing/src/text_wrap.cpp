#include "antrian/printing/text_wrap.h"

#include <algorithm>

namespace antrian::printing {

std::vector<std::string> wrap_text(std::string_view text, int columns) {
  const size_t width = static_cast<size_t>(std::max(columns, 1));
  std::vector<std::string> lines;
  std::string current;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ') { ++i; continue; }
    size_t end = text.find(' ', i);
    if (end == std::string_view::npos) end = text.size();
    std::string_view word = text.substr(i, end - i);
    i = end;
    // A word that cannot fit on any line is cut into line-sized pieces.
    while (word.size() > width) {
      if (!current.empty()) { lines.push_back(std::move(current)); current.clear(); }
      lines.emplace_back(word.substr(0, width));
      word.remove_prefix(width);
    }
    if (word.empty()) continue;
    if (current.empty()) {
      current = word;
    } else if (current.size() + 1 + word.size() <= width) {
      current += ' ';
      current += word;
    } else {
      lines.push_back(std::move(current));
      current = word;
    }
  }
  if (!current.empty()) lines.push_back(std::move(current));
  return lines;
}

}  // namespace antrian::printing
