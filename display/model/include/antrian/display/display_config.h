#pragma once
// What one wall display is set up to do: which hub, which services and lokets it
// shows (a hall for e-KTP, another for KK/akta), how loud it speaks and with which
// words. Comes from a JSON config file and/or flags (flags win); every value is
// checked, and a bad one is refused with a reason instead of being half-applied.
#include <cstdint>
#include <string>

#include "antrian/device_keys.h"
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/result.h"
#include "antrian/strings.h"

namespace antrian::display {

struct DisplayConfig {
  std::string hub = "tcp://127.0.0.1:5555";
  ClientKeys keys;  // from --key/--hub-key (never from the config file: keys stay in key files)
  std::vector<std::string> services;  // service codes shown; empty = all
  std::vector<int> lokets;            // loket numbers shown; empty = all
  int volume = 80;                    // 0..100 percent
  bool mute = false;
  std::string title;                  // hall name shown under the office name
  std::string call_template;          // empty = the strings table's speech.call_template
  std::string recall_template;        // empty = speech.recall_template
  Lang speech_lang = Lang::id;
  // A call older than this when the display learns of it (reconnect, backlog) is
  // shown but not spoken: the person has gone to the loket or will be called again.
  int max_speech_age_s = 10;
  int highlight_s = 10;               // the newest call stands out this long
  // The running text: "page" (a page every few seconds, about 1% CPU without a GPU)
  // or "scroll" (a moving line, 30 frames a second: only with a GPU).
  std::string running_text = "page";
};

inline constexpr std::size_t kMaxTitleBytes = 80;
inline constexpr int kMaxLoketNumber = 999;

// "A,B" or "a, b" -> {"A", "B"}. Codes are 1-3 letters or digits, upper-cased;
// empty items, other characters and repeats are refused with the item named.
Result<std::vector<std::string>> parse_service_list(std::string_view text);

// "1,2,3" -> {1, 2, 3}; each 1..999, no repeats.
Result<std::vector<int>> parse_loket_list(std::string_view text);

// Checks a whole config (hub address, ranges, templates). Empty reason = fine.
Result<Ok> validate(const DisplayConfig& c);

// Applies the keys of a JSON object onto c. Unknown keys and wrong types are errors
// (a typo in a config file must not be silently ignored). On error c is unchanged.
// Keys: hub, services (["A"] or "A,B"), lokets ([1,2] or "1,2"), volume, mute, title,
// call_template, recall_template, speech_lang ("id"|"en"), max_speech_age_s,
// highlight_s, running_text ("page"|"scroll"), and lang (screen language, returned
// through screen_lang when present).
Result<Ok> apply_config_json(const nlohmann::json& j, DisplayConfig& c, Lang* screen_lang = nullptr);

// Reads and applies a config file; the error names the file and the problem.
Result<Ok> load_config_file(const std::string& path, DisplayConfig& c, Lang* screen_lang = nullptr);

}  // namespace antrian::display
