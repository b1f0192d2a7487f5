#pragma once
// The satisfaction survey tablet beside the exit (antrian-kiosk --survey; issue 17
// part 4, SKM after Permenpan RB 14/2017). The citizen types the ticket number on a
// big keypad (or scans the ticket's QR: a USB scanner types its address and Enter);
// the hub says whether that ticket may answer (survey_status); then the nine elements
// one per screen, four large answers each (survey.h's order, the strings table's
// words, Indonesian first with English under it), Back, and the answers go to the hub
// (survey_submit). The hub's answer decides everything: unknown number, not finished
// yet, answered already, or no answer at all (then the answers stay on screen and are
// sent again, never claimed as saved). After a while without a touch the tablet goes
// back to the start, so the next person never sees the last one's answers.
//
// Like KioskModel: no window, no sockets, no clock of its own. Tap keys:
//   key:<letter or digit>  key:del  key:ok     (the start screen's keypad)
//   answer:1 .. answer:4  back                 (a question)
//   retry  done                                (a refusal, the unsent screen, thanks)
//   staff (hidden corner, 5 taps)  pin:<0-9>  pin:clear  pin:ok  pin:cancel
//   staff:fullscreen  staff:quit  staff:close   (the kiosk's staff menu: StaffAccess)
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/kiosk/effects.h"
#include "antrian/kiosk/office_snapshot.h"
#include "antrian/kiosk/settings.h"
#include "antrian/kiosk/staff_access.h"
#include "antrian/kiosk/view.h"
#include "antrian/protocol.h"
#include "antrian/survey.h"

namespace antrian::kiosk {

inline constexpr int64_t kSurveyThanksMs = 10'000;      // the thank-you, then the start again
inline constexpr int64_t kSurveyMinIdleMs = 60'000;     // a question gets at least this long to read
inline constexpr std::size_t kSurveyMaxTyped = 200;     // a scanned status-page address fits

// "a6", "A-006", "a 6" -> "A-006" (the hub's label); nullopt when it is not 1-3
// letters and a number 1-9999.
std::optional<std::string> survey_label(std::string_view typed);
// The token of a scanned status-page address (".../t/<token>"); nullopt otherwise.
std::optional<std::string> survey_token(std::string_view typed);

class SurveyModel {
 public:
  explicit SurveyModel(KioskSettings settings);

  // --- the hub ---------------------------------------------------------------
  Effects set_office(OfficeSnapshot office, int64_t now_ms);
  Effects set_connection(bool online, bool synced, int64_t now_ms);
  Effects on_request_reply(const HubRequest& sent, const proto::Reply& reply, int64_t now_ms);

  // --- a person --------------------------------------------------------------
  struct TapResult {
    bool accepted = false;  // false: not a choice on the current screen (nothing changed)
    Effects effects;
  };
  TapResult tap(std::string_view key, int64_t now_ms);
  // A USB barcode scanner (or a keyboard): characters on the start screen, then Enter.
  Effects typed(std::string_view text, int64_t now_ms);
  Effects typed_enter(int64_t now_ms);

  // --- time ------------------------------------------------------------------
  Effects tick(int64_t now_ms);
  int64_t next_deadline_ms() const;

  // --- what to show -----------------------------------------------------------
  ScreenId screen() const;
  View view(int64_t now_ms) const;
  bool online() const { return online_ && synced_ && have_office_; }
  // The answers given so far (0: not yet), for tests.
  const SurveyAnswers& answers() const { return answers_; }
  bool fullscreen() const { return staff_.fullscreen(); }

 private:
  enum class Step { start, checking, question, sending, refused, unsent, thanks };
  enum class Refusal { none, not_found, not_finished, answered, unreachable, bad_number, other };

  void reset(int64_t now_ms);
  void send(HubRequest r, int64_t now_ms, Effects& fx);
  void check(int64_t now_ms, Effects& fx);
  void submit(int64_t now_ms, Effects& fx);
  bool start_input(std::string_view key, int64_t now_ms, Effects& fx);
  bool staff_input(std::string_view key, int64_t now_ms, Effects& fx);
  int64_t idle_ms() const;
  std::vector<std::string> keys() const;  // the keypad's tap keys
  std::string keypad_text() const;        // what was typed, as it reads
  View start_view(View v) const;
  View question_view(View v) const;
  View refused_view(View v) const;

  KioskSettings settings_;
  StaffAccess staff_;  // the same staff menu as the kiosk's: leave full screen, quit
  OfficeSnapshot office_;
  bool have_office_ = false;
  bool online_ = false, synced_ = false;

  Step step_ = Step::start;
  std::string typed_;  // the keypad's (or the scanner's) input
  std::string input_message_key_;
  nlohmann::json ticket_arg_;   // {"ticket": label} or {"token": token}
  std::string label_;           // "A-006": from the hub once it answered
  std::string ticket_state_;    // the hub's state of the ticket (a refusal says it)
  SurveyAnswers answers_{};
  std::size_t index_ = 0;       // the question shown
  Refusal refusal_ = Refusal::none;
  bool refused_at_submit_ = false;  // the answers were complete when the hub refused
  std::string detail_;          // the hub's reason, for staff
  std::optional<HubRequest> pending_;
  int64_t last_activity_ms_ = 0;
};

}  // namespace antrian::kiosk
