#pragma once
// Joins the view model to the hub client. Requests from the model's outbox go out
// with request_async; their answers arrive on the client's network thread and wait
// here until the UI thread (or the script driver) takes them. wake() is how the
// network thread says "something arrived": the GUI passes App::wake, and wait()
// lets the headless driver sleep until then.
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "antrian/counter/console_model.h"
#include "antrian/hub_client.h"

namespace antrian::counter {

class HubLink {
 public:
  // Owns the client, so that its network thread (and the answers it gives to
  // requests still on their way) ends before anything here is destroyed.
  explicit HubLink(HubClientOptions options);
  ~HubLink();
  HubLink(const HubLink&) = delete;
  HubLink& operator=(const HubLink&) = delete;

  // Also called (from the network thread) whenever a reply or a change arrives.
  void set_waker(std::function<void()> wake);

  // UI thread: feeds answers and the mirror to the model, then sends its outbox.
  // Call with the state lock held (inside HubClient::with_state) via pump().
  void pump(ConsoleModel& model, const Mirror& m);
  // Runs f(model, mirror) under the mirror's read lock, then pumps.
  template <typename F>
  void with_mirror(ConsoleModel& model, F&& f) {
    client_->with_state([&](const OfficeState& s) {
      const Mirror m{s, client_->online(), client_->synced(), client_->hub_now_ms()};
      pump(model, m);
      f(model, m);
      pump(model, m);
      return 0;
    });
  }

  // Sleeps until something arrives or timeout_ms passes.
  void wait(int timeout_ms);

  HubClient& client() { return *client_; }

 private:
  void arrived();

  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::pair<uint64_t, proto::Reply>> replies_;
  uint64_t arrivals_ = 0, seen_ = 0;
  std::function<void()> wake_;
  std::unique_ptr<HubClient> client_;  // last member: destroyed first
};

}  // namespace antrian::counter
