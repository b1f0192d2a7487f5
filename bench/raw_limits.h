#pragma once
// The raw limits of this machine that the hub's figures are measured against: a CURVE
// round trip on loopback (DEALER <-> ROUTER echo, CURVE both ends, as between the hub
// and its clients) and a one-row SQLite commit (WAL, synchronous=FULL, as the hub's
// store). Kept open for the whole run, so a sample can be taken at any moment: beside
// the hub's own samples, in the same minutes, on a shared machine whose disk and CPU
// change from minute to minute.
#include <sqlite3.h>

#include <atomic>
#include <string>
#include <thread>

#include <zmq.hpp>

namespace antrian::bench {

class RawLimits {
 public:
  explicit RawLimits(const std::string& dir);
  ~RawLimits();
  RawLimits(const RawLimits&) = delete;
  RawLimits& operator=(const RawLimits&) = delete;

  // One round trip of a 200-byte message (about a call_next request), in ms.
  double round_trip_ms();
  // One transaction of one 600-byte row (about an event plus its ticket row), in ms.
  double commit_ms();

 private:
  zmq::context_t ctx_{1};
  zmq::socket_t router_{ctx_, zmq::socket_type::router};
  zmq::socket_t dealer_{ctx_, zmq::socket_type::dealer};
  std::atomic<bool> stop_{false};
  std::thread echo_;
  sqlite3* db_ = nullptr;
  sqlite3_stmt* insert_ = nullptr;
};

}  // namespace antrian::bench
