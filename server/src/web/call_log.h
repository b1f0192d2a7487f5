#pragma once
// The calls the hub announced while the web was listening (ticket_called and
// ticket_recalled events), newest last. The browser display speaks these, by the
// event's sequence number, and its audio route only synthesises calls found here:
// nobody can make the hub say arbitrary text.
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "antrian/event.h"

namespace antrian::web {

struct CallRecord {
  int64_t seq = 0;        // the event's sequence number in the hub's log
  int64_t at = 0;         // when the hub accepted it (hub clock, ms)
  int64_t ticket_id = 0;
  std::string label;      // "A-001"
  std::string service;    // service code
  int counter = 0;        // loket number
  int recalls = 0;        // 0 = first call
};

class CallLog {
 public:
  explicit CallLog(std::size_t capacity = 200) : capacity_(capacity) {}

  // Records the event when it is a call or a recall; ignores anything else.
  void add(const Event& e);
  // Adds calls read from the hub's log (at start-up: calls made before the web's
  // client was in step), keeping the order by sequence number and no duplicates.
  void merge(const std::vector<CallRecord>& older);
  // Forgets everything (the hub's log was replaced).
  void clear();
  std::optional<CallRecord> find(int64_t seq) const;
  // The newest `max` calls, oldest first.
  std::vector<CallRecord> recent(std::size_t max) const;

  // The record for a call event, if it is one.
  static std::optional<CallRecord> from_event(const Event& e);
  // The newest `max` calls from the hub's database (read-only), oldest first.
  static std::vector<CallRecord> read_recent(const std::string& db_path, int max);

 private:
  mutable std::mutex mu_;
  std::deque<CallRecord> calls_;
  std::size_t capacity_;
};

}  // namespace antrian::web
