#pragma once
// Decides which calls the display says, in which order, with which words. Wraps the
// shared AnnouncementQueue (order, no cut-offs, de-duplication by event, staleness)
// with this display's rules: only calls it shows, nothing from before a snapshot,
// the office's phrase templates.
#include <cstdint>
#include <optional>
#include <string>

#include "antrian/display/display_config.h"
#include "antrian/display/display_filter.h"
#include "antrian/display/speaker.h"
#include "antrian/event.h"
#include "antrian/model.h"
#include "antrian/speech/announcement_queue.h"
#include "antrian/speech/phrase.h"

namespace antrian::display {

// What became of one call event, for the log (and the tests).
struct CallNotice {
  std::string status;  // "queued", "duplicate", "stale", "not_shown" (filtered out), "unreadable"
  int64_t seq = 0;
  std::string ticket;
  int loket = 0;
  int recall = 0;
  int64_t age_ms = 0;  // hub clock now minus the event's time
  bool live = true;
  std::string reason;  // for "unreadable"
};

class CallAnnouncer {
 public:
  explicit CallAnnouncer(const DisplayConfig& cfg);

  // The display's state was replaced by a snapshot at seq: the calls in it are
  // shown, not spoken. A seq lower than seen before means the hub's log was
  // replaced (a new database): forget every key so its calls are not taken for replays.
  void on_snapshot(int64_t seq);

  // A ticket_called / ticket_recalled event. hub_now_ms is the hub's clock when the
  // display learned of it. state is used for the service name ({service}).
  CallNotice on_call(const Event& e, bool live, int64_t hub_now_ms, const OfficeState& state);

  // The next job to speak when nothing is being spoken (the watchdog inside the
  // queue ends a job that never reports back).
  std::optional<SpeechJob> next(int64_t now_ms);

  // The speaker finished key. False (and no effect) when key is not what is being
  // spoken, e.g. a late report after the watchdog moved on.
  bool finished(const speech::AnnouncementKey& key);

  bool speaking() const { return queue_.is_speaking(); }
  std::size_t pending() const { return queue_.pending(); }

  // The sentence for a call with this display's templates; falls back to the strings
  // table's wording, then to a plain "A-001, loket 3", so the hall always hears something.
  std::string phrase_for(const speech::Call& call, std::string* error = nullptr) const;

 private:
  DisplayFilter filter_;
  Lang lang_;
  speech::PhraseOptions phrase_;
  speech::AnnouncementQueue queue_;
  int64_t highest_seq_ = 0;
};

}  // namespace antrian::display
