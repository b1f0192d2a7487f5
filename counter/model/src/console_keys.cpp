// ConsoleModel: what each key does. Arrows choose, typing types, Enter confirms,
// Esc cancels, and the function keys are the actions written on the buttons.
#include <algorithm>
#include <vector>

#include "antrian/counter/console_model.h"

namespace antrian::counter {
namespace {

// The staff list of the sign-in screen, in the order it is shown (by name).
std::vector<const StaffMember*> active_staff(const OfficeState& s) {
  std::vector<const StaffMember*> out;
  for (const auto& [_, m] : s.staff)
    if (m.active) out.push_back(&m);
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) { return std::tie(a->name, a->id) < std::tie(b->name, b->id); });
  return out;
}

// Index after moving delta steps from `at` (-1 = nothing chosen) in a list of n.
int step_index(int at, int delta, int n) {
  if (n <= 0) return -1;
  if (at < 0) return delta < 0 ? n - 1 : 0;
  return std::clamp(at + delta, 0, n - 1);
}

}  // namespace

std::vector<const StaffMember*> sign_in_staff_list(const OfficeState& s) { return active_staff(s); }

bool ConsoleModel::key(const KeyPress& k, const Mirror& m) {
  settle(m);
  if (k.key == Key::f10 && !k.ctrl) return trigger(Action::toggle_lang, m), true;
  if (mode_ == Mode::sign_in) return key_sign_in(k, m);
  if (dialog_ != DialogKind::none) return key_dialog(k, m);
  return key_console(k, m);
}

bool ConsoleModel::key_sign_in(const KeyPress& k, const Mirror& m) {
  switch (k.key) {
    case Key::left:
    case Key::right: {
      std::vector<int> lokets;
      for (const auto& [n, _] : m.state.counters) lokets.push_back(n);
      const auto it = std::find(lokets.begin(), lokets.end(), form_.loket);
      const int at = it == lokets.end() ? -1 : static_cast<int>(it - lokets.begin());
      const int next = step_index(at, k.key == Key::left ? -1 : 1, static_cast<int>(lokets.size()));
      if (next >= 0) form_.loket = lokets[static_cast<std::size_t>(next)];
      return true;
    }
    case Key::up:
    case Key::down: {
      const auto staff = active_staff(m.state);
      int at = -1;
      for (std::size_t i = 0; i < staff.size(); ++i)
        if (staff[i]->id == form_.staff) at = static_cast<int>(i);
      const int next = step_index(at, k.key == Key::up ? -1 : 1, static_cast<int>(staff.size()));
      if (next >= 0) form_.staff = staff[static_cast<std::size_t>(next)]->id;
      return true;
    }
    case Key::backspace: form_.pin.backspace(); return true;
    case Key::escape: form_.pin.clear(); notice_.reset(); return true;
    case Key::enter: submit_sign_in(m); return true;
    default: return false;
  }
}

bool ConsoleModel::key_console(const KeyPress& k, const Mirror& m) {
  if (k.ctrl) return false;
  switch (k.key) {
    case Key::f1: trigger(Action::call_next, m); return true;
    case Key::f2: trigger(Action::recall, m); return true;
    case Key::f3: trigger(Action::start, m); return true;
    case Key::f4: trigger(Action::finish, m); return true;
    case Key::f5: trigger(Action::no_show, m); return true;
    case Key::f6: trigger(Action::transfer, m); return true;
    case Key::f7: trigger(Action::call_selected, m); return true;
    case Key::f8: {
      auto c = m.state.counters.find(loket_);
      const bool paused = c != m.state.counters.end() && c->second.state == CounterState::paused;
      trigger(paused ? Action::resume : Action::pause, m);
      return true;
    }
    case Key::f9: trigger(Action::report_disruption, m); return true;
    case Key::f11: trigger(Action::undo_no_show, m); return true;
    case Key::f12: trigger(Action::sign_out, m); return true;
    case Key::up: move_selection(-1, m); return true;
    case Key::down: move_selection(1, m); return true;
    case Key::page_up: move_selection(-10, m); return true;
    case Key::page_down: move_selection(10, m); return true;
    case Key::home: move_selection(-1'000'000, m); return true;
    case Key::end: move_selection(1'000'000, m); return true;
    case Key::escape: selected_.reset(); notice_.reset(); return true;
    default: return false;
  }
}

bool ConsoleModel::key_dialog(const KeyPress& k, const Mirror& m) {
  if (k.key == Key::escape) return cancel_dialog(), true;
  if (k.key == Key::enter) return confirm_dialog(m), true;
  if (dialog_ == DialogKind::transfer) {
    switch (k.key) {
      case Key::up: choose_target(step_index(transfer_.chosen, -1, int(transfer_.targets.size()))); return true;
      case Key::down: choose_target(step_index(transfer_.chosen, 1, int(transfer_.targets.size()))); return true;
      case Key::backspace: transfer_.note.backspace(); return true;
      default: break;
    }
  } else {
    if (k.ctrl && digit_value(k.key) > 0) return toggle_affected(digit_value(k.key) - 1), true;
    TextField& typing = disruption_.expected_focus ? disruption_.expected : disruption_.message;
    switch (k.key) {
      case Key::tab: disruption_.expected_focus = !disruption_.expected_focus; return true;
      case Key::f4: clear_own_disruption(m); return true;
      case Key::up: choose_resource(step_index(disruption_.chosen, -1, int(disruption_.resources.size())), m); return true;
      case Key::down: choose_resource(step_index(disruption_.chosen, 1, int(disruption_.resources.size())), m); return true;
      case Key::left: set_level(DisruptionLevel::degraded); return true;
      case Key::right: set_level(DisruptionLevel::down); return true;
      case Key::backspace: typing.backspace(); return true;
      default: break;
    }
  }
  // Other function keys mean nothing while a dialog is open: swallow them so they
  // cannot act on the console behind it.
  return k.key >= Key::f1 && k.key <= Key::f12;
}

void ConsoleModel::text(std::string_view utf8, const Mirror& m) {
  settle(m);
  if (mode_ == Mode::sign_in) {
    form_.pin.insert(utf8);
    return;
  }
  if (dialog_ == DialogKind::transfer) transfer_.note.insert(utf8);
  else if (dialog_ == DialogKind::disruption)
    (disruption_.expected_focus ? disruption_.expected : disruption_.message).insert(utf8);
}

}  // namespace antrian::counter
