// build_view for the sign-in screen, the dialogs and the buttons.
#include <algorithm>

#include "antrian/counter/counter_view.h"
#include "antrian/office_time.h"

namespace antrian::counter {

ButtonView button_for(Action a, const ConsoleModel& model, const Mirror& m) {
  ButtonView b;
  b.action = a;
  b.label = std::string(tr(action_label_key(a), model.lang()));
  if (a == Action::toggle_lang) b.label = std::string(tr("counter.action.toggle_lang_to", model.lang()));
  b.shortcut = std::string(key_name(shortcut(a)));
  const Availability av = model.availability(a, m);
  b.enabled = av.enabled;
  if (!av.enabled) b.why = trf(av.reason_key, model.lang(), av.reason_args);
  return b;
}

void build_sign_in(CounterView& v, const ConsoleModel& model, const Mirror& m) {
  const Lang lang = v.lang;
  const SignInForm& form = model.sign_in_form();
  for (const auto& [n, c] : m.state.counters) {
    SignInLoketView l;
    l.number = n;
    l.name = c.name;
    l.state = c.state;
    if (c.state != CounterState::closed) l.who = c.staff;
    if (c.state == CounterState::paused) l.who += " \xC2\xB7 " + std::string(tr("counter_state.paused", lang));
    l.chosen = form.loket == n;
    v.sign_in.lokets.push_back(std::move(l));
  }
  for (const StaffMember* s : sign_in_staff_list(m.state)) {
    SignInStaffView row;
    row.id = s->id;
    row.name = s->name;
    row.chosen = form.staff == s->id;
    for (const auto& [n, c] : m.state.counters)
      if (c.staff == s->id && c.state != CounterState::closed) row.where = trf("counter.signin.at", lang, {c.name});
    v.sign_in.staff.push_back(std::move(row));
  }
  if (!m.synced) v.sign_in.lists_note = std::string(tr("counter.signin.no_state", lang));
  else if (v.sign_in.staff.empty()) v.sign_in.lists_note = std::string(tr("counter.signin.no_staff", lang));
  v.sign_in.pin_masked = form.pin.masked();
  v.sign_in.pin_placeholder = std::string(tr("counter.signin.pin_placeholder", lang));
  ButtonView& b = v.sign_in.submit;
  b.label = std::string(tr("counter.signin.submit", lang));
  b.shortcut = "Enter";
  b.enabled = m.live() && !model.busy(m) && !model.stale();
  if (!m.online) b.why = std::string(tr("counter.why.offline", lang));
  else if (!m.synced) b.why = std::string(tr("counter.why.syncing", lang));
  else if (model.busy(m)) b.why = std::string(tr("counter.why.busy", lang));
  else if (model.stale()) b.why = std::string(tr("counter.why.catching_up", lang));
}

namespace {

ButtonView dialog_button(const ConsoleModel& model, const Mirror& m, Action a, const char* label_key, const char* key) {
  ButtonView b;
  b.action = a;
  b.label = std::string(tr(label_key, model.lang()));
  b.shortcut = key;
  const Availability av = model.availability(a, m);
  b.enabled = av.enabled;
  if (!av.enabled) b.why = trf(av.reason_key, model.lang(), av.reason_args);
  return b;
}

// Closing a dialog is always possible, also offline.
ButtonView cancel_button(Lang lang) {
  ButtonView b;
  b.label = std::string(tr("counter.dialog.cancel", lang));
  b.shortcut = "Esc";
  b.enabled = true;
  return b;
}

std::string service_text(const OfficeState& s, const std::string& code, Lang lang) {
  auto it = s.services.find(code);
  if (it == s.services.end()) return code;
  return code + "  " + (lang == Lang::id ? it->second.name_id : it->second.name_en);
}

}  // namespace

void build_dialogs(CounterView& v, const ConsoleModel& model, const Mirror& m) {
  const Lang lang = v.lang;
  v.dialog = model.dialog();
  if (v.dialog == DialogKind::transfer) {
    const TransferDialog& d = model.transfer_dialog();
    v.transfer.title = trf("counter.transfer.title", lang, {d.ticket_label});
    for (std::size_t i = 0; i < d.targets.size(); ++i) {
      const TransferTarget& t = d.targets[i];
      const bool chosen = static_cast<int>(i) == d.chosen;
      if (!t.to_loket) {
        v.transfer.services.push_back({service_text(m.state, t.service, lang), chosen});
        continue;
      }
      auto c = m.state.counters.find(t.loket);
      std::string text = c != m.state.counters.end() ? c->second.name : "Loket " + std::to_string(t.loket);
      if (c != m.state.counters.end()) {
        std::string codes;
        for (const std::string& code : c->second.services) codes += (codes.empty() ? "" : ", ") + code;
        text += "  (" + codes + ") \xC2\xB7 " + std::string(tr("counter_state." + std::string(to_string(c->second.state)), lang));
      }
      v.transfer.lokets.push_back({text, chosen});
    }
    v.transfer.note = d.note.text();
    v.transfer.confirm = dialog_button(model, m, Action::transfer, "counter.transfer.confirm", "Enter");
    v.transfer.cancel = cancel_button(model.lang());
  } else if (v.dialog == DialogKind::disruption) {
    const DisruptionDialog& d = model.disruption_dialog();
    for (std::size_t i = 0; i < d.resources.size(); ++i) {
      auto r = m.state.resources.find(d.resources[i]);
      std::string text = r == m.state.resources.end() ? d.resources[i] : (lang == Lang::id ? r->second.name_id : r->second.name_en);
      v.disruption.resources.push_back({text, static_cast<int>(i) == d.chosen});
    }
    v.disruption.levels = {{std::string(tr("counter.level.degraded", lang)), d.level == DisruptionLevel::degraded},
                           {std::string(tr("counter.level.down", lang)), d.level == DisruptionLevel::down}};
    for (std::size_t i = 0; i < d.services.size(); ++i)
      v.disruption.services.push_back({"Ctrl+" + std::to_string(i + 1) + "  " + service_text(m.state, d.services[i], lang),
                                       static_cast<bool>(d.affected[i])});
    v.disruption.message = d.message.text();
    v.disruption.message_placeholder = std::string(tr("counter.disruption.message_placeholder", lang));
    v.disruption.expected = d.expected.text();
    v.disruption.expected_placeholder = std::string(tr("counter.disruption.expected_placeholder", lang));
    v.disruption.expected_focus = d.expected_focus;
    const Disruption* own = own_disruption(m.state, d, model.loket());
    v.disruption.confirm = dialog_button(model, m, Action::report_disruption,
                                         own ? "counter.disruption.update" : "counter.disruption.confirm", "Enter");
    v.disruption.cancel = cancel_button(model.lang());
    v.disruption.clear = dialog_button(model, m, Action::report_disruption, "counter.disruption.clear", "F4");
    if (own) {
      int tz = 7;
      timezone_offset_hours(m.state.office.timezone, tz);
      v.disruption.own = trf("counter.disruption.own", lang,
                             {format_hhmm(own->started_at, tz),
                              own->expected_end ? format_hhmm(*own->expected_end, tz) : std::string(tr("common.unknown", lang))});
    } else {
      v.disruption.clear.enabled = false;
      v.disruption.clear.why = std::string(tr("counter.disruption.none_own", lang));
    }
  }
}

}  // namespace antrian::counter
