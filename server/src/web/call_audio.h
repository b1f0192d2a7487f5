#pragma once
// The spoken call for the browser display: the chime, then the same Indonesian phrase
// the native display says (antrian_speech's phrase builder and espeak-ng on the hub;
// never a cloud voice), as one WAV file. Each call is synthesised once and cached by
// its event sequence number, so every TV in the hall gets the same bytes.
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "antrian/speech/result.h"
#include "web/call_log.h"

namespace antrian::web {

class CallAudio {
 public:
  explicit CallAudio(std::size_t capacity = 32) : capacity_(capacity) {}

  // The WAV bytes for a call; fails with a reason (espeak-ng data missing, bad label).
  speech::Result<std::shared_ptr<const std::string>> wav_for(const CallRecord& call, const std::string& service_name);

  // The sentence spoken for a call (also shown as a caption).
  static speech::Result<std::string> phrase_for(const CallRecord& call, const std::string& service_name);

 private:
  std::mutex mu_;  // one synthesis at a time (espeak-ng is single-threaded anyway)
  std::map<int64_t, std::shared_ptr<const std::string>> cache_;
  std::deque<int64_t> order_;
  std::size_t capacity_;
};

}  // namespace antrian::web
