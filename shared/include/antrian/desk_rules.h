#pragma once
// What the information desk may still do with a ticket, decided in one place for the
// hub's rules, ticket_find, the counter program and the admin page: whether a no-show
// may be brought back into line (and until when), and reading a ticket number as
// people type it ("a-6", "A006", "A-006").
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "antrian/model.h"

namespace antrian {

struct NoShowReturn {
  bool allowed = false;
  int64_t until_ms = 0;   // last moment it may be brought back (0: never)
  std::string reason_en;  // why not, when not allowed
};

// May this ticket be brought back into line now? Only a no-show of today, within the
// office's no_show_return_min after it was marked, and only once nothing newer
// replaced it.
NoShowReturn no_show_return(const OfficeState& s, const Ticket& t, int64_t now_ms);

// The no-show this loket marked most recently that it may still bring back, if any.
const Ticket* returnable_no_show_of(const OfficeState& s, int counter, int64_t now_ms);

// "a-6", "A 006", "A006" -> "A-006"; nullopt when it is not a ticket number
// (1..3 letters, an optional '-' or space, 1..4 digits).
std::optional<std::string> normalize_ticket_number(std::string_view text);

}  // namespace antrian
