#pragma once
// The one client of the hub that every program uses (kiosk, display, counter, ctl,
// simulator, benchmarks). It hides ZeroMQ:
//  - requests with a request id, a timeout and retries (zguide "Lazy Pirate"): a
//    retry reuses the id, so the hub never acts twice;
//  - a mirror of the office state (zguide "Clone"): hello, subscribe, snapshot, then
//    events in sequence; a gap is filled from the hub's log (events_since) or by a
//    new snapshot; a hub silent for 3 s makes the client offline, and the last state
//    stays readable.
// Callbacks run on the client's network thread: keep them short (wake a GUI loop).
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/device_keys.h"
#include "antrian/event.h"
#include "antrian/model.h"
#include "antrian/protocol.h"
#include "antrian/result.h"

namespace antrian {

struct HubClientOptions {
  HubClientOptions() = default;
  HubClientOptions(std::string hub_, std::string role_, std::string name, bool mirror_ = true,
                   int timeout_ms = 1500, int retries_ = 2)
      : hub(std::move(hub_)), role(std::move(role_)), client_name(std::move(name)), mirror(mirror_),
        request_timeout_ms(timeout_ms), retries(retries_) {}
  std::string hub;           // "tcp://HOST:PORT" (the request port)
  std::string role;          // proto::role::*
  std::string client_name;   // for the log, e.g. "kiosk-1"
  bool mirror = true;        // keep a live copy of the state (false: requests only)
  // Also page in the day's closed tickets a snapshot leaves out (`history`), for a
  // program that counts the whole day itself (the counter's own figures). Screens
  // draw from the snapshot alone and leave it off.
  bool full_day = false;
  // Take the hub's forecast (the "fc" topic) into the mirror. The hub's own web link
  // leaves it off: the web reads the forecast from the hub's state, and decoding every
  // forecast (one entry per waiting ticket) after every change was a fifth of the hub's CPU.
  bool forecasts = true;
  // Keep the office state (apply each event, read snapshots). The hub's own web link
  // leaves it off: its pages read the hub's state, and applying every event was most
  // of its thread's CPU in a burst. Off, the client follows only seq (gaps are still
  // filled), and on_event gets the data of the types in event_data_for only; other
  // events come with their seq and type, at 0 and empty data.
  bool keep_state = true;
  std::vector<std::string> event_data_for;
  int request_timeout_ms = 1500;
  int retries = 2;           // extra attempts after the first
  ClientKeys keys;           // this device's CURVE pair and the hub's public key (required)
  // Fault injection for tests: events with these sequence numbers are dropped on
  // arrival, as if the network lost them, to exercise gap recovery.
  std::vector<int64_t> drop_events_for_test;
};

// Parses "tcp://HOST:PORT"; false with a reason for anything else.
bool parse_hub_address(const std::string& address, std::string& host, int& port, std::string& error);

class HubClient {
 public:
  // Throws std::invalid_argument (with the reason) for a bad address or missing keys.
  explicit HubClient(HubClientOptions opt);
  ~HubClient();
  HubClient(const HubClient&) = delete;
  HubClient& operator=(const HubClient&) = delete;

  // Blocking request (any thread). On no answer after every retry the reply has
  // error code proto::err::unreachable.
  proto::Reply request(std::string_view cmd, nlohmann::json args = nlohmann::json::object());
  // Same with a request id of the caller's choosing, stable across the caller's own
  // restarts, so the hub acts on it once however often it is sent (the forwarder).
  proto::Reply request_with_id(std::string_view cmd, nlohmann::json args, std::string request_id);
  // Same, answered on the network thread; never blocks the caller.
  void request_async(std::string_view cmd, nlohmann::json args, std::function<void(const proto::Reply&)> done);

  // The mirror.
  bool online() const;  // heard from the hub within proto::kOfflineAfterMs
  bool synced() const;  // holds a state that follows the hub's log
  int64_t seq() const;
  OfficeState state_copy() const;
  template <typename F>
  auto with_state(F&& f) const {
    auto lock = lock_state();
    return f(state_ref());
  }
  // The hub's clock now (it may run a simulated day), estimated from its messages.
  int64_t hub_now_ms() const;
  int http_port() const;
  // Why the hub cannot be used, when it is known ("the hub refused this device's
  // key..."); empty otherwise. Programs show it beside their offline notice.
  std::string connection_problem() const;

  // Called after anything visible changed (state, online/synced flags).
  void on_change(std::function<void()> f);
  // Called for every event applied in order, including events recovered after a
  // gap; `live` is false for those recovered ones and for events older than 0 s.
  void on_event(std::function<void(const Event&, bool live)> f);
  // Called after the mirror was replaced by a snapshot (events may have been skipped).
  void on_snapshot(std::function<void()> f);

  struct Impl;

 private:
  std::shared_lock<std::shared_mutex> lock_state() const;
  const OfficeState& state_ref() const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace antrian
