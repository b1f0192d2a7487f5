#include "antrian/display/text_pages.h"

#include <algorithm>

namespace antrian::display {
namespace {

std::vector<std::string_view> words_of(std::string_view text) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && text[i] == ' ') ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

TextPage page(std::string text, std::size_t words, const PagingRules& r) {
  const int64_t d = std::clamp<int64_t>(static_cast<int64_t>(words) * r.per_word_ms, r.min_ms, r.max_ms);
  return {std::move(text), d};
}

}  // namespace

std::vector<TextPage> paginate(const std::vector<std::string>& items, float max_width,
                               const std::function<float(std::string_view)>& width, const PagingRules& rules) {
  std::vector<TextPage> out;
  for (const std::string& item : items) {
    std::string line;
    std::size_t words_in_line = 0;
    for (std::string_view w : words_of(item)) {
      std::string candidate = line.empty() ? std::string(w) : line + " " + std::string(w);
      if (!line.empty() && width(candidate) > max_width) {
        out.push_back(page(std::move(line), words_in_line, rules));
        candidate = std::string(w);
        words_in_line = 0;
      }
      line = std::move(candidate);
      ++words_in_line;
    }
    if (!line.empty()) out.push_back(page(std::move(line), words_in_line, rules));
  }
  return out;
}

PagePosition page_at(const std::vector<TextPage>& pages, int64_t elapsed_ms) {
  if (pages.size() <= 1) return {0, -1};
  int64_t cycle = 0;
  for (const TextPage& p : pages) cycle += std::max<int64_t>(1, p.duration_ms);
  int64_t t = std::max<int64_t>(0, elapsed_ms) % cycle;
  for (std::size_t i = 0; i < pages.size(); ++i) {
    const int64_t d = std::max<int64_t>(1, pages[i].duration_ms);
    if (t < d) return {i, d - t};
    t -= d;
  }
  return {0, 1};
}

}  // namespace antrian::display
