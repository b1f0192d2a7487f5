#pragma once
// Work handed to the UI thread by the network and printer threads: each item is posted
// with a wake-up of the GUI loop, and run there, in order, in Screen::on_wake().
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace antrian::kiosk::app {

class Inbox {
 public:
  explicit Inbox(std::function<void()> wake) : wake_(std::move(wake)) {}

  // Any thread.
  void post(std::function<void()> f) {
    {
      std::lock_guard l(mu_);
      if (closed_) return;
      items_.push_back(std::move(f));
    }
    wake_();
  }

  // UI thread: runs everything posted so far.
  void drain() {
    std::vector<std::function<void()>> items;
    {
      std::lock_guard l(mu_);
      items.swap(items_);
    }
    for (auto& f : items) f();
  }

  // From now on posts are dropped (the program is ending).
  void close() {
    std::lock_guard l(mu_);
    closed_ = true;
    items_.clear();
  }

 private:
  std::function<void()> wake_;
  std::mutex mu_;
  std::vector<std::function<void()>> items_;
  bool closed_ = false;
};

}  // namespace antrian::kiosk::app
