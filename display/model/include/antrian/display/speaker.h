#pragma once
// What the display asks of whatever makes the sound (SDL audio in the program, a
// fake in tests): say one announcement, and report when it is over. Only one job is
// given at a time; the CallAnnouncer decides the order.
#include <optional>
#include <string>

#include "antrian/speech/announcement_queue.h"

namespace antrian::display {

struct SpeechJob {
  speech::AnnouncementKey key;
  std::string ticket;  // "A-001"
  int loket = 0;
  int recall = 0;
  std::string text;    // the sentence to synthesise, after the chime
  std::string phrase_error;  // set when the office's template failed and a fallback is said
};

struct SpeechResult {
  speech::AnnouncementKey key;
  bool audible = false;  // false: no audio device, muted, or synthesis failed
  double seconds = 0;    // length of what was played (chime + voice)
  std::string error;     // why it was not (fully) heard, for the log
};

class Speaker {
 public:
  virtual ~Speaker() = default;
  // Starts saying job (returns at once). Called on the UI thread.
  virtual void start(const SpeechJob& job) = 0;
  // The result of a finished job, if one finished since the last call. UI thread.
  virtual std::optional<SpeechResult> take_result() = 0;
};

}  // namespace antrian::display
