#include "antrian/desk_rules.h"

#include <cctype>
#include <cstdio>

#include "antrian/ticket_index.h"

namespace antrian {

NoShowReturn no_show_return(const OfficeState& s, const Ticket& t, int64_t now_ms) {
  NoShowReturn r;
  if (t.state != TicketState::no_show) {
    r.reason_en = t.label() + " is " + std::string(to_string(t.state)) + ", not a no-show";
    return r;
  }
  if (t.day != s.day) {
    r.reason_en = t.label() + " was a no-show on another day";
    return r;
  }
  const int minutes = s.office.no_show_return_min;
  if (minutes <= 0) {
    r.reason_en = "this office does not bring no-shows back into line (office.no_show_return_minutes is 0)";
    return r;
  }
  r.until_ms = t.ended_at + int64_t(minutes) * 60'000;
  if (now_ms > r.until_ms) {
    r.reason_en = t.label() + " was marked a no-show more than " + std::to_string(minutes) +
                  " minutes ago; the applicant takes a new number";
    return r;
  }
  r.allowed = true;
  return r;
}

const Ticket* returnable_no_show_of(const OfficeState& s, int counter, int64_t now_ms) {
  // Closed tickets in the order they closed, newest first, back to the oldest that
  // could still return: the last no-show this loket marked.
  const int64_t oldest = now_ms - int64_t(s.office.no_show_return_min) * 60'000;
  const TicketIndex& ix = ticket_index(s);
  for (auto it = ix.closed.rbegin(); it != ix.closed.rend() && it->first >= oldest; ++it) {
    const Ticket& t = s.tickets.at(it->second);
    if (t.counter != counter || t.state != TicketState::no_show) continue;
    return no_show_return(s, t, now_ms).allowed ? &t : nullptr;
  }
  return nullptr;
}

std::optional<std::string> normalize_ticket_number(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  size_t end = text.size();
  while (end > i && std::isspace(static_cast<unsigned char>(text[end - 1]))) --end;
  std::string prefix;
  while (i < end && std::isalpha(static_cast<unsigned char>(text[i])) && prefix.size() < 4)
    prefix += char(std::toupper(static_cast<unsigned char>(text[i++])));
  if (prefix.empty() || prefix.size() > 3) return std::nullopt;
  if (i < end && (text[i] == '-' || text[i] == ' ')) ++i;
  if (i == end || end - i > 4) return std::nullopt;
  int number = 0;
  for (; i < end; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    number = number * 10 + (text[i] - '0');
  }
  if (number <= 0) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03d", number);
  return prefix + "-" + buf;
}

}  // namespace antrian
