#pragma once
// The display's behaviour without a window or a network: takes what the hub feed
// delivered, decides what to speak and hands it to the speaker one at a time, keeps
// track of the link, and builds the view. UI thread only; tests drive it directly.
//
// Every decision is also written as one JSON object to the log callback (the
// headless mode prints them as lines), e.g.
//   {"type":"speech","status":"queued","ticket":"A-001","loket":2,"recall":0,"seq":14,...}
//   {"type":"speech","status":"speaking","text":"Nomor antrian, A, nol, nol, satu, ..."}
//   {"type":"speech","status":"spoken","audible":false,"seconds":5.2,"error":"..."}
//   {"type":"view", ...what the wall shows...}           (only when it changed)
//   {"type":"problem","text":"service Z does not exist here ..."}
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/display/call_announcer.h"
#include "antrian/display/connection_tracker.h"
#include "antrian/display/display_config.h"
#include "antrian/display/display_filter.h"
#include "antrian/display/display_view.h"
#include "antrian/display/hub_feed.h"
#include "antrian/display/speaker.h"

namespace antrian::display {

class DisplayController {
 public:
  using Log = std::function<void(const nlohmann::json&)>;
  // If the speaker never reports back (a hung audio device), speaking ends by itself.
  static constexpr int64_t kMaxSpeakingMs = 30'000;

  DisplayController(const DisplayConfig& cfg, Speaker& speaker, Log log = {});

  // Snapshots and calls from the feed, in order. state: the mirror (for names).
  void take(const std::vector<FeedItem>& items, const OfficeState& state);

  // Collects what the speaker finished, then starts the next announcement if the
  // speaker is free. now_ms: the hub's clock.
  void pump_speech(int64_t now_ms);

  // The client's link flags; returns true when the link shown changed.
  bool update_link(bool online, bool synced, int64_t now_ms);

  // Rebuilds the view; logs it when it differs from the last one logged.
  const DisplayView& rebuild_view(const OfficeState& state, int64_t now_ms, Lang lang);
  const DisplayView& view() const { return view_; }

  // Hub time at which something changes without news from the hub (the clock's
  // minute, a highlight ending, the speech watchdog).
  int64_t next_change_ms() const;

  const CallAnnouncer& announcer() const { return announcer_; }
  const ConnectionTracker& link() const { return link_; }
  const DisplayFilter& filter() const { return filter_; }

 private:
  void log(nlohmann::json j) const;

  DisplayConfig cfg_;
  DisplayFilter filter_;
  Speaker& speaker_;
  Log log_;
  CallAnnouncer announcer_;
  ConnectionTracker link_;
  DisplayView view_;
  std::string last_view_logged_;
  std::set<std::string> problems_logged_;
  std::optional<int64_t> speaking_since_ms_;
  std::optional<SpeechJob> speaking_job_;  // for the log line when it ends
};

}  // namespace antrian::display
