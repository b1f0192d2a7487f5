#pragma once
// The counter program's view model: everything the console does, with no window.
// It takes input (keys, typed text, button presses), decides what to send to the hub
// (an outbox the program drains), takes the hub's answers, and keeps what the screen
// shows besides the mirrored state: sign-in form, selection, dialogs, the last notice.
//
// One action is on its way at a time. A successful answer carries the hub's log
// position (seq) of what it did; the console stays busy until the mirror has caught
// up with it, so the screen never offers an action based on a state the hub has
// already left. An action with no answer at all (hub unreachable) may or may not
// have happened: the console then disables every action until it has asked the hub
// for its log position (hello) and the mirror has reached it, and shows the exact
// state again instead of guessing. The same check follows every outage: after the
// hub was unreachable, nothing is offered until the mirror has caught up with it.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/counter/action.h"
#include "antrian/counter/availability.h"
#include "antrian/counter/dialogs.h"
#include "antrian/counter/keys.h"
#include "antrian/counter/mirror.h"
#include "antrian/counter/text_field.h"
#include "antrian/protocol.h"
#include "antrian/strings.h"

namespace antrian::counter {

enum class Mode { sign_in, console };
enum class DialogKind { none, transfer, disruption };

// A message line: a headline from the strings table and, for refusals, the hub's
// own reason verbatim.
struct Notice {
  enum class Kind { info, success, warning, error };
  Kind kind = Kind::info;
  std::string key;
  std::vector<std::string> args;
  std::string detail;
};

// A request for the program to send (HubClient::request_async) and answer with on_reply.
struct Outgoing {
  uint64_t token = 0;
  std::string cmd;
  nlohmann::json args = nlohmann::json::object();
};

// How the last request the staff member made ended (scripts report it).
struct RequestResult {
  std::string cmd;
  bool ok = false;
  std::string code;    // proto::err::* when refused
  std::string reason;  // the hub's reason when refused
  nlohmann::json result = nlohmann::json::object();
};

struct SignInForm {
  int loket = 0;      // 0 = not chosen yet
  std::string staff;  // staff id; empty = not chosen yet
  TextField pin{64};
};

class ConsoleModel {
 public:
  struct Options {
    Lang lang = Lang::id;
    int loket = 0;  // pre-selected on the sign-in screen (--loket)
  };
  explicit ConsoleModel(Options options);

  // --- input (UI thread) ------------------------------------------------------
  // A key press; false when it means nothing here (so the GUI may pass it on).
  bool key(const KeyPress& k, const Mirror& m);
  // Typed text: the PIN on the sign-in screen, the note or message in a dialog.
  void text(std::string_view utf8, const Mirror& m);
  // A button (or its shortcut). False when not possible now; the notice says why.
  bool trigger(Action a, const Mirror& m);
  void choose_loket(int number);
  void choose_staff(const std::string& id);
  bool submit_sign_in(const Mirror& m);
  void select_ticket(std::optional<int64_t> id);
  void move_selection(int delta, const Mirror& m);  // +1 down, -1 up, large = to the end
  void choose_target(int index);                   // transfer dialog
  void choose_resource(int index, const Mirror& m); // disruption dialog
  void set_level(DisruptionLevel level);
  void toggle_affected(int index);
  bool confirm_dialog(const Mirror& m);
  // Disruption dialog, F4: clears the disruption of the chosen resource this loket reported.
  bool clear_own_disruption(const Mirror& m);
  void cancel_dialog();
  void dismiss_notice() { notice_.reset(); }
  void set_lang(Lang lang) { lang_ = lang; }

  // --- the hub ----------------------------------------------------------------
  std::vector<Outgoing> take_outbox();
  void on_reply(uint64_t token, const proto::Reply& reply, const Mirror& m);
  // After the mirror changed (and before drawing): finishes actions the mirror now
  // shows, notices a sign-out made elsewhere, re-checks after a lost answer.
  void on_mirror(const Mirror& m);

  // --- what the screen shows ---------------------------------------------------
  Mode mode() const { return mode_; }
  Lang lang() const { return lang_; }
  int loket() const { return loket_; }
  const std::string& staff() const { return staff_; }
  const SignInForm& sign_in_form() const { return form_; }
  DialogKind dialog() const { return dialog_; }
  const TransferDialog& transfer_dialog() const { return transfer_; }
  const DisruptionDialog& disruption_dialog() const { return disruption_; }
  const std::optional<Notice>& notice() const { return notice_; }
  std::optional<int64_t> selected() const { return selected_; }
  bool busy(const Mirror& m) const;
  // Actions wait for a re-sync with the hub (after a lost answer or an outage).
  bool stale() const { return resync_ != Resync::none; }
  // Why: after a lost answer the last action may or may not have happened.
  bool outcome_unknown() const { return resync_ == Resync::lost_answer; }
  // The command on its way (or waiting for the mirror), if any.
  std::optional<std::string> pending_command() const;
  Desk desk(const Mirror& m) const;
  Availability availability(Action a, const Mirror& m) const;
  // Counts requests answered (or given up); scripts wait for it to move.
  uint64_t answered() const { return answered_; }
  // Counts requests the staff member made (not the console's own checks).
  uint64_t sent() const { return sent_; }
  const std::optional<RequestResult>& last_result() const { return last_result_; }

 private:
  struct Pending {
    uint64_t token = 0;
    std::string cmd;
    std::optional<Action> action;
    bool answered = false;
    int64_t await_seq = 0;  // the mirror must reach this before the console is free
  };

  bool key_sign_in(const KeyPress& k, const Mirror& m);
  bool key_console(const KeyPress& k, const Mirror& m);
  bool key_dialog(const KeyPress& k, const Mirror& m);
  void send(std::string cmd, nlohmann::json args, std::optional<Action> action);
  void settle(const Mirror& m);
  void refused(const Availability& why, std::string_view what);
  void succeeded(const Pending& p, const nlohmann::json& result, const Mirror& m);
  void set_notice(Notice::Kind kind, std::string key, std::vector<std::string> args = {}, std::string detail = {});

  Lang lang_;
  Mode mode_ = Mode::sign_in;
  int loket_ = 0;
  std::string staff_;
  SignInForm form_;
  DialogKind dialog_ = DialogKind::none;
  TransferDialog transfer_;
  DisruptionDialog disruption_;
  std::optional<Notice> notice_;
  std::optional<int64_t> selected_;
  std::optional<Pending> pending_;
  std::vector<Outgoing> outbox_;
  uint64_t next_token_ = 1;
  uint64_t answered_ = 0;
  uint64_t sent_ = 0;
  std::optional<RequestResult> last_result_;
  // Re-sync with the hub: why, the probe (hello) on its way, the log position it
  // reported, and whether the hub was heard before (to notice an outage ending).
  enum class Resync { none, lost_answer, reconnect };
  void start_resync(Resync why);
  Resync resync_ = Resync::none;
  uint64_t probe_token_ = 0;
  int64_t resync_seq_ = 0;
  bool heard_before_ = false, outage_ = false;
};

// Active staff in the order the sign-in screen lists them (by name).
std::vector<const StaffMember*> sign_in_staff_list(const OfficeState& s);

// Key of the headline for a hub error code ("counter.error.queue_empty", ...).
std::string error_headline_key(std::string_view code);

}  // namespace antrian::counter
