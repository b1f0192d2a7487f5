#include "antrian/counter/availability.h"

#include "antrian/counter/desk_queue.h"
#include "antrian/desk_rules.h"
#include "antrian/queue_rules.h"

namespace antrian::counter {
namespace {

Availability no(std::string key, std::vector<std::string> args = {}) {
  return Availability{false, std::move(key), std::move(args)};
}
Availability yes() { return Availability{true, {}, {}}; }

// What every action but the language switch needs: a live hub, no action on its
// way, and this staff member signed in at this loket.
std::optional<Availability> gate(const Mirror& m, const Desk& d) {
  if (!m.online) return no("counter.why.offline");
  if (!m.synced) return no("counter.why.syncing");
  if (d.stale) return no(d.stale_reason);
  if (d.busy) return no("counter.why.busy");
  auto c = m.state.counters.find(d.loket);
  if (c == m.state.counters.end() || d.staff.empty() || c->second.staff != d.staff ||
      c->second.state == CounterState::closed)
    return no("counter.why.not_signed_in");
  return std::nullopt;
}

}  // namespace

const Ticket* held_ticket(const OfficeState& s, int loket) {
  auto c = s.counters.find(loket);
  if (c == s.counters.end() || c->second.current_ticket == 0) return nullptr;
  auto t = s.tickets.find(c->second.current_ticket);
  if (t == s.tickets.end() || !t->second.is_open()) return nullptr;
  return &t->second;
}

Availability availability(Action a, const Mirror& m, const Desk& d) {
  if (a == Action::toggle_lang) return yes();
  if (auto closed = gate(m, d)) return *closed;
  const Counter& c = m.state.counters.at(d.loket);
  const Ticket* held = held_ticket(m.state, d.loket);
  const std::string held_label = held ? held->label() : "";
  const bool called = held && held->state == TicketState::called;
  const bool serving = held && held->state == TicketState::serving;

  switch (a) {
    case Action::call_next:
    case Action::call_selected: {
      if (c.state == CounterState::paused) return no("counter.why.paused");
      if (held) return no("counter.why.holding", {held_label});
      const auto waiting = waiting_for_loket(m.state, d.loket, m.now_ms);
      if (a == Action::call_next) {
        if (next_for_counter(m.state, d.loket)) return yes();
        return no(waiting.empty() ? "counter.why.queue_empty" : "counter.why.only_halted");
      }
      if (waiting.empty()) return no("counter.why.queue_empty");
      if (!d.selected) return no("counter.why.no_selection");
      for (const WaitingTicket& w : waiting)
        if (w.id == *d.selected) return yes();
      return no("counter.why.no_selection");
    }
    case Action::recall:
    case Action::start:
      if (!held) return no("counter.why.no_ticket");
      if (!called) return no("counter.why.already_serving", {held_label});
      return yes();
    case Action::no_show:
      if (!held) return no("counter.why.no_ticket");
      if (!called) return no("counter.why.present", {held_label});
      return yes();
    case Action::finish:
      if (!held) return no("counter.why.no_ticket");
      if (!serving) return no("counter.why.not_started", {held_label});
      return yes();
    case Action::transfer:
      if (!held) return no("counter.why.no_ticket");
      return yes();
    case Action::pause:
      if (c.state != CounterState::open) return no("counter.why.not_open");
      if (held) return no("counter.why.holding", {held_label});
      return yes();
    case Action::resume:
      if (c.state != CounterState::paused) return no("counter.why.not_paused");
      return yes();
    case Action::report_disruption:
      return yes();
    case Action::sign_out:
      if (held) return no("counter.why.holding", {held_label});
      return yes();
    case Action::toggle_lang:
      return yes();
    case Action::undo_no_show:
      // The hub's rule (desk_rules.h): this loket's last no-show, within the office's time.
      if (!returnable_no_show_of(m.state, d.loket, m.now_ms)) return no("counter.why.no_recent_no_show");
      return yes();
  }
  return no("counter.why.not_signed_in");
}

}  // namespace antrian::counter
