#pragma once
// The kiosk's view model: which screen shows, what a touch does, when to go back to
// Home, when to issue, print and report. No window, no sockets, no clock of its own:
// the program feeds it the hub's state, the answers to its requests, the printer's
// outcomes, touches (by key) and the time, and carries out the Effects it returns.
//
// Tap keys (also the automation's vocabulary):
//   route:<id>  priority:<reguler|lansia|disabilitas|ibu_hamil>  back  home  lang
//   confirm  alternative  done  staff (hidden corner, 5 taps)  pin:<0-9>  pin:clear  pin:ok
//   pin:cancel  staff:reprint  staff:fullscreen  staff:quit  staff:close
//   comeback (join the come-back list)  comeback:phone  checkin ("Punya kode?")
//   key:<character>  key:del  key:ok (the code and phone keypads)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "antrian/kiosk/effects.h"
#include "antrian/kiosk/issued_ticket.h"
#include "antrian/kiosk/office_snapshot.h"
#include "antrian/kiosk/printer_report.h"
#include "antrian/kiosk/routing.h"
#include "antrian/kiosk/settings.h"
#include "antrian/kiosk/staff_access.h"
#include "antrian/kiosk/view.h"
#include "antrian/printing/printer_transport.h"
#include "antrian/protocol.h"

namespace antrian::kiosk {

inline constexpr int64_t kNoDeadline = INT64_MAX;
inline constexpr int64_t kTicketShownMinMs = 15'000;   // a printed ticket stays this long at least
inline constexpr int64_t kTicketUnprintedMs = 90'000;  // an unprinted one: time to write it down
inline constexpr int64_t kPrinterCheckOkMs = 5 * 60'000;
inline constexpr int64_t kPrinterCheckBadMs = 60'000;

class KioskModel {
 public:
  explicit KioskModel(KioskSettings settings);

  // At start: ask the printer how it is (or report that there is none).
  Effects start(int64_t now_ms);

  // --- the hub ---------------------------------------------------------------
  Effects set_office(OfficeSnapshot office, int64_t now_ms);
  Effects set_connection(bool online, bool synced, int64_t now_ms);
  Effects on_issue_reply(const proto::Reply& reply, int64_t now_ms);
  // The answer to a HubRequest (come-back join and check-in, a phone number, a booking).
  Effects on_request_reply(const HubRequest& sent, const proto::Reply& reply, int64_t now_ms);
  // Typed input (a USB barcode scanner is a keyboard that ends with Enter): on Home or
  // the check-in screen, letters and digits go into the code; Enter sends it.
  Effects typed(std::string_view text, int64_t now_ms);
  Effects typed_enter(int64_t now_ms);
  // The answer to a device_report. One that failed is sent again when the hub is
  // back; a newer state that waited for this answer is sent now.
  Effects on_report_reply(const ReportCommand& sent, bool ok);

  // --- the printer -----------------------------------------------------------
  Effects on_print_done(const printing::PrintResult& result, bool reprint, int64_t now_ms);
  Effects on_printer_checked(const printing::PrintResult& result, int64_t now_ms);

  // --- a person --------------------------------------------------------------
  struct TapResult {
    bool accepted = false;  // false: not a choice on the current screen (nothing changed)
    Effects effects;
  };
  TapResult tap(std::string_view key, int64_t now_ms);

  // --- time ------------------------------------------------------------------
  Effects tick(int64_t now_ms);
  int64_t next_deadline_ms() const;

  // --- what to show -----------------------------------------------------------
  ScreenId screen() const;
  View view(int64_t now_ms) const;
  Lang lang() const { return lang_; }
  Priority priority() const { return priority_; }
  bool fullscreen() const { return staff_.fullscreen(); }
  bool online() const { return online_ && synced_ && have_office_; }
  const std::string& routing_problem() const { return routing_problem_; }
  const RouteTable& routes() const { return routes_; }
  const std::optional<IssuedTicket>& ticket() const { return ticket_; }
  const std::optional<PrinterReport>& printer_state() const { return desired_report_; }
  const KioskSettings& settings() const { return settings_; }

 private:
  enum class Base { home, question, warning, unavailable, ticket, failed, comeback, phone, checkin };
  enum class PrintState { none, printing, ok, failed, disabled };
  enum class Unavailable { quota, closed, hours };

  // Navigation.
  void go_home(Effects& fx, bool reset_person);
  void go_back();
  bool choose(const RouteNode& node, int64_t now_ms, Effects& fx);
  void issue(int64_t now_ms, Effects& fx);
  const ServiceCard* card(const std::string& code) const;
  // The service offered instead of the chosen one, when it can take a ticket now.
  const ServiceCard* alternative_card() const;
  std::string alternative_text() const;
  const RouteNode* chosen_leaf() const;
  int64_t base_timeout_ms() const;
  void want_report(const std::optional<PrinterReport>& r, Effects& fx);
  // The come-back list and check-in (kiosk_comeback.cpp).
  bool comeback_input(ScreenId s, std::string_view key, int64_t now_ms, Effects& fx);
  void send(HubRequest r, int64_t now_ms, Effects& fx);
  void accept_ticket(const nlohmann::json& result, int64_t now_ms, Effects& fx);
  void show_comeback(const nlohmann::json& result, int64_t now_ms, Effects& fx);
  void send_checkin(int64_t now_ms, Effects& fx);
  bool can_join() const;
  ComebackScreen comeback_view() const;
  KeypadScreen keypad_view() const;
  bool staff_input(std::string_view key, int64_t now_ms, Effects& fx);

  // View parts (kiosk_view.cpp).
  Header header_view() const;
  ChoiceScreen choice_view() const;
  ChoiceButton button_view(const RouteNode& node) const;
  WarningScreen warning_view() const;
  NoticeScreen notice_view() const;
  TicketScreen ticket_view() const;
  OfflineScreen offline_view() const;
  StaffMenu staff_view() const;
  std::string priority_note() const;

  KioskSettings settings_;
  OfficeSnapshot office_;
  bool have_office_ = false;
  nlohmann::json routing_source_;
  std::map<std::string, Text> routing_services_;
  RouteTable routes_;
  std::string routing_problem_;
  bool online_ = false, synced_ = false;
  bool ever_online_ = false;

  Base base_ = Base::home;
  std::vector<std::string> path_;  // ids from home to the current question
  std::string leaf_id_;            // the chosen service's node (warning, unavailable)
  std::string leaf_service_;
  Unavailable unavailable_ = Unavailable::quota;
  std::string unavailable_detail_;
  Priority priority_ = Priority::reguler;
  Lang lang_;
  int64_t last_activity_ms_ = 0;

  bool issuing_ = false;
  std::string issuing_service_;
  std::optional<IssuedTicket> ticket_;
  Text ticket_alternative_;
  PrintState print_state_ = PrintState::none;
  std::string print_message_key_;
  std::optional<printing::Bytes> last_job_;
  std::string last_label_;
  std::string failed_code_, failed_reason_;

  // Come-back list and check-in.
  std::optional<HubRequest> pending_;  // a request in flight: the "please wait" screen
  bool refusal_can_join_ = false;      // the hub's refusal said the list is open
  std::string comeback_code_, comeback_service_, comeback_phone_;
  int comeback_position_ = 0;
  std::string typed_;                  // the keypad's input
  std::string keypad_message_, keypad_detail_;
  Tone keypad_tone_ = Tone::info;

  bool printer_busy_ = false;
  int64_t next_printer_check_ms_ = kNoDeadline;
  std::optional<PrinterReport> desired_report_, acked_report_;
  bool report_in_flight_ = false;

  StaffAccess staff_;  // the hidden corner, the PIN pad, the menu's common items
  std::string staff_message_key_;
  std::vector<std::string> staff_message_args_;
  Tone staff_tone_ = Tone::info;
};

}  // namespace antrian::kiosk
