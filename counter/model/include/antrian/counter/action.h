#pragma once
// What a staff member can do at the console. Each action has one shortcut key,
// written on its button, and one protocol command (most of them).
#include <optional>
#include <string_view>

#include "antrian/counter/keys.h"

namespace antrian::counter {

enum class Action {
  call_next,          // F1  Panggil Berikutnya
  recall,             // F2  Panggil Ulang
  start,              // F3  Mulai Layani
  finish,             // F4  Selesai
  no_show,            // F5  Tidak Hadir
  transfer,           // F6  Alihkan (opens a dialog)
  call_selected,      // F7  call the ticket chosen in the waiting list
  pause,              // F8  Istirahat (while open)
  resume,             // F8  Lanjutkan (while on a break)
  report_disruption,  // F9  Lapor Gangguan (opens a dialog)
  toggle_lang,        // F10 Bahasa Indonesia / English
  sign_out,           // F12 Keluar
  undo_no_show,       // F11 Kembalikan: the no-show this loket marked comes back into line
};

inline constexpr Action kAllActions[] = {
    Action::call_next, Action::recall,  Action::start,  Action::finish,
    Action::no_show,   Action::transfer, Action::call_selected, Action::pause,
    Action::resume,    Action::report_disruption, Action::toggle_lang, Action::sign_out, Action::undo_no_show};

// The key on the console screen (pause and resume share F8).
Key shortcut(Action a);
// "call_next", "no_show"... (scripts, logs, JSON output).
std::string_view action_name(Action a);
std::optional<Action> parse_action(std::string_view name);
// Key of the button text in the strings table.
std::string_view action_label_key(Action a);

}  // namespace antrian::counter
