#include "antrian/counter/action.h"

namespace antrian::counter {

Key shortcut(Action a) {
  switch (a) {
    case Action::call_next: return Key::f1;
    case Action::recall: return Key::f2;
    case Action::start: return Key::f3;
    case Action::finish: return Key::f4;
    case Action::no_show: return Key::f5;
    case Action::transfer: return Key::f6;
    case Action::call_selected: return Key::f7;
    case Action::pause: return Key::f8;
    case Action::resume: return Key::f8;
    case Action::report_disruption: return Key::f9;
    case Action::toggle_lang: return Key::f10;
    case Action::sign_out: return Key::f12;
    case Action::undo_no_show: return Key::f11;
  }
  return Key::none;
}

std::string_view action_name(Action a) {
  switch (a) {
    case Action::call_next: return "call_next";
    case Action::recall: return "recall";
    case Action::start: return "start";
    case Action::finish: return "finish";
    case Action::no_show: return "no_show";
    case Action::transfer: return "transfer";
    case Action::call_selected: return "call_selected";
    case Action::pause: return "pause";
    case Action::resume: return "resume";
    case Action::report_disruption: return "report_disruption";
    case Action::toggle_lang: return "toggle_lang";
    case Action::sign_out: return "sign_out";
    case Action::undo_no_show: return "undo_no_show";
  }
  return "";
}

std::optional<Action> parse_action(std::string_view name) {
  for (Action a : kAllActions)
    if (action_name(a) == name) return a;
  return std::nullopt;
}

std::string_view action_label_key(Action a) {
  switch (a) {
    case Action::call_next: return "counter.action.call_next";
    case Action::recall: return "counter.action.recall";
    case Action::start: return "counter.action.start";
    case Action::finish: return "counter.action.finish";
    case Action::no_show: return "counter.action.no_show";
    case Action::transfer: return "counter.action.transfer";
    case Action::call_selected: return "counter.action.call_selected";
    case Action::pause: return "counter.action.pause";
    case Action::resume: return "counter.action.resume";
    case Action::report_disruption: return "counter.action.report_disruption";
    case Action::toggle_lang: return "counter.action.toggle_lang";
    case Action::sign_out: return "counter.action.sign_out";
    case Action::undo_no_show: return "counter.action.undo_no_show";
  }
  return "";
}

}  // namespace antrian::counter
