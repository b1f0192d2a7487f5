#pragma once
// The automation path for end-to-end tests and screenshots (--automation): commands
// on stdin, one per line; one JSON object per line on stdout for each outcome.
//
//   tap KEY [SECONDS]     press the button with that tap key once it is on screen
//                         (default 5 s); a key that never appears is an error
//   wait SCREEN [SECONDS] until the kiosk shows SCREEN (home, question, warning,
//                         unavailable, issuing, ticket, failed, offline, staff_pin,
//                         staff_menu, comeback, comeback_phone, checkin; with --survey:
//                         survey_start, survey_wait, survey_question, survey_refused,
//                         survey_unsent, survey_thanks); default 10 s
//   sleep SECONDS         let time pass (e.g. for the printer to answer)
//   type TEXT             type TEXT and Enter, as a USB barcode scanner does
//   screenshot FILE       save the next frame as PNG
//   view                  print what the current screen says
//   quit                  end the program (also on end of input)
//
// Outputs: {"screen":S} on every change of screen, {"ok":CMD,...} or
// {"error":CMD,"reason":...} for each command, and the program's own events
// ({"ticket":...}, {"print":...}, {"issue_error":...}, {"report":...}).
#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "antrian/kiosk/view.h"
#include "inbox.h"
#include "screen_capture.h"
#include "touch.h"

namespace antrian::kiosk::app {

nlohmann::json view_to_json(const View& v);

class Automation {
 public:
  struct Hooks {
    std::function<ScreenId()> screen;
    std::function<View()> view;
    std::function<void()> quit;
  };

  // Starts reading stdin; commands reach the UI thread through the inbox.
  Automation(Inbox& inbox, Hooks hooks, ScreenCapture& capture);
  ~Automation();
  Automation(const Automation&) = delete;
  Automation& operator=(const Automation&) = delete;

  static void emit(const nlohmann::json& j);  // one line on stdout, flushed

  // UI thread.
  std::optional<std::string> scripted_tap() const;
  // After every frame (and its taps) and every wake: report changes, finish or
  // time out the current command, start the next.
  void step(const TouchBoard* board, int64_t now_ms);
  int64_t next_deadline_ms(int64_t now_ms) const;

 private:
  struct Command {
    std::string verb, arg, line;
    int64_t deadline_ms = 0;
    bool started = false;
  };
  void start(Command& c, int64_t now_ms);
  void finish(const nlohmann::json& j);
  void read_stdin();

  Inbox& inbox_;
  Hooks hooks_;
  ScreenCapture& capture_;
  std::deque<Command> queue_;
  std::optional<Command> current_;
  std::string last_screen_;
  std::atomic<bool> stopping_{false};
  std::thread reader_;
};

}  // namespace antrian::kiosk::app
