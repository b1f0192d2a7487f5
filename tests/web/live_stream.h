#pragma once
// A live page's server-sent-event stream read on a thread of its own, as a browser
// would: what arrived so far can be searched while the test changes the office.
#include <httplib.h>

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace antrian::test {

class LiveStream {
 public:
  LiveStream(int port, std::string path) {
    reader_ = std::thread([this, port, path = std::move(path)] {
      httplib::Client c("127.0.0.1", port);
      c.set_read_timeout(15, 0);
      c.Get(path.c_str(), [this](const char* data, size_t n) {
        std::lock_guard l(mu_);
        received_.append(data, n);
        return !stop_.load();
      });
    });
  }
  ~LiveStream() { close([] {}); }
  LiveStream(const LiveStream&) = delete;
  LiveStream& operator=(const LiveStream&) = delete;

  bool has(const std::string& what) const {
    std::lock_guard l(mu_);
    return received_.find(what) != std::string::npos;
  }
  // From the last message named `event` on (empty when none came yet).
  std::string last(const std::string& event) const {
    std::lock_guard l(mu_);
    const auto at = received_.rfind("event: " + event);
    return at == std::string::npos ? std::string() : received_.substr(at);
  }
  // The reader stops at the next message it gets: `poke` makes the hub send one.
  void close(const std::function<void()>& poke) {
    if (!reader_.joinable()) return;
    stop_ = true;
    poke();
    reader_.join();
  }

 private:
  mutable std::mutex mu_;
  std::string received_;
  std::atomic<bool> stop_{false};
  std::thread reader_;
};

}  // namespace antrian::test
