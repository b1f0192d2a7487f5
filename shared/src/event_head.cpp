#include "antrian/event_head.h"

namespace antrian {

std::optional<EventHead> scan_event_head(std::string_view s) {
  // ...,"seq":123,"type":"ticket_called"}   read from the end
  if (s.size() < 2 || s.back() != '}' || s[s.size() - 2] != '"') return std::nullopt;
  std::size_t end = s.size() - 2;  // the type's closing quote
  std::size_t start = end;
  while (start > 0) {
    const char c = s[start - 1];
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) break;
    --start;
  }
  if (start == end) return std::nullopt;
  constexpr std::string_view kType = ",\"type\":\"";
  if (start < kType.size() || s.substr(start - kType.size(), kType.size()) != kType) return std::nullopt;
  std::size_t digits_end = start - kType.size(), digits = digits_end;
  while (digits > 0 && s[digits - 1] >= '0' && s[digits - 1] <= '9') --digits;
  if (digits == digits_end || digits_end - digits > 18) return std::nullopt;
  constexpr std::string_view kSeq = ",\"seq\":";
  if (digits < kSeq.size() || s.substr(digits - kSeq.size(), kSeq.size()) != kSeq) return std::nullopt;
  EventHead h;
  for (std::size_t i = digits; i < digits_end; ++i) h.seq = h.seq * 10 + (s[i] - '0');
  h.type = std::string(s.substr(start, end - start));
  return h;
}

}  // namespace antrian
