#pragma once
// What a click on the screen asks for. The ImGui code only draws the view and
// returns these; the program applies them to the model (under the mirror's lock),
// so a click and its shortcut key take the same path.
#include <cstdint>
#include <string>
#include <vector>

#include "antrian/counter/action.h"
#include "antrian/counter/console_model.h"

namespace antrian::counter {

struct Intent {
  enum class Kind {
    trigger,          // action
    choose_loket,     // number
    choose_staff,     // text (staff id)
    submit_sign_in,
    select_ticket,    // number (ticket id)
    choose_target,    // number (index)
    choose_resource,  // number (index)
    set_level,        // level
    toggle_affected,  // number (index)
    confirm_dialog,
    cancel_dialog,
    clear_disruption,  // the disruption dialog's F4 button
    dismiss_notice,
  };
  Kind kind = Kind::dismiss_notice;
  Action action = Action::call_next;
  int64_t number = 0;
  std::string text;
  DisruptionLevel level = DisruptionLevel::down;
};

// Builders, so drawing code reads as what was clicked.
inline Intent intent_of(Intent::Kind kind) {
  Intent i;
  i.kind = kind;
  return i;
}
inline Intent intent_trigger(Action a) {
  Intent i = intent_of(Intent::Kind::trigger);
  i.action = a;
  return i;
}
inline Intent intent_number(Intent::Kind kind, int64_t number) {
  Intent i = intent_of(kind);
  i.number = number;
  return i;
}
inline Intent intent_text(Intent::Kind kind, std::string text) {
  Intent i = intent_of(kind);
  i.text = std::move(text);
  return i;
}
inline Intent intent_level(DisruptionLevel level) {
  Intent i = intent_of(Intent::Kind::set_level);
  i.level = level;
  return i;
}

void apply(const Intent& intent, ConsoleModel& model, const Mirror& m);

}  // namespace antrian::counter
