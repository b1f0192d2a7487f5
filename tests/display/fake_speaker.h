#pragma once
// A speaker for tests: records what it was asked to say; the test decides when each
// announcement ends.
#include <deque>
#include <vector>

#include "antrian/display/speaker.h"

namespace antrian::display::test {

class FakeSpeaker : public Speaker {
 public:
  void start(const SpeechJob& job) override { started.push_back(job); }
  std::optional<SpeechResult> take_result() override {
    if (results.empty()) return std::nullopt;
    SpeechResult r = results.front();
    results.pop_front();
    return r;
  }
  // The announcement started last has been said.
  void finish_last(double seconds = 5.0) {
    REQUIRE_FALSE(started.empty());
    results.push_back({started.back().key, true, seconds, ""});
  }

  std::vector<SpeechJob> started;
  std::deque<SpeechResult> results;
};

}  // namespace antrian::display::test
