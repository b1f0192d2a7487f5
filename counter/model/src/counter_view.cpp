// build_view for the console screen (header, current ticket, actions, lists,
// figures). The sign-in screen and the dialogs are in view_forms.cpp.
#include <algorithm>

#include "antrian/counter/counter_view.h"
#include "antrian/counter/desk_queue.h"
#include "antrian/counter/format.h"
#include "antrian/counter/staff_figures.h"
#include "antrian/desk_rules.h"
#include "antrian/office_time.h"
#include "antrian/office_view.h"

namespace antrian::counter {

// view_forms.cpp
void build_sign_in(CounterView& v, const ConsoleModel& model, const Mirror& m);
void build_dialogs(CounterView& v, const ConsoleModel& model, const Mirror& m);
ButtonView button_for(Action a, const ConsoleModel& model, const Mirror& m);

namespace {

int tz_hours(const OfficeState& s) {
  int h = 7;
  timezone_offset_hours(s.office.timezone, h);
  return h;
}

std::string service_name(const OfficeState& s, const std::string& code, Lang lang) {
  auto it = s.services.find(code);
  if (it == s.services.end()) return code;
  return lang == Lang::id ? it->second.name_id : it->second.name_en;
}

std::string counter_state_text(CounterState st, Lang lang) {
  return std::string(tr("counter_state." + std::string(to_string(st)), lang));
}

void build_header(CounterView& v, const ConsoleModel& model, const Mirror& m) {
  const Lang lang = v.lang;
  const OfficeState& s = m.state;
  v.header.office = s.office.short_name.empty() ? s.office.name : s.office.short_name;
  if (v.header.office.empty()) v.header.office = std::string(tr("common.app_name", lang));
  if (m.now_ms > 0 && m.synced) {
    const int h = tz_hours(s);
    v.header.date = lang == Lang::id ? format_long_date_id(m.now_ms, h) : format_long_date_en(m.now_ms, h);
    v.header.clock = format_hhmm(m.now_ms, h) + " " + s.office.timezone;
  }
  if (model.mode() != Mode::console) return;
  auto c = s.counters.find(model.loket());
  if (c != s.counters.end()) {
    v.header.loket = c->second.name;
    v.header.counter_state = c->second.state;
    v.header.state = counter_state_text(c->second.state, lang);
  }
  auto member = s.staff.find(model.staff());
  v.header.staff = member != s.staff.end() ? member->second.name : model.staff();
}

void build_connection(CounterView& v, const ConsoleModel& model, const Mirror& m) {
  const Lang lang = v.lang;
  v.connection.ok = m.live() && !model.stale();
  if (!m.online && !m.synced) {  // not reached yet since the program started
    v.connection.text = std::string(tr("counter.connection.syncing", lang));
    v.connection.banner = std::string(tr("counter.banner.connecting", lang));
  } else if (!m.online) {
    v.connection.text = std::string(tr("counter.connection.offline", lang));
    v.connection.banner = std::string(tr("counter.banner.offline", lang));
  } else if (!m.synced) {
    v.connection.text = std::string(tr("counter.connection.syncing", lang));
    v.connection.banner = std::string(tr("counter.banner.syncing", lang));
  } else if (model.outcome_unknown()) {
    v.connection.text = std::string(tr("counter.connection.checking", lang));
    v.connection.banner = std::string(tr("counter.banner.checking", lang));
  } else if (model.stale()) {
    v.connection.text = std::string(tr("counter.connection.syncing", lang));
    v.connection.banner = std::string(tr("counter.banner.syncing", lang));
  } else {
    v.connection.text = std::string(tr("counter.connection.online", lang));
  }
}

void build_current(CounterView& v, const ConsoleModel& model, const Mirror& m) {
  const Lang lang = v.lang;
  CurrentTicketView& cur = v.current;
  const Ticket* t = held_ticket(m.state, model.loket());
  if (!t) {
    auto c = m.state.counters.find(model.loket());
    const bool paused = c != m.state.counters.end() && c->second.state == CounterState::paused;
    cur.empty_text = std::string(tr(paused ? "counter.current.paused" : "counter.current.none", lang));
    return;
  }
  cur.present = true;
  cur.label = t->label();
  cur.service = t->service + " \xC2\xB7 " + service_name(m.state, t->service, lang);
  if (t->priority != Priority::reguler) cur.priority = std::string(tr("priority." + std::string(to_string(t->priority)), lang));
  cur.state = t->state;
  cur.state_text = std::string(tr("state." + std::string(to_string(t->state)), lang));
  const int64_t waited_s = std::max<int64_t>(0, t->called_at - t->queue_at) / 1000;
  cur.waited = trf("counter.current.waited", lang, {format_duration(waited_s, lang)});
  const bool serving = t->state == TicketState::serving;
  cur.timer_caption = std::string(tr(serving ? "counter.current.serving_for" : "counter.current.called_for", lang));
  cur.timer = format_timer(std::max<int64_t>(0, m.now_ms - (serving ? t->started_at : t->called_at)) / 1000);
  if (t->recalls > 0) cur.recalls = trf("counter.current.recalls", lang, {std::to_string(t->recalls)});
  // The newest transfer step says where it came from and why. A bulk move by the
  // office writes its step with no loket (counter 0): it names the service it came from.
  for (auto it = t->history.rbegin(); it != t->history.rend(); ++it) {
    if (it->what != "transferred") continue;
    std::string where;
    if (it->counter == 0) {
      auto old = m.state.tickets.find(t->transferred_from);
      const bool known = old != m.state.tickets.end() && old->second.service != t->service;
      where = known ? trf("counter.current.moved_by_office_from", lang, {service_name(m.state, old->second.service, lang)})
                    : std::string(tr("counter.current.moved_by_office", lang));
    } else {
      auto from = m.state.counters.find(it->counter);
      where = trf("counter.current.transferred_from",
                  lang, {from != m.state.counters.end() ? from->second.name : "Loket " + std::to_string(it->counter)});
    }
    cur.note = it->note.empty() ? where : trf("counter.current.move_note", lang, {where, it->note});
    break;
  }
}

void build_waiting(CounterView& v, const ConsoleModel& model, const Mirror& m) {
  const Lang lang = v.lang;
  const auto rows = waiting_for_loket(m.state, model.loket(), m.now_ms);
  v.waiting_total = static_cast<int>(rows.size());
  v.waiting_title = trf("counter.waiting.title", lang, {std::to_string(rows.size())});
  v.waiting_empty = std::string(tr("counter.waiting.empty", lang));
  for (const WaitingTicket& w : rows) {
    if (v.waiting.size() >= kMaxWaitingRows) break;
    WaitingRowView r;
    r.id = w.id;
    r.label = w.label;
    r.service = w.service;
    r.is_priority = w.priority != Priority::reguler;
    r.priority = r.is_priority ? std::string(tr("priority." + std::string(to_string(w.priority)), lang)) : "";
    r.waited = format_duration(w.waited_s, lang);
    r.eta = w.service_halted ? std::string(tr("status.halted", lang)) : format_estimate(w.eta_s, lang);
    r.for_this_loket = w.for_this_loket;
    r.halted = w.service_halted;
    r.selected = model.selected() && *model.selected() == w.id;
    if (r.selected) v.selected_row = static_cast<int>(v.waiting.size());
    v.waiting.push_back(std::move(r));
  }
}

std::string disruption_line(const OfficeState& s, const Disruption& d, Lang lang) {
  auto r = s.resources.find(d.resource);
  std::string what = r == s.resources.end() ? d.resource : (lang == Lang::id ? r->second.name_id : r->second.name_en);
  what += " \xE2\x80\x93 " + std::string(tr(d.level == DisruptionLevel::down ? "counter.level.down" : "counter.level.degraded", lang));
  const std::string& msg = lang == Lang::id ? (d.message_id.empty() ? d.message_en : d.message_id)
                                            : (d.message_en.empty() ? d.message_id : d.message_en);
  if (!msg.empty()) what += ": " + msg;
  if (d.expected_end) what += " " + trf("counter.services.expected_end", lang, {format_hhmm(*d.expected_end, tz_hours(s))});
  return what;
}

void build_services(CounterView& v, const ConsoleModel& model, const Mirror& m) {
  const Lang lang = v.lang;
  auto c = m.state.counters.find(model.loket());
  if (c == m.state.counters.end()) return;
  for (const std::string& code : c->second.services) {
    const ServiceSummary sum = service_summary(m.state, code, m.now_ms);
    ServiceRowView row;
    row.code = code;
    row.name = lang == Lang::id ? sum.name_id : sum.name_en;
    row.waiting = trf("counter.services.waiting", lang, {std::to_string(sum.waiting)});
    row.status = sum.status;
    row.status_text = std::string(tr("status." + std::string(to_string(sum.status)), lang));
    for (const Disruption* d : sum.disruptions) row.messages.push_back(disruption_line(m.state, *d, lang));
    v.services.push_back(std::move(row));
  }
}

void build_figures(CounterView& v, const ConsoleModel& model, const Mirror& m) {
  const Lang lang = v.lang;
  const StaffFigures f = staff_figures(m.state, model.staff());
  v.figures = {
      {std::string(tr("counter.figures.served", lang)), std::to_string(f.served)},
      {std::string(tr("counter.figures.no_shows", lang)), std::to_string(f.no_shows)},
      {std::string(tr("counter.figures.transferred", lang)), std::to_string(f.transferred)},
      {std::string(tr("counter.figures.average", lang)),
       f.average_service_s ? format_timer(*f.average_service_s) : std::string("\xE2\x80\x93")},
  };
}

}  // namespace

CounterView build_view(const ConsoleModel& model, const Mirror& m) {
  CounterView v;
  v.mode = model.mode();
  v.lang = model.lang();
  build_header(v, model, m);
  build_connection(v, model, m);
  if (const auto& n = model.notice())
    // The hub's own reason is English: one language at a time, so only on an English screen.
    v.notice = NoticeView{n->kind, trf(n->key, v.lang, n->args), v.lang == Lang::en ? n->detail : std::string()};
  if (model.busy(m)) v.busy_text = std::string(tr("counter.busy", v.lang));
  v.lang_button = button_for(Action::toggle_lang, model, m);
  if (v.mode == Mode::sign_in) {
    build_sign_in(v, model, m);
    return v;
  }
  build_current(v, model, m);
  for (Action a : {Action::call_next, Action::recall, Action::start, Action::finish, Action::no_show,
                   Action::transfer, Action::call_selected, Action::pause, Action::report_disruption}) {
    if (a == Action::pause) {
      auto c = m.state.counters.find(model.loket());
      if (c != m.state.counters.end() && c->second.state == CounterState::paused) a = Action::resume;
    }
    v.actions.push_back(button_for(a, model, m));
  }
  // The no-show this loket may still bring back, named on its button with the time it may until.
  ButtonView undo = button_for(Action::undo_no_show, model, m);
  if (const Ticket* t = returnable_no_show_of(m.state, model.loket(), m.now_ms); t && undo.enabled)
    undo.label = trf("counter.action.undo_no_show_of", v.lang,
                     {t->label(), format_hhmm(no_show_return(m.state, *t, m.now_ms).until_ms, tz_hours(m.state))});
  v.actions.push_back(undo);
  v.sign_out_button = button_for(Action::sign_out, model, m);
  build_waiting(v, model, m);
  build_services(v, model, m);
  build_figures(v, model, m);
  build_dialogs(v, model, m);
  return v;
}

int64_t next_view_change_ms(const ConsoleModel& model, const Mirror& m) {
  if (m.now_ms <= 0) return 0;
  // A running timer shows seconds; waited times in the list move every minute from
  // each ticket's own arrival, so 10 s keeps them at most that late; the sign-in
  // screen shows only the clock.
  int64_t period = 60'000;
  if (model.mode() == Mode::console) period = held_ticket(m.state, model.loket()) ? 1000 : 10'000;
  return m.now_ms + (period - m.now_ms % period);
}

}  // namespace antrian::counter
