#pragma once
// Lookups over the day's tickets that the rules need on every command, kept in step
// with the tickets as they change (apply_event, Store::load, state_from_json), so a
// command's cost does not grow with the number of tickets the day has seen: the
// queues in call order, the open tickets, the newest ticket per label and per token,
// the count of tickets issued per service, and the closed ones in the order they closed.
#include <array>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

namespace antrian {

struct Ticket;

struct TicketIndex {
  using Place = std::pair<int64_t, int64_t>;  // (queue_at, id): place in line
  struct Queue {
    std::set<Place> priority, reguler;  // waiting, not transferred to one loket
    std::set<Place> targeted;           // waiting, transferred to one loket
    std::size_t size() const { return priority.size() + reguler.size() + targeted.size(); }
  };
  std::map<std::string, Queue> waiting;           // by service
  std::map<int, std::set<Place>> targeted;        // waiting tickets by the loket they were sent to
  std::set<int64_t> open;                         // ids of waiting, called and serving tickets
  std::unordered_map<std::string, int64_t> by_label, by_token;  // newest ticket id
  std::map<std::string, int> issued;              // per service (transfers in not counted)
  std::map<std::string, std::array<int, 7>> by_state;  // per service, per TicketState
  std::set<std::pair<int64_t, int64_t>> closed;   // (ended_at, id) of closed tickets
  std::size_t count = 0;                          // tickets indexed
  // Every ticket in id order (the order they were issued in), compact, for the
  // forecast's pace of arrivals (recent_arrivals): a short scan of plain rows, not of
  // the day's tickets in a tree.
  struct Issued {
    int64_t id = 0, issued_at = 0;
    uint32_t service = 0;  // its place in service_names: a row compares ints, not strings
    bool priority = false, transferred = false;
    bool gone = false;  // removed and not (yet) added again
  };
  std::vector<Issued> by_id;
  std::vector<std::string> service_names;  // every service a row names, first seen first
  std::size_t gone_rows = 0;  // rows removed and not (yet) added again
  // The issue times of the arrivals (rows not made by a transfer) in id order, kept
  // while they are also in time order and rows were only added at the end or rewritten
  // as they were (a clock that went back, a row put between others or changed clears
  // arrivals_in_order for the day): arrivals_between is then two binary searches.
  std::vector<int64_t> arrival_times;
  bool arrivals_in_order = true;

  void add(const Ticket& t);
  void remove(const Ticket& t);
  void clear() { *this = TicketIndex{}; }
};

struct OfficeState;
// Tickets taken since `from_ms` per service, {priority, reguler}, read newest first the
// way the forecast's pace always read the day: from the newest ticket back to the
// first one taken before from_ms (a transferred ticket keeps its first time, so it
// may end the reading early); transferred tickets are not counted.
std::map<std::string, std::pair<int, int>> recent_arrivals(const TicketIndex& ix, int64_t from_ms);
// Tickets taken in [from_ms, to_ms), transferred ones not counted (the day's arrivals
// so far, for today's level of the arrival curve): binary searches while the index
// holds the arrivals in time order, else a scan of the rows.
int arrivals_between(const TicketIndex& ix, int64_t from_ms, int64_t to_ms);
// Rebuilds s.index from s.tickets (after a load or a snapshot).
void reindex(OfficeState& s);
// The index, rebuilt first if it does not cover the tickets (a test that set
// tickets by hand): every reader goes through here.
const TicketIndex& ticket_index(const OfficeState& s);

}  // namespace antrian
