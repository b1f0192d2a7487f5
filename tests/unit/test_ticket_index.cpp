// The ticket index (ticket_index.h) against the rules written the slow way, over the
// whole day's tickets: after every step of a random busy day, who each loket calls
// next, how many stand ahead of each waiting ticket, how many were issued per
// service, which tickets are open, which label/token names which ticket and the
// forecast's pace of recent arrivals agree.
#include <doctest/doctest.h>

#include <array>
#include <limits>
#include <map>
#include <random>
#include <set>
#include <tuple>

#include "antrian/model_json.h"
#include "antrian/queue_rules.h"
#include "antrian/service_health.h"
#include "office_fixture.h"

namespace antrian::test {
namespace {

// The order of queue_rules.h, by scanning every ticket of the day.
std::optional<int64_t> slow_next(const OfficeState& s, int counter) {
  const auto& prefs = s.counters.at(counter).services;
  std::optional<std::tuple<int, int, int64_t, int64_t>> best;
  for (const auto& [id, t] : s.tickets) {
    if (t.state != TicketState::waiting) continue;
    if (t.target_counter != 0 && t.target_counter != counter) continue;
    const auto pos = std::find(prefs.begin(), prefs.end(), t.service);
    const bool targeted = t.target_counter == counter;
    if (pos == prefs.end() && !targeted) continue;
    if (!targeted && service_health(s, t.service).status == ServiceStatus::halted) continue;
    const int pref = pos == prefs.end() ? 0 : int(pos - prefs.begin());
    const int group = targeted ? 0 : t.priority != Priority::reguler ? 1 : 2;
    const auto key = std::make_tuple(group, group == 2 ? pref : 0, t.queue_at, id);
    if (!best || key < *best) best = key;
  }
  if (!best) return std::nullopt;
  return std::get<3>(*best);
}

int slow_ahead(const OfficeState& s, const Ticket& t) {
  auto key = [](const Ticket& x) { return std::make_tuple(x.priority == Priority::reguler, x.queue_at, x.id); };
  int n = 0;
  for (const auto& [_, o] : s.tickets)
    if (o.state == TicketState::waiting && o.service == t.service && o.id != t.id && key(o) < key(t)) ++n;
  return n;
}

// The forecast's pace as it read the day before the index: every ticket, newest first,
// back to the first one taken before `from`.
std::map<std::string, std::pair<int, int>> slow_recent_arrivals(const OfficeState& s, int64_t from) {
  std::map<std::string, std::pair<int, int>> out;
  for (auto it = s.tickets.rbegin(); it != s.tickets.rend(); ++it) {
    const Ticket& t = it->second;
    if (t.issued_at < from) break;
    if (t.transferred_from != 0) continue;
    auto& n = out[t.service];
    ++(t.priority != Priority::reguler ? n.first : n.second);
  }
  return out;
}

void check_against_slow(const OfficeState& s) {
  for (const auto& [number, _] : s.counters) CHECK(next_for_counter(s, number) == slow_next(s, number));
  for (const auto& [code, _] : s.services) {
    int issued = 0;
    for (const auto& [id, t] : s.tickets) issued += t.service == code && t.transferred_from == 0;
    CHECK(issued_today(s, code) == issued);
  }
  const TicketIndex& ix = ticket_index(s);
  std::size_t open = 0;
  for (const auto& [id, t] : s.tickets) {
    if (t.state == TicketState::waiting) CHECK(ahead_of(s, t) == slow_ahead(s, t));
    open += t.is_open();
    CHECK(ix.open.count(id) == (t.is_open() ? 1u : 0u));
    // A label names its newest ticket (after transfers).
    CHECK(ix.by_label.at(t.label()) >= id);
  }
  CHECK(ix.open.size() == open);
  // The queues the forecast plays (in line order) and the open counts per service and
  // state (blangko promised), as a scan finds them.
  std::map<std::string, TicketIndex::Queue> queues;
  std::map<int, std::set<TicketIndex::Place>> sent;
  std::map<std::string, std::array<int, 7>> states;
  for (const auto& [id, t] : s.tickets) {
    states[t.service][std::size_t(t.state)] += 1;
    if (t.state != TicketState::waiting) continue;
    const TicketIndex::Place p{t.queue_at, id};
    TicketIndex::Queue& q = queues[t.service];
    if (t.target_counter != 0) {
      q.targeted.insert(p);
      sent[t.target_counter].insert(p);
    } else {
      (t.priority != Priority::reguler ? q.priority : q.reguler).insert(p);
    }
  }
  for (const auto& [code, q] : ix.waiting) {
    const TicketIndex::Queue& want = queues[code];
    CHECK(q.priority == want.priority);
    CHECK(q.reguler == want.reguler);
    CHECK(q.targeted == want.targeted);
  }
  for (const auto& [code, q] : queues) CHECK((q.size() == 0 || ix.waiting.count(code) == 1));
  for (const auto& [number, places] : ix.targeted) CHECK(places == sent[number]);
  for (const auto& [number, places] : sent) CHECK((places.empty() || ix.targeted.count(number) == 1));
  for (const auto& [code, n] : ix.by_state) CHECK(n == states[code]);
  for (const auto& [code, n] : states) CHECK(ix.by_state.count(code) == 1);
  // The pace of arrivals from every ticket's time back to before the first.
  std::set<int64_t> times = {0, std::numeric_limits<int64_t>::max()};
  for (const auto& [id, t] : s.tickets) times.insert({t.issued_at, t.issued_at + 1});
  std::size_t k = 0;  // a spread of them: every one would make this test slow
  for (int64_t from : times)
    if (k++ % 5 == 0 || from == *times.rbegin()) CHECK(recent_arrivals(ix, from) == slow_recent_arrivals(s, from));
  // Today's arrivals between two moments (the arrival curve's level), as a scan counts them.
  k = 0;
  for (int64_t from : times)
    if (k++ % 7 == 0)
      for (int64_t to : {from, from + 1, from + 30'000, from + 600'000, std::numeric_limits<int64_t>::max()}) {
        int n = 0;
        for (const auto& [_, t] : s.tickets) n += t.transferred_from == 0 && t.issued_at >= from && t.issued_at < to;
        CHECK(arrivals_between(ix, from, to) == n);
      }
}

}  // namespace

TEST_CASE("the ticket index agrees with a scan of the whole day, step by step") {
  TestOffice o;
  for (int c = 1; c <= 8; ++c) o.open(c);
  std::mt19937 rng(15);
  const char* services[] = {"A", "B", "C", "D", "E", "F"};
  const char* priorities[] = {"reguler", "reguler", "reguler", "lansia", "ibu_hamil"};
  for (int step = 0; step < 600; ++step) {
    const int counter = 1 + int(rng() % 8);
    o.now += 1000 * int64_t(rng() % 30);
    switch (rng() % 8) {
      case 0: case 1: case 2:
        o.run(proto::cmd::issue, {{"service", services[rng() % 6]}, {"priority", priorities[rng() % 5]}});
        break;
      case 3: o.run(proto::cmd::call_next, {{"counter", counter}}); break;
      case 4: o.run(proto::cmd::start, {{"counter", counter}}); o.run(proto::cmd::finish, {{"counter", counter}}); break;
      case 5: o.run(proto::cmd::no_show, {{"counter", counter}}); break;
      case 6: o.run(proto::cmd::transfer, {{"counter", counter}, {"to_counter", 1 + int(rng() % 8)}}); break;
      default:
        if (rng() % 4 == 0) o.run(proto::cmd::cancel, {{"ticket", int64_t(1 + rng() % uint64_t(o.state.next_ticket_id))}});
        else o.run(proto::cmd::transfer, {{"counter", counter}, {"to_service", services[rng() % 6]}});
    }
    check_against_slow(o.state);
  }
  CHECK(o.state.tickets.size() > 150);
  CHECK(ticket_index(o.state).arrivals_in_order);  // the clock only went forward: binary searches
  // The index is derived: a state read back from a snapshot's JSON has the same one.
  const OfficeState copy = state_from_json(state_to_json(o.state, false));
  check_against_slow(copy);
  for (const auto& [number, _] : o.state.counters) CHECK(next_for_counter(copy, number) == next_for_counter(o.state, number));
}

TEST_CASE("today's arrivals counted by the index agree with a scan when the clock goes back") {
  TestOffice o;
  o.open_all_day();
  for (int c = 1; c <= 8; ++c) o.open(c);
  std::mt19937 rng(1515);
  const char* services[] = {"A", "B", "C", "D", "E", "F"};
  bool went_back = false;
  for (int step = 0; step < 300; ++step) {
    const int counter = 1 + int(rng() % 8);
    // Now and then the clock is set back (a wrong clock corrected): issue times out of id order.
    const bool back = step > 150 && rng() % 10 == 0;
    o.now += back ? -60'000 * int64_t(1 + rng() % 5) : 1000 * int64_t(rng() % 30);
    if (back && ticket_index(o.state).arrivals_in_order) went_back = true;
    switch (rng() % 5) {
      case 0: case 1: o.run(proto::cmd::issue, {{"service", services[rng() % 6]}}); break;
      case 2: o.run(proto::cmd::call_next, {{"counter", counter}}); break;
      case 3: o.run(proto::cmd::transfer, {{"counter", counter}, {"to_service", services[rng() % 6]}}); break;
      default: o.run(proto::cmd::start, {{"counter", counter}}); o.run(proto::cmd::finish, {{"counter", counter}});
    }
    const TicketIndex& ix = ticket_index(o.state);
    for (int64_t from = o.now - 3'600'000; from <= o.now + 60'000; from += 97'000) {
      int n = 0;
      for (const auto& [_, t] : o.state.tickets) n += t.transferred_from == 0 && t.issued_at >= from && t.issued_at < o.now;
      CHECK(arrivals_between(ix, from, o.now) == n);
    }
  }
  CHECK(went_back);
  CHECK_FALSE(ticket_index(o.state).arrivals_in_order);  // a ticket taken after the clock went back
}

}  // namespace antrian::test
