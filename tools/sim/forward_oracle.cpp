#include "forward_oracle.h"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <random>
#include <tuple>

namespace antrian::sim {
namespace {

constexpr double kNever = std::numeric_limits<double>::infinity();

struct Waiting {
  int64_t id = 0;
  double line_at = 0;  // place in line (seconds after midnight)
  std::string service;
};

struct Desk {
  int number = 0;
  std::vector<std::string> services;  // in the loket's order of preference
  double free_at = 0;
  std::deque<Waiting> mine;           // transferred to this loket by name
  std::vector<Break> breaks;          // still to take, in time order
};

// One play of the rest of the day; returns when the ticket is called (or kNever).
class Play {
 public:
  Play(const OfficeState& s, int64_t target, const DayPlan& plan, const Truth& truth, std::mt19937_64& rng)
      : plan_(plan), truth_(truth), rng_(rng), target_(target) {
    const double now = double(truth.now_s);
    for (const auto& [id, t] : s.tickets) {
      if (t.state != TicketState::waiting) continue;
      Waiting w{id, double(t.queue_at - truth.midnight_ms) / 1000.0, t.service};
      if (t.target_counter != 0) pending_mine_[t.target_counter].push_back(w);
      else queue(t.service, t.priority != Priority::reguler).push_back(w);
    }
    for (auto& [_, q] : queues_)
      std::sort(q.begin(), q.end(), [](const Waiting& a, const Waiting& b) { return std::tie(a.line_at, a.id) < std::tie(b.line_at, b.id); });
    for (const auto& [number, c] : s.counters) {
      if (c.state == CounterState::closed) continue;
      Desk d;
      d.number = number;
      d.services = c.services;
      d.free_at = now;
      if (auto b = truth.break_end_s.find(number); b != truth.break_end_s.end()) d.free_at = double(b->second);
      for (const Break& b : truth.breaks_ahead)
        if (b.counter == number) d.breaks.push_back(b);
      auto cur = s.tickets.find(c.current_ticket);
      if (c.current_ticket != 0 && cur != s.tickets.end()) d.free_at = std::max(d.free_at, desk_free_at(cur->second));
      auto mine = pending_mine_.find(number);
      if (mine != pending_mine_.end()) {
        std::sort(mine->second.begin(), mine->second.end(), [](const Waiting& a, const Waiting& b) { return a.line_at < b.line_at; });
        d.mine.assign(mine->second.begin(), mine->second.end());
      }
      desks_.push_back(std::move(d));
    }
    draw_arrivals(now);
  }

  double run() {
    while (true) {
      // The next loket to be free, or the next arrival, whichever comes first.
      Desk* desk = nullptr;  // ties: the lower loket number first, as the desks are sorted
      for (Desk& d : desks_)
        if (d.free_at < kNever && (!desk || d.free_at < desk->free_at)) desk = &d;
      const double next_arrival = arrivals_.empty() ? kNever : arrivals_.front().line_at;
      if (!desk && next_arrival == kNever) return kNever;
      if (next_arrival <= (desk ? desk->free_at : kNever)) {
        Waiting w = arrivals_.front();
        arrivals_.pop_front();
        queue(w.service, arrival_priority_.front()).push_back(w);
        arrival_priority_.pop_front();
        for (Desk& d : desks_)  // an idle loket of that service calls at once
          if (d.free_at == kNever && std::count(d.services.begin(), d.services.end(), w.service)) d.free_at = w.line_at;
        continue;
      }
      const double t = desk->free_at;
      if (!desk->breaks.empty() && desk->breaks.front().at_min * 60.0 <= t) {
        desk->free_at = t + desk->breaks.front().minutes * 60.0;
        desk->breaks.erase(desk->breaks.begin());
        continue;
      }
      std::optional<Waiting> w = pick(*desk, t);
      if (!w) {
        // Nothing it may call: wait for an arrival (woken above) or a halt to end.
        double wake = kNever;
        for (const std::string& sv : desk->services)
          if (halted_after(sv, t) && (!queue(sv, true).empty() || !queue(sv, false).empty()))
            wake = std::min(wake, double(truth_.halted_until_s.at(sv)));
        desk->free_at = wake;  // kNever: idle until an arrival wakes it
        continue;
      }
      if (w->id == target_) return t;
      desk->free_at = t + turn(w->service);
    }
  }

 private:
  std::deque<Waiting>& queue(const std::string& service, bool priority) { return queues_[{service, priority}]; }
  bool halted_after(const std::string& service, double t) const {
    auto h = truth_.halted_until_s.find(service);
    return h != truth_.halted_until_s.end() && double(h->second) > t;
  }
  double capacity(const std::string& service) const {
    auto c = truth_.capacity.find(service);
    return c == truth_.capacity.end() ? 1.0 : std::max(0.01, c->second);
  }
  const ServiceProfile* profile(const std::string& code) const {
    for (const auto& p : plan_.services)
      if (p.code == code) return &p;
    return nullptr;
  }
  double service_s(const std::string& code) {
    const ServiceProfile* p = profile(code);
    return p ? sample_service_s(*p, rng_) / capacity(code) : 300.0;
  }
  // A loket's turn: the walk-up and the service, or waiting for a no-show.
  double turn(const std::string& code) {
    std::uniform_real_distribution<double> u(0, 1);
    if (u(rng_) < plan_.no_show_rate) return plan_.no_show_after_s;
    return plan_.walk_up_s + service_s(code);
  }
  // When the loket with this ticket at its desk is free, given how long it has been there.
  double desk_free_at(const Ticket& t) {
    const double now = double(truth_.now_s);
    const double called = double(t.called_at - truth_.midnight_ms) / 1000.0;
    if (t.state == TicketState::called) {
      std::uniform_real_distribution<double> u(0, 1);
      if (now - called >= plan_.walk_up_s || u(rng_) < plan_.no_show_rate) return called + plan_.no_show_after_s;
      return called + plan_.walk_up_s + service_s(t.service);
    }
    const double started = double(t.started_at - truth_.midnight_ms) / 1000.0;
    for (int i = 0; i < 200; ++i) {  // a service time longer than what has passed already
      const double s = service_s(t.service);
      if (started + s > now) return started + s;
    }
    return now + 30;
  }
  // The simulated office's call rules: transferred here, priority, then by preference;
  // halted services wait.
  std::optional<Waiting> pick(Desk& d, double t) {
    if (!d.mine.empty()) {
      Waiting w = d.mine.front();
      d.mine.pop_front();
      return w;
    }
    std::deque<Waiting>* best = nullptr;
    for (const std::string& sv : d.services) {
      if (halted_after(sv, t)) continue;
      std::deque<Waiting>& q = queue(sv, true);
      if (!q.empty() && (!best || std::tie(q.front().line_at, q.front().id) < std::tie(best->front().line_at, best->front().id)))
        best = &q;
    }
    if (!best)
      for (const std::string& sv : d.services) {
        if (halted_after(sv, t)) continue;
        if (!queue(sv, false).empty()) {
          best = &queue(sv, false);
          break;
        }
      }
    if (!best) return std::nullopt;
    Waiting w = best->front();
    best->pop_front();
    return w;
  }
  // The rest of the day's arrivals, drawn from the day's arrival process.
  void draw_arrivals(double now) {
    const int hours = plan_.last_arrival_hour - plan_.open_hour;
    double total = 0;
    for (int h = 0; h < hours && h < int(plan_.hourly_weights.size()); ++h) total += plan_.hourly_weights[std::size_t(h)];
    std::vector<double> shares;
    for (const auto& p : plan_.services) shares.push_back(p.share);
    std::discrete_distribution<int> service(shares.begin(), shares.end());
    std::uniform_real_distribution<double> u(0, 1);
    int64_t next_id = -1;
    for (int h = 0; h < hours && h < int(plan_.hourly_weights.size()); ++h) {
      const double from = (plan_.open_hour + h) * 3600.0, to = from + 3600;
      if (to <= now) continue;
      const double rate = plan_.arrivals * plan_.hourly_weights[std::size_t(h)] / total / 3600.0;
      std::exponential_distribution<double> gap(rate);
      for (double t = std::max(from, now) + gap(rng_); t < to; t += gap(rng_)) {
        arrivals_.push_back({next_id--, t, plan_.services[std::size_t(service(rng_))].code});
        arrival_priority_.push_back(u(rng_) < plan_.priority_rate);
      }
    }
  }

  const DayPlan& plan_;
  const Truth& truth_;
  std::mt19937_64& rng_;
  int64_t target_;
  std::map<std::pair<std::string, bool>, std::deque<Waiting>> queues_;
  std::map<int, std::vector<Waiting>> pending_mine_;
  std::vector<Desk> desks_;
  std::deque<Waiting> arrivals_;
  std::deque<bool> arrival_priority_;
};

}  // namespace

std::optional<double> forward_oracle_s(const OfficeState& state, int64_t ticket_id, const DayPlan& plan,
                                       const Truth& truth, int runs, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<double> waits;
  for (int i = 0; i < runs; ++i) {
    Play p(state, ticket_id, plan, truth, rng);
    waits.push_back(p.run() - double(truth.now_s));
  }
  std::sort(waits.begin(), waits.end());
  const double median = waits[waits.size() / 2];
  if (median == kNever) return std::nullopt;
  return std::max(0.0, median);
}

}  // namespace antrian::sim
