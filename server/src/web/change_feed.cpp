#include "web/change_feed.h"

namespace antrian::web {

uint64_t ChangeFeed::version() const {
  std::lock_guard l(mu_);
  return version_;
}

void ChangeFeed::bump() {
  {
    std::lock_guard l(mu_);
    ++version_;
  }
  cv_.notify_all();
}

uint64_t ChangeFeed::wait_newer(uint64_t seen, std::chrono::milliseconds timeout) {
  std::unique_lock l(mu_);
  cv_.wait_for(l, timeout, [&] { return version_ > seen || stopping_; });
  return version_;
}

void ChangeFeed::stop() {
  {
    std::lock_guard l(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
}

bool ChangeFeed::stopping() const {
  std::lock_guard l(mu_);
  return stopping_;
}

bool ChangeFeed::open_stream() {
  std::lock_guard l(mu_);
  if (stopping_ || streams_ >= max_streams_) return false;
  ++streams_;
  return true;
}

void ChangeFeed::close_stream() {
  std::lock_guard l(mu_);
  if (streams_ > 0) --streams_;
}

int ChangeFeed::open_streams() const {
  std::lock_guard l(mu_);
  return streams_;
}

}  // namespace antrian::web
