#pragma once
// Wakes the server-sent-event streams when the hub's state changed. Every hub event
// bumps a version; a stream waits for a version newer than the one it last sent.
// It also counts open streams: each holds one HTTP worker thread, so their number is
// capped and a page over the cap falls back to polling.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>

namespace antrian::web {

class ChangeFeed {
 public:
  explicit ChangeFeed(int max_streams) : max_streams_(max_streams) {}

  uint64_t version() const;
  void bump();
  // Waits until the version is newer than `seen`, `timeout` passes or stop() is
  // called. Returns the version now.
  uint64_t wait_newer(uint64_t seen, std::chrono::milliseconds timeout);
  // Wakes every waiting stream for good (the hub is shutting down).
  void stop();
  bool stopping() const;

  // A stream slot; false when max_streams are already open.
  bool open_stream();
  void close_stream();
  int open_streams() const;
  int max_streams() const { return max_streams_; }

 private:
  mutable std::mutex mu_;
  std::condition_variable cv_;
  uint64_t version_ = 1;
  bool stopping_ = false;
  int streams_ = 0;
  const int max_streams_;
};

}  // namespace antrian::web
