#pragma once
// The automation path: a script of console steps, run through the same view model a
// person drives with keys and buttons (so a disabled button refuses a script too).
// Tests use it to run the real program against a real hub; the docs use it to set
// up a busy moment for --screenshot.
//
// One step a line; '#' starts a comment. Every step waits first until no earlier
// action is on its way. Steps:
//   wait-online [SECONDS]          until the hub is heard and the state is current
//   sign-in LOKET STAFF PIN        choose the loket and staff member, type the PIN, Enter
//   call-next | recall | start | finish | no-show | pause | resume | sign-out
//   call LABEL                     choose LABEL in the waiting list, then F7
//   transfer service CODE [NOTE]   F6, choose the service, type the note, Enter
//   transfer loket N [NOTE]        F6, choose the loket, type the note, Enter
//   report RESOURCE degraded|down [MESSAGE]   F9, choose, type, Enter
//   press ACTION                   a button by name (call_next, toggle_lang, ...)
//   key KEY                        a key: F1..F12, Up, Down, Enter, Esc, Ctrl+1, ...
//   type TEXT                      typed text (PIN, note, message)
//   lang id|en
//   sleep MS
//   wait-called LABEL [SECONDS]    until the mirror shows LABEL called (at any loket)
//   wait-offline [SECONDS]         until the console shows the hub as unreachable
//   expect-current LABEL|none      the ticket this loket holds
//   expect-refused [CODE]          the previous step was refused (by the console:
//                                  "disabled", or by the hub: its error code)
// Each finished step is reported as one JSON line:
//   {"line":3,"step":"finish","ok":false,"error":"disabled","reason":"..."}
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/counter/console_model.h"
#include "antrian/result.h"

namespace antrian::counter {

struct ScriptStep {
  int line = 0;
  std::string verb;
  std::vector<std::string> args;  // words after the verb
  std::string rest;               // everything after the fixed words (note, message, text)
  std::string source;             // the line as written
};

// Parses and checks every line before anything runs: a script with a mistake
// does nothing. The error names the line and what was expected.
Result<std::vector<ScriptStep>> parse_script(std::string_view text);

inline constexpr int64_t kDefaultStepTimeoutMs = 10'000;

class ScriptRunner {
 public:
  explicit ScriptRunner(std::vector<ScriptStep> steps = {}) : steps_(std::move(steps)) {}

  // More steps (a script read from stdin as it arrives).
  void append(std::vector<ScriptStep> more);
  // A streamed line that did not parse: reported as failed, nothing run.
  void reject(int line, const std::string& source, const Error& error);

  // Advances as far as it can without waiting; true when every step is done.
  // now_ms is a monotonic clock (timeouts and sleep).
  bool poll(ConsoleModel& model, const Mirror& m, int64_t now_ms);
  // Finished steps' reports since the last call.
  std::vector<nlohmann::json> take_reports();
  int failures() const { return failures_; }
  bool done() const { return next_ >= steps_.size() && !running_; }

 private:
  enum class Phase { before, waiting_reply, waiting_condition };
  void finish(nlohmann::json report);
  // Runs the current step's input; returns a report when it finished at once.
  std::optional<nlohmann::json> start_step(const ScriptStep& s, ConsoleModel& model, const Mirror& m, int64_t now_ms);
  std::optional<nlohmann::json> check_condition(const ScriptStep& s, const ConsoleModel& model, const Mirror& m);

  std::vector<ScriptStep> steps_;
  std::size_t next_ = 0;
  bool running_ = false;
  Phase phase_ = Phase::before;
  int64_t deadline_ms_ = 0;
  uint64_t sent_before_ = 0;
  std::vector<nlohmann::json> reports_;
  std::optional<nlohmann::json> previous_;
  int failures_ = 0;
};

}  // namespace antrian::counter
