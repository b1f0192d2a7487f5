#pragma once
// Helpers shared by the printing tests.
#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "antrian/printing/bytes.h"

namespace printing_test {

using antrian::printing::Bytes;

inline Bytes B(std::initializer_list<int> v) {
  Bytes b;
  for (int x : v) b.push_back(static_cast<std::uint8_t>(x));
  return b;
}

inline Bytes B(std::string_view s) { return Bytes(s.begin(), s.end()); }

inline Bytes cat(Bytes a, const Bytes& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

// Offset of needle in hay, or npos.
inline size_t find(const Bytes& hay, const Bytes& needle, size_t from = 0) {
  if (needle.empty() || from > hay.size()) return std::string::npos;
  auto it = std::search(hay.begin() + static_cast<long>(from), hay.end(), needle.begin(), needle.end());
  return it == hay.end() ? std::string::npos : static_cast<size_t>(it - hay.begin());
}

inline size_t count(const Bytes& hay, const Bytes& needle) {
  size_t n = 0;
  for (size_t p = find(hay, needle); p != std::string::npos; p = find(hay, needle, p + 1)) ++n;
  return n;
}

}  // namespace printing_test
