#pragma once
// Today's calls as the wall shows them, rebuilt from the office state every time
// (never from the events the display happened to receive), so a display that was
// offline or restarted shows exactly the same board as one that never blinked.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "antrian/display/display_filter.h"
#include "antrian/model.h"

namespace antrian::display {

// One call or recall of a ticket at a loket.
struct CallEntry {
  int64_t at = 0;          // hub time of this call or recall
  int loket = 0;
  std::string label;       // "A-001"
  std::string service;     // the service the ticket was in when called
  int64_t ticket_id = 0;
  int recall_no = 0;       // 0 = the first call, n = the n-th recall
  TicketState state = TicketState::called;  // the ticket's state now
};

// Every call and recall of today that the filter shows, newest first. A ticket's
// history is copied into its transferred successor; each step is listed once.
std::vector<CallEntry> call_log(const OfficeState& s, const DisplayFilter& filter);

// What a loket's place on the board shows.
struct LoketCall {
  std::string label;
  std::string service;
  int recalls = 0;         // times called again (shown as a mark, never as extra rows)
  int64_t last_at = 0;     // time of the latest call or recall
  TicketState state = TicketState::called;
};

struct LoketBoardRow {
  int number = 0;
  std::string name;
  CounterState state = CounterState::closed;
  std::optional<LoketCall> current;    // the ticket called here most recently
  std::vector<std::string> previous;   // earlier tickets here, newest first
};

// One row per loket in filter.lokets_to_show(), plus any other loket with a shown
// call today, in number order. previous holds up to max_previous labels.
std::vector<LoketBoardRow> loket_board(const OfficeState& s, const DisplayFilter& filter,
                                       const std::vector<CallEntry>& log, std::size_t max_previous = 2);

}  // namespace antrian::display
