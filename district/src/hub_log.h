#pragma once
// The hub's event log (DATA_DIR/antrian.db), read-only. The hub writes in WAL mode,
// so this reader never blocks it and never waits for it; the hub does not know it is
// being read.
#include <cstdint>
#include <functional>
#include <memory>
#include <string_view>
#include <string>
#include <vector>

#include "antrian/event.h"
#include "antrian/result.h"

struct sqlite3;

namespace antrian::district {

class HubLog {
 public:
  static Result<std::unique_ptr<HubLog>> open(const std::string& path);
  ~HubLog();
  // Up to `limit` events after `seq`, in order.
  Result<std::vector<Event>> after(int64_t seq, int limit);
  // The same one at a time: each event goes to `use` with its data as the log holds it
  // (text), and is freed before the next is read. The forwarder's batches go this way:
  // a vector of 5,000 parsed events cost more to allocate and free than to replay.
  // Returns how many events were read.
  using EventUser = std::function<void(Event& e, std::string_view data_text)>;
  Result<int64_t> each_after(int64_t seq, int limit, const EventUser& use);
  Result<int64_t> last_seq();

 private:
  explicit HubLog(sqlite3* db) : db_(db) {}
  sqlite3* db_;
};

}  // namespace antrian::district
