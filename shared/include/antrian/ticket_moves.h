#pragma once
// Why a ticket is not where it was, or not called as the line suggests: moved to
// another service by a bulk move (the tickets_moved event's reason), transferred by
// a loket, brought back by the desk, closed with a reason, or waiting for a loket
// that is on a break. One rule, read from the hub's model (the ticket's history and
// the lokets), so the status page, the wall display and the web display say the same.
#include <cstdint>
#include <string>
#include <vector>

#include "antrian/model.h"
#include "antrian/strings.h"

namespace antrian {

struct TicketMove {
  // "" (nothing to say), "bulk_moved", "transferred", "returned", "closed",
  // "loket_break", "loket_closed"
  std::string kind;
  std::string from_service;  // bulk_moved: the service it was moved from
  std::string note;          // the staff's reason as typed (may be empty)
  int loket = 0;             // transferred: from; loket_break/closed: the loket it waits for
  int64_t at = 0;            // when it was moved (0 for a loket's state)
  int64_t until = 0;         // loket_break: the break's expected end
  std::string text_id, text_en;  // the sentence every screen shows
};

// A waiting ticket's move (or a closed ticket's reason); kind "" when there is nothing to say.
TicketMove ticket_move(const OfficeState& s, const Ticket& t);

// What the wall says about waiting tickets that were moved or wait for a loket on a
// break: one notice per bulk move (its services and reason) and per loket on break.
struct MoveNotice {
  std::string kind;                 // "bulk_moved" or "loket_break" / "loket_closed"
  std::string from_service, to_service;  // bulk_moved
  int loket = 0;                    // loket_break / loket_closed
  int64_t until = 0;                // loket_break: expected end (0: unknown)
  std::vector<std::string> labels;  // the waiting tickets, in line order
  std::string title_id, title_en;   // headline: which numbers, moved where / which loket
  std::string cause_id, cause_en;   // why: the staff's reason, or what the loket's state means
  std::string when_id, when_en;     // loket_break: "Perkiraan buka kembali pukul 10:45 WIB" ("" when unknown)
};
std::vector<MoveNotice> move_notices(const OfficeState& s);

// "B-003, B-004, B-005 dan 4 lainnya": at most `shown` labels, then the count.
std::string label_list(const std::vector<std::string>& labels, Lang lang, std::size_t shown = 4);

}  // namespace antrian
