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

std::size_t word_count(std::string_view text) { return words_of(text).size(); }

int64_t reading_ms(std::size_t words, const PagingRules& r) {
  return std::clamp<int64_t>(static_cast<int64_t>(words) * r.per_word_ms, r.min_ms, r.max_ms);
}

// A sentence wrapped into lines between words; a word wider than the line gets a line of its own.
std::vector<std::string> wrap(std::string_view sentence, float max_width, const std::function<float(std::string_view)>& width) {
  std::vector<std::string> lines;
  std::string line;
  for (std::string_view w : words_of(sentence)) {
    std::string candidate = line.empty() ? std::string(w) : line + " " + std::string(w);
    if (!line.empty() && width(candidate) > max_width) {
      lines.push_back(std::move(line));
      candidate = std::string(w);
    }
    line = std::move(candidate);
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

}  // namespace

std::vector<std::string> split_sentences(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  auto push = [&](std::size_t end) {
    std::string_view s = text.substr(start, end - start);
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (!s.empty()) out.emplace_back(s);
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ')) {
      push(i + 1);
      start = i + 1;
    }
  }
  push(text.size());
  return out;
}

std::vector<TextPage> paginate(const std::vector<std::string>& items, float max_width,
                               const std::function<float(std::string_view)>& width, const PagingRules& rules) {
  std::vector<TextPage> out;
  auto flush = [&](std::string& line) {
    if (line.empty()) return;
    out.push_back({line, reading_ms(word_count(line), rules), false});
    line.clear();
  };
  for (const std::string& item : items) {
    std::string line;
    for (const std::string& s : split_sentences(item)) {
      const std::string candidate = line.empty() ? s : line + " " + s;
      if (width(candidate) <= max_width) {
        line = candidate;
        continue;
      }
      flush(line);
      if (width(s) <= max_width) line = s;
      else out.push_back({s, reading_ms(word_count(s), rules), true});  // whole, never cut
    }
    flush(line);
  }
  return out;
}

std::vector<LinePage> paginate_lines(const std::vector<TextItem>& items, float max_width, int max_lines,
                                     const MeasureLine& width, const PagingRules& rules) {
  max_lines = std::max(1, max_lines);
  std::vector<LinePage> out;
  LinePage page;
  std::size_t words = 0;
  auto flush = [&](bool continued) {
    if (page.lines.empty()) return;
    page.duration_ms = reading_ms(words, rules);
    page.continued = continued;
    out.push_back(std::move(page));
    page = {};
    words = 0;
  };
  for (const TextItem& item : items) {
    const bool bold = item.bold;
    const auto measure = [&width, bold](std::string_view s) { return width(s, bold); };
    for (const std::string& sentence : split_sentences(item.text)) {
      const std::vector<std::string> lines = wrap(sentence, max_width, measure);
      const int free = max_lines - static_cast<int>(page.lines.size());
      if (static_cast<int>(lines.size()) > free) flush(false);  // the sentence starts a page of its own
      for (const std::string& l : lines) {
        if (static_cast<int>(page.lines.size()) == max_lines) flush(true);  // longer than a page: carried over
        page.lines.push_back({l, bold});
        words += word_count(l);
      }
    }
  }
  flush(false);
  return out;
}

PagePosition page_at(const std::vector<int64_t>& durations, int64_t elapsed_ms) {
  if (durations.size() <= 1) return {0, -1};
  int64_t cycle = 0;
  for (int64_t d : durations) cycle += std::max<int64_t>(1, d);
  int64_t t = std::max<int64_t>(0, elapsed_ms) % cycle;
  for (std::size_t i = 0; i < durations.size(); ++i) {
    const int64_t d = std::max<int64_t>(1, durations[i]);
    if (t < d) return {i, d - t};
    t -= d;
  }
  return {0, 1};
}

PagePosition page_at(const std::vector<TextPage>& pages, int64_t elapsed_ms) {
  std::vector<int64_t> d;
  for (const TextPage& p : pages) d.push_back(p.duration_ms);
  return page_at(d, elapsed_ms);
}

}  // namespace antrian::display
