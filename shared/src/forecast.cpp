#include "antrian/forecast.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>
#include <set>
#include <tuple>
#include <vector>

#include "antrian/arrival_curve.h"
#include "antrian/capacity.h"
#include "antrian/eta.h"
#include "antrian/expected_arrivals.h"
#include "antrian/office_time.h"
#include "antrian/planned_capacity.h"
#include "antrian/service_health.h"

namespace antrian {
namespace {

constexpr int64_t kNever = std::numeric_limits<int64_t>::max();
constexpr int64_t kVirtualId = std::numeric_limits<int64_t>::max();
// The range is about the middle 80% of a normal spread around the estimate.
constexpr double kRangeZ = 1.28;
// A service time still running past its mean is expected to need this share more.
constexpr double kOverrunShare = 0.25;
// With no past day known, arrivals are expected at the pace of this last stretch of the day.
constexpr int64_t kArrivalWindowMs = 60 * 60'000;
// Not shorter: a pace read from the first few minutes of the day is noise.
constexpr int64_t kMinArrivalWindowMs = 5 * 60'000;

// One service as the forecast sees it.
struct Svc {
  std::string code;
  double cycle_ms = 0;     // one loket turn at the capacity the service runs at
  double var_ms2 = 0;      // its spread
  double service_ms = 0;   // the service part (for a ticket already being served)
  int64_t halted_until = 0;  // 0: running; kNever: halted, end unknown
};

struct Item {
  int64_t queue_at = 0, id = 0;
  int svc = 0;
  bool operator<(const Item& o) const { return std::tie(queue_at, id) < std::tie(o.queue_at, o.id); }
};

struct Loket {
  int number = 0;
  std::vector<int> services;  // indices into Svc, in the loket's order of preference
  std::vector<Item> targeted;  // transferred to this loket by name, in line order
  int64_t free_at = 0;
  double var_ms2 = 0;
};

// Everything one change needs, prepared once and shared by every run.
struct Hall {
  int64_t now = 0;
  std::vector<Svc> svcs;
  std::vector<std::vector<Item>> prio, reg;  // per service, in line order (not targeted)
  std::vector<Loket> lokets;
  // Applicants still to come until the kiosk closes, per service: when each is
  // expected (ascending), along past days' curve or at the last hour's pace, each
  // computed when the play reaches it (expected_arrivals.h).
  std::vector<ExpectedArrivals> prio_arrivals, reg_arrivals;
};

// The ticket added to a run: a new one taken now.
struct Virtual {
  int svc = -1;
  bool priority = false;
};

double learned_cycle_s(const OfficeState& s, const std::string& code, double& var_s2) {
  const double mean = turn_seconds(s, code);
  auto st = s.stats.find(code);
  // Until a few turns are seen the spread is a guess: half the mean.
  var_s2 = st != s.stats.end() && st->second.cycle_samples >= 3 ? st->second.var_cycle_s2 : 0.25 * mean * mean;
  return mean;
}

// Priority applicants still to come go before those waiting; regular ones of a service
// a shared loket prefers go before the other service's. The forecast expects them
// along the arrival curve of the office's past days (arrival_curve.h), at today's
// level; a hub with no past day yet expects them at the pace of the last hour (of the
// time open today, when that is shorter). Never more than the kiosk may still issue.
void expect_arrivals(const OfficeState& s, const std::map<std::string, int>& index, Hall& h) {
  h.prio_arrivals.assign(h.svcs.size(), {});
  h.reg_arrivals.assign(h.svcs.size(), {});
  const auto window = open_window_today(s, h.now);
  if (!window) return;
  const int64_t until = window->second;
  // Enough to cover any wait the play reaches; a cap keeps a broken config cheap.
  const std::size_t max_n = 2000;
  if (!s.arrivals.empty()) {
    int offset = 7;
    timezone_offset_hours(s.office.timezone, offset);
    const double level = today_level(s, window->first, h.now);
    for (const auto& [code, i] : index) {
      auto c = s.arrivals.find(code);
      if (c == s.arrivals.end()) continue;
      h.prio_arrivals[std::size_t(i)] = ExpectedArrivals::along_curve(c->second, true, level, h.now, until, offset, max_n);
      h.reg_arrivals[std::size_t(i)] = ExpectedArrivals::along_curve(c->second, false, level, h.now, until, offset, max_n);
    }
  } else {
    const int64_t span = std::clamp<int64_t>(h.now - window->first, kMinArrivalWindowMs, kArrivalWindowMs);
    std::vector<int> prio(h.svcs.size()), reg(h.svcs.size());
    // Newest first (ids grow with time): only the last stretch is read.
    for (const auto& [code, n] : recent_arrivals(ticket_index(s), h.now - span)) {
      auto si = index.find(code);
      if (si == index.end()) continue;
      prio[std::size_t(si->second)] = n.first;
      reg[std::size_t(si->second)] = n.second;
    }
    auto even = [&](int n, ExpectedArrivals& out) {
      if (n > 0) out = ExpectedArrivals::evenly(h.now, double(span) / n, until, max_n);
    };
    for (std::size_t i = 0; i < h.svcs.size(); ++i) {
      even(prio[i], h.prio_arrivals[i]);
      even(reg[i], h.reg_arrivals[i]);
    }
  }
  // The kiosk stops at the service's numbers left (capacity.h): no more come after that.
  for (const auto& [code, i] : index) {
    const CapacityLeft left = tickets_left_today(s, code, h.now);
    if (!left.tickets) continue;
    keep_first_arrivals(h.prio_arrivals[std::size_t(i)], h.reg_arrivals[std::size_t(i)],
                        std::size_t(std::max(0, *left.tickets)));
  }
}

Hall prepare(const OfficeState& s, int64_t now) {
  Hall h;
  h.now = now;
  std::map<std::string, int> index;
  for (const auto& [code, svc] : s.services) {
    const ServiceHealth health = service_health(s, code);
    Svc x;
    x.code = code;
    const double cap = std::max(0.01, health.status == ServiceStatus::halted ? health.running_capacity : health.capacity);
    double var_s2 = 0;
    const double cycle_s = learned_cycle_s(s, code, var_s2);
    x.cycle_ms = cycle_s * 1000 / cap;
    x.var_ms2 = var_s2 * 1e6 / (cap * cap);
    x.service_ms = mean_service_seconds(s, code) * 1000 / cap;
    if (health.status == ServiceStatus::halted)
      x.halted_until = svc.enabled && health.end_known && health.expected_end ? std::max(now, *health.expected_end) : kNever;
    index[code] = int(h.svcs.size());
    h.svcs.push_back(x);
  }
  h.prio.resize(h.svcs.size());
  h.reg.resize(h.svcs.size());
  std::map<int, std::size_t> loket_at;
  for (const auto& [number, c] : s.counters) {
    if (c.state == CounterState::closed) continue;
    Loket l;
    l.number = number;
    for (const std::string& code : c.services)
      if (auto it = index.find(code); it != index.end()) l.services.push_back(it->second);
    l.free_at = now;
    if (c.state == CounterState::paused)
      l.free_at = c.break_until > now ? c.break_until : now + (c.break_until > 0 ? kAssumedBreakMs / 3 : kAssumedBreakMs);
    // The applicant at the desk first.
    auto cur = s.tickets.find(c.current_ticket);
    if (c.current_ticket != 0 && cur != s.tickets.end() && cur->second.is_open()) {
      const Ticket& t = cur->second;
      auto si = index.find(t.service);
      if (si != index.end()) {
        const Svc& x = h.svcs[si->second];
        const bool serving = t.state == TicketState::serving;
        const double mean = serving ? x.service_ms : x.cycle_ms;
        const double elapsed = double(now - (serving ? t.started_at : t.called_at));
        l.free_at = now + int64_t(std::max(mean - elapsed, kOverrunShare * mean));
        l.var_ms2 = 0.5 * x.var_ms2;
      }
    }
    loket_at[number] = h.lokets.size();
    h.lokets.push_back(std::move(l));
  }
  // The waiting tickets from the index's queues, already in line order (queue_at, id):
  // the cost follows the queue, not the day, and no ticket is looked up or sorted.
  const TicketIndex& ix = ticket_index(s);
  for (const auto& [code, q] : ix.waiting) {
    auto si = index.find(code);
    if (si == index.end()) continue;
    auto fill = [&](const std::set<TicketIndex::Place>& places, std::vector<Item>& out) {
      out.reserve(places.size());
      for (const auto& place : places) out.push_back(Item{place.first, place.second, si->second});
    };
    fill(q.priority, h.prio[std::size_t(si->second)]);
    fill(q.reguler, h.reg[std::size_t(si->second)]);
  }
  // Transferred to one loket: called there first (to a closed loket: nobody calls it now).
  for (const auto& [number, places] : ix.targeted) {
    auto l = loket_at.find(number);
    if (l == loket_at.end()) continue;
    for (const auto& place : places) {
      auto t = s.tickets.find(place.second);
      if (t == s.tickets.end()) continue;
      auto si = index.find(t->second.service);
      if (si == index.end()) continue;
      h.lokets[l->second].targeted.push_back(Item{place.first, place.second, si->second});
    }
  }
  expect_arrivals(s, index, h);
  return h;
}

// Where one play stands: how many of each queue were called, each loket's targeted
// tickets called and spread, and when each loket is free next. Small (services and
// lokets), so a play can be copied to go on from here another way (compute_forecast).
struct PlayState {
  using Slot = std::tuple<int64_t, int, std::size_t>;  // free at, loket number, index
  // Per service and class, how many were called: the ones waiting, then the new
  // ticket (when this run adds one), then those expected to come.
  std::vector<std::size_t> pi, ri, ti;
  std::vector<double> var;
  std::priority_queue<Slot, std::vector<Slot>, std::greater<Slot>> free;
};

PlayState start_play(const Hall& h) {
  PlayState p;
  p.pi.assign(h.svcs.size(), 0);
  p.ri.assign(h.svcs.size(), 0);
  p.ti.assign(h.lokets.size(), 0);
  p.var.resize(h.lokets.size());
  for (std::size_t i = 0; i < h.lokets.size(); ++i) {
    p.free.push({h.lokets[i].free_at, h.lokets[i].number, i});
    p.var[i] = h.lokets[i].var_ms2;
  }
  return p;
}

// One loket's turn: the loket free first calls what it would call. Calls
// `on_call(item, at, sd)` for a call; false when the play is over (nobody is left to
// call anything, or on_call returned false).
template <typename OnCall>
bool play_turn(const Hall& h, const Virtual& v, PlayState& p, OnCall&& on_call) {
  if (p.free.empty()) return false;
  std::vector<std::size_t>&pi = p.pi, &ri = p.ri, &ti = p.ti;
  // The queue's head at time t, if there is one by then.
  auto head = [&](int svc, bool priority, int64_t t, Item& out) {
    const std::size_t i = std::size_t(svc);
    const std::vector<Item>& list = (priority ? h.prio : h.reg)[i];
    std::size_t at = (priority ? pi : ri)[i];
    if (at < list.size()) return out = list[at], true;
    at -= list.size();
    if (v.svc == svc && v.priority == priority) {
      if (at == 0) return out = Item{h.now, kVirtualId, svc}, true;
      --at;
    }
    const ExpectedArrivals& coming = (priority ? h.prio_arrivals : h.reg_arrivals)[i];
    if (at >= coming.size() || coming[at] > t) return false;
    return out = Item{coming[at], -1 - int64_t(at), svc}, true;
  };
  // When the next expected applicant of a service comes (kNever: none).
  auto next_arrival = [&](int svc, bool priority) {
    const std::size_t i = std::size_t(svc);
    const std::vector<Item>& list = (priority ? h.prio : h.reg)[i];
    std::size_t at = (priority ? pi : ri)[i];
    const ExpectedArrivals& coming = (priority ? h.prio_arrivals : h.reg_arrivals)[i];
    if (at < list.size()) return kNever;
    at -= list.size();
    if (v.svc == svc && v.priority == priority) {
      if (at == 0) return kNever;
      --at;
    }
    return at < coming.size() ? coming[at] : kNever;
  };
  // Plain copies, not a structured binding: clang 14 (the fuzz build) cannot capture
  // a binding in the lambda below.
  const int64_t t = std::get<0>(p.free.top());
  const int number = std::get<1>(p.free.top());
  const std::size_t li = std::get<2>(p.free.top());
  p.free.pop();
  const Loket& l = h.lokets[li];
  auto running = [&](int svc) { return h.svcs[std::size_t(svc)].halted_until <= t; };
  Item pick{}, x{};
  bool found = false;
  if (ti[li] < l.targeted.size()) {
    pick = l.targeted[ti[li]++];
    found = true;
  } else {
    int from = -1;
    for (int svc : l.services)
      if (running(svc) && head(svc, true, t, x) && (!found || x < pick)) pick = x, from = svc, found = true;
    if (found) {
      ++pi[std::size_t(from)];
    } else {
      for (int svc : l.services)
        if (running(svc) && head(svc, false, t, x)) {
          pick = x;
          found = true;
          ++ri[std::size_t(svc)];
          break;
        }
    }
  }
  if (!found) {
    // Nothing to call now: wait for a halted service to come back, or the next applicant.
    int64_t next = kNever;
    for (int svc : l.services) {
      const Svc& sv = h.svcs[std::size_t(svc)];
      const bool waiting = head(svc, true, kNever - 1, x) || head(svc, false, kNever - 1, x);
      if (!running(svc) && waiting) next = std::min(next, sv.halted_until);
      if (running(svc)) next = std::min({next, next_arrival(svc, true), next_arrival(svc, false)});
    }
    if (next != kNever) p.free.push({std::max(next, t + 1), number, li});
    return true;
  }
  if (!on_call(pick, t, std::sqrt(p.var[li]))) return false;
  const Svc& sv = h.svcs[std::size_t(pick.svc)];
  p.var[li] += sv.var_ms2;
  p.free.push({t + int64_t(sv.cycle_ms), number, li});
  return true;
}

// One play of the rest of the queue from its start. Calls `on_call(item, at, sd)` for
// every call; stops early when it returns false.
template <typename OnCall>
void play(const Hall& h, const Virtual& v, OnCall&& on_call) {
  PlayState p = start_play(h);
  while (play_turn(h, v, p, on_call)) {}
}

// A play with the new ticket `v` is the play without it until a loket's turn first
// looks at v's queue past its waiting tickets (only there can the new ticket be its
// head): true when the next turn of `p` may do that. Erring early is harmless (the
// play with v goes on from an identical state); late would not be.
bool turn_may_see(const Hall& h, const PlayState& p, const Virtual& v) {
  if (p.free.empty()) return false;
  const std::size_t li = std::get<2>(p.free.top());
  const Loket& l = h.lokets[li];
  if (p.ti[li] < l.targeted.size()) return false;  // a targeted ticket: no queue is looked at
  if (std::find(l.services.begin(), l.services.end(), v.svc) == l.services.end()) return false;
  const std::size_t i = std::size_t(v.svc);
  const std::size_t waiting = (v.priority ? h.prio : h.reg)[i].size();
  return (v.priority ? p.pi : p.ri)[i] >= waiting;
}

CallForecast call_at(int64_t now, int64_t at, double sd) {
  return {at, std::max(now, at - int64_t(kRangeZ * sd)), at + int64_t(kRangeZ * sd)};
}

// The new ticket `v`'s call, the play going on from `p` (its start: the plain run).
std::optional<CallForecast> new_ticket_from(const Hall& h, const Virtual& v, PlayState p) {
  std::optional<CallForecast> out;
  auto on_call = [&](const Item& item, int64_t at, double sd) {
    if (item.id != kVirtualId) return true;
    out = call_at(h.now, at, sd);
    return false;
  };
  while (play_turn(h, v, p, on_call)) {}
  return out;
}

std::optional<CallForecast> new_ticket(const Hall& h, int svc, bool priority) {
  return new_ticket_from(h, Virtual{svc, priority}, start_play(h));
}

// Per service: does an open loket call it? A queue no loket calls is never called in a
// play, so nothing of it need be played for (its figures stay unknown).
std::vector<bool> called_somewhere(const Hall& h) {
  std::vector<bool> out(h.svcs.size());
  for (const Loket& l : h.lokets)
    for (int svc : l.services) out[std::size_t(svc)] = true;
  return out;
}

bool open_loket_serves(const OfficeState& s, const std::string& service) {
  for (const auto& [_, c] : s.counters)
    if (c.state != CounterState::closed && std::find(c.services.begin(), c.services.end(), service) != c.services.end())
      return true;
  return false;
}

}  // namespace

Forecast compute_forecast(const OfficeState& s, int64_t now_ms) {
  Forecast f;
  f.seq = s.seq;
  f.made_at = now_ms;
  const Hall h = prepare(s, now_ms);
  std::size_t left = 0;
  // Every waiting ticket (the index's queues, whatever their service or loket), added
  // in id order at the map's end: no lookup per ticket.
  std::vector<int64_t> waiting;
  for (const auto& [code, q] : ticket_index(s).waiting)
    for (const auto* places : {&q.priority, &q.reguler, &q.targeted})
      for (const auto& place : *places) waiting.push_back(place.second);
  std::sort(waiting.begin(), waiting.end());
  for (int64_t id : waiting) f.tickets.emplace_hint(f.tickets.end(), id, std::nullopt);
  // Only what some loket calls is counted: the play may stop once those are all called
  // and no new ticket is left to branch off (a queue no loket calls would keep it
  // playing to the kiosk's close for nothing).
  const std::vector<bool> called = called_somewhere(h);
  for (std::size_t i = 0; i < h.svcs.size(); ++i)
    if (called[i]) left += h.prio[i].size() + h.reg[i].size();
  for (const auto& l : h.lokets) left += l.targeted.size();
  // A ticket taken now, per enabled service and class: each such play is the play of the
  // waiting tickets until a turn first looks past its queue's waiting tickets, so one
  // play serves them all, and each new ticket's play goes on from a copy taken there
  // (the same figure as its own play from the start: test_eta.cpp checks it).
  std::vector<Virtual> pending;
  for (std::size_t i = 0; i < h.svcs.size(); ++i) {
    const std::string& code = h.svcs[i].code;
    const bool enabled = s.services.at(code).enabled;
    f.new_regular[code] = std::nullopt;
    f.new_priority[code] = std::nullopt;
    if (!enabled || !called[i]) continue;  // no turn looks at its queue: unknown
    pending.push_back(Virtual{int(i), false});
    pending.push_back(Virtual{int(i), true});
  }
  auto record = [&](const Item& item, int64_t at, double sd) {
    if (item.id < 0 || left == 0) return true;  // an applicant expected to come, or all called
    if (auto it = f.tickets.find(item.id); it != f.tickets.end()) it->second = call_at(now_ms, at, sd);
    --left;
    return true;
  };
  PlayState p = start_play(h);
  for (bool more = true; more && (left > 0 || !pending.empty());) {
    for (auto v = pending.begin(); v != pending.end();) {
      if (!turn_may_see(h, p, *v)) {
        ++v;
        continue;
      }
      const std::string& code = h.svcs[std::size_t(v->svc)].code;
      (v->priority ? f.new_priority : f.new_regular)[code] = new_ticket_from(h, *v, p);
      v = pending.erase(v);
    }
    more = play_turn(h, Virtual{}, p, record);
  }
  // A new ticket whose queue no turn looked past: its own play never calls it (unknown).
  return f;
}

std::optional<CallForecast> new_ticket_call(const OfficeState& s, const std::string& service, Priority p,
                                            int64_t now_ms) {
  auto svc = s.services.find(service);
  if (svc == s.services.end() || !svc->second.enabled) return std::nullopt;
  // No open loket calls the service: no turn ever looks at its queue (unknown), so
  // there is nothing to prepare or play.
  if (!open_loket_serves(s, service)) return std::nullopt;
  const Hall h = prepare(s, now_ms);
  for (std::size_t i = 0; i < h.svcs.size(); ++i)
    if (h.svcs[i].code == service) return new_ticket(h, int(i), p != Priority::reguler);
  return std::nullopt;
}

std::optional<WaitFigure> new_ticket_wait_now(const OfficeState& s, const std::string& service, Priority p,
                                              int64_t now_ms) {
  const std::optional<CallForecast> c = new_ticket_call(s, service, p, now_ms);
  return c ? std::optional<WaitFigure>(wait_from(*c, now_ms)) : std::nullopt;
}

bool forecast_current(const OfficeState& s, int64_t now_ms) {
  return s.forecast.seq == s.seq && now_ms - s.forecast.made_at <= kForecastMaxAgeMs && now_ms >= s.forecast.made_at;
}

WaitFigure wait_from(const CallForecast& c, int64_t now_ms) {
  auto secs = [&](int64_t at) { return std::max<int64_t>(0, at - now_ms) / 1000; };
  WaitFigure w{secs(c.at_ms), secs(c.low_ms), secs(c.high_ms)};
  w.low_s = std::min(w.low_s, w.eta_s);
  w.high_s = std::max(w.high_s, w.eta_s);
  return w;
}

std::optional<WaitFigure> forecast_ticket_wait(const OfficeState& s, int64_t ticket_id, int64_t now_ms) {
  auto it = s.forecast.tickets.find(ticket_id);
  if (it == s.forecast.tickets.end() || !it->second) return std::nullopt;
  return wait_from(*it->second, now_ms);
}

std::optional<WaitFigure> forecast_new_wait(const Forecast& f, const std::string& service, Priority p,
                                            int64_t now_ms) {
  const auto& table = p == Priority::reguler ? f.new_regular : f.new_priority;
  auto it = table.find(service);
  if (it == table.end() || !it->second) return std::nullopt;
  return wait_from(*it->second, now_ms);
}

std::optional<WaitFigure> forecast_new_wait(const OfficeState& s, const std::string& service, Priority p,
                                            int64_t now_ms) {
  return forecast_new_wait(s.forecast, service, p, now_ms);
}

}  // namespace antrian
