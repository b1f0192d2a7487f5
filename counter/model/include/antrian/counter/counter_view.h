#pragma once
// Everything the counter's screen shows, already decided and written out in the
// chosen language: the ImGui code only places and draws these. Built once per frame
// from the view model and the mirrored state (under the mirror's read lock).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "antrian/counter/action.h"
#include "antrian/counter/console_model.h"
#include "antrian/counter/mirror.h"

namespace antrian::counter {

struct ButtonView {
  Action action = Action::call_next;
  std::string label;     // "Panggil Berikutnya"
  std::string shortcut;  // "F1"
  bool enabled = false;
  std::string why;       // when disabled: the reason, for a tooltip
};

struct HeaderView {
  std::string office;   // short name of the office
  std::string loket;    // "Loket 2 · Perekaman e-KTP, Pencetakan e-KTP"
  std::string staff;    // "Petugas Demo 1"
  std::string state;    // "Buka" / "Istirahat" / "Tutup"
  CounterState counter_state = CounterState::closed;
  std::string date;     // "Minggu, 22 November 2026"
  std::string clock;    // "10:42 WIB"
};

struct ConnectionView {
  bool ok = false;       // online and synced and nothing in doubt
  std::string text;      // "Tersambung" / "Terputus dari server antrian" / ...
  std::string banner;    // non-empty: a full-width warning (offline, re-checking)
};

struct NoticeView {
  Notice::Kind kind = Notice::Kind::info;
  std::string text;
  std::string detail;  // the hub's own reason, when it refused
};

struct CurrentTicketView {
  bool present = false;
  std::string empty_text;     // when no ticket is held
  std::string label;          // "A-007"
  std::string service;        // "A · Perekaman e-KTP"
  std::string priority;       // "Lansia" (empty for reguler)
  TicketState state = TicketState::called;
  std::string state_text;     // "Dipanggil" / "Dilayani"
  std::string waited;         // "Menunggu 12 mnt sebelum dipanggil"
  std::string timer_caption;  // "Sejak dipanggil" / "Lama dilayani"
  std::string timer;          // "04:12"
  std::string recalls;        // "Dipanggil ulang 2x" or empty
  std::string note;           // transfer note from an earlier loket, or empty
};

struct WaitingRowView {
  int64_t id = 0;
  std::string label, service, priority, waited, eta;
  bool is_priority = false;
  bool for_this_loket = false;
  bool halted = false;
  bool selected = false;
};

struct ServiceRowView {
  std::string code, name;
  std::string waiting;  // "5 menunggu"
  ServiceStatus status = ServiceStatus::normal;
  std::string status_text;
  std::vector<std::string> messages;  // disruption messages, with expected end if known
};

struct FigureView {
  std::string caption, value;
};

struct SignInLoketView {
  int number = 0;
  std::string name;
  std::string who;  // "demo2" when someone is signed in there
  CounterState state = CounterState::closed;
  bool chosen = false;
};

struct SignInStaffView {
  std::string id, name;
  std::string where;  // "di Loket 3" when signed in elsewhere
  bool chosen = false;
};

struct SignInView {
  std::vector<SignInLoketView> lokets;
  std::vector<SignInStaffView> staff;
  std::string lists_note;  // instead of the lists: not connected yet, or no staff
  std::string pin_masked;  // bullets
  std::string pin_placeholder;
  ButtonView submit;
};

struct ChoiceView {
  std::string text;
  bool chosen = false;
};

struct TransferView {
  std::string title;  // "Alihkan A-007"
  // The model's targets are services then lokets: lokets[i] is target services.size() + i.
  std::vector<ChoiceView> services, lokets;
  std::string note;
  ButtonView confirm, cancel;
};

struct DisruptionView {
  std::vector<ChoiceView> resources;
  std::vector<ChoiceView> levels;    // degraded, down
  std::vector<ChoiceView> services;  // "Ctrl+1  A Perekaman e-KTP", chosen = ticked
  std::string message;
  std::string message_placeholder;
  std::string expected;              // minutes or HH:MM as typed
  std::string expected_placeholder;
  bool expected_focus = false;       // typing goes there (Tab)
  std::string own;                   // what this loket reported on that resource, or empty
  ButtonView confirm, cancel, clear; // clear: F4, only with `own`
};

struct CounterView {
  Mode mode = Mode::sign_in;
  Lang lang = Lang::id;
  HeaderView header;
  ConnectionView connection;
  std::optional<NoticeView> notice;
  std::string busy_text;  // "Menunggu jawaban server..." while an action is on its way

  SignInView sign_in;

  CurrentTicketView current;
  std::vector<ButtonView> actions;  // the action grid, in order
  ButtonView lang_button, sign_out_button;
  std::vector<WaitingRowView> waiting;
  int waiting_total = 0;         // rows may be cut at kMaxWaitingRows
  std::string waiting_title;     // "Daftar tunggu (12)"
  std::string waiting_empty;     // when there is nobody
  int selected_row = -1;         // index into waiting, -1 = none
  std::vector<ServiceRowView> services;
  std::vector<FigureView> figures;

  DialogKind dialog = DialogKind::none;
  TransferView transfer;
  DisruptionView disruption;
};

inline constexpr std::size_t kMaxWaitingRows = 200;

CounterView build_view(const ConsoleModel& model, const Mirror& m);

// When the view next changes by itself (hub clock, ms): the next second while a
// ticket's timer runs, else the next minute (waited times, the clock).
int64_t next_view_change_ms(const ConsoleModel& model, const Mirror& m);

}  // namespace antrian::counter
