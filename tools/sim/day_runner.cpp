#include "day_runner.h"

#include <algorithm>
#include <queue>
#include <random>
#include <stdexcept>

#include "antrian/model_json.h"
#include "forward_oracle.h"

namespace antrian::sim {
namespace {

enum class Kind { arrival, counter_free, counter_start, counter_finish, counter_no_show, printers_fail, central_down, central_up,
                  break_due, break_end };

struct Step {
  int64_t t_s;  // seconds after midnight
  int order;    // ties: in the order they were scheduled
  Kind kind;
  int counter = 0;
  std::size_t index = 0;
  bool operator>(const Step& o) const { return std::tie(t_s, order) > std::tie(o.t_s, o.order); }
};

class Day {
 public:
  Day(const DayPlan& plan, HubClient& hub, int64_t midnight_ms, uint64_t seed, int oracle_runs, uint64_t oracle_draw)
      : plan_(plan), hub_(hub), midnight_ms_(midnight_ms), rng_(seed), seed_(seed), oracle_runs_(oracle_runs),
        oracle_draw_(oracle_draw) {}

  DayResult run(const std::string& name) {
    result_.name = name;
    const OfficeState start = snapshot();
    for (const auto& [code, s] : start.services) configured_mean_[code] = s.mean_service_s;
    for (const auto& [n, c] : start.counters)
      if (std::find(plan_.closed_lokets.begin(), plan_.closed_lokets.end(), n) == plan_.closed_lokets.end())
        counter_services_[n] = c.services;
    const int64_t open_s = int64_t(plan_.open_hour) * 3600;
    set_clock(open_s - 300);
    for (const auto& [n, _] : counter_services_) {
      const std::string staff = "sim" + std::to_string(n);
      must(hub_.request("staff_set", {{"id", staff}, {"name", "Petugas " + std::to_string(n)}, {"pin", "2468"}}));
      must(hub_.request("sign_in", {{"counter", n}, {"staff", staff}, {"pin", "2468"}}));
      schedule(open_s, Kind::counter_free, n);
    }
    arrivals_ = generate_arrivals(plan_, rng_);
    for (std::size_t i = 0; i < arrivals_.size(); ++i) schedule(arrivals_[i].at_s, Kind::arrival, 0, i);
    if (plan_.printers_fail_at_min >= 0) schedule(plan_.printers_fail_at_min * 60LL, Kind::printers_fail);
    for (const Break& b : plan_.breaks) breaks_ahead_.push_back(b);
    for (std::size_t i = 0; i < plan_.breaks.size(); ++i) schedule(plan_.breaks[i].at_min * 60LL, Kind::break_due, plan_.breaks[i].counter, i);
    if (plan_.central_down_at_min >= 0) {
      schedule(plan_.central_down_at_min * 60LL, Kind::central_down);
      schedule((plan_.central_down_at_min + plan_.central_down_minutes) * 60LL, Kind::central_up);
    }
    const int64_t close_s = int64_t(plan_.close_hour) * 3600;
    while (!steps_.empty()) {
      Step s = steps_.top();
      steps_.pop();
      // Lokets finish the applicant in front of them but call nobody after closing.
      if (s.kind == Kind::counter_free && s.t_s >= close_s) continue;
      set_clock(s.t_s);
      handle(s);
    }
    result_.arrived = int(arrivals_.size());
    result_.not_called = int(open_samples_.size());
    return result_;
  }

 private:
  OfficeState snapshot() {
    auto r = hub_.request("snapshot");
    must(r);
    return state_from_json(r.result["state"]);
  }
  static void must(const proto::Reply& r) {
    if (!r.ok) throw std::runtime_error("the hub refused: " + r.error.reason);
  }
  void schedule(int64_t t_s, Kind k, int counter = 0, std::size_t index = 0) {
    steps_.push(Step{t_s, order_++, k, counter, index});
  }
  void set_clock(int64_t t_s) {
    if (t_s <= now_s_) return;
    now_s_ = t_s;
    must(hub_.request("clock_set", {{"now", midnight_ms_ + t_s * 1000}}));
  }
  const ServiceProfile& profile(const std::string& code) const {
    for (const auto& p : plan_.services)
      if (p.code == code) return p;
    throw std::runtime_error("no profile for service " + code);
  }
  bool printing(const std::string& code) const { return code == "B"; }
  bool needs_central(const std::string& code) const { return code == "A" || code == "B"; }
  double capacity(const std::string& code) const {
    return printing(code) && printers_failed_ ? double(plan_.printers_working) / plan_.printers_total : 1.0;
  }
  int lokets_for(const std::string& code) const {
    int n = 0;
    for (const auto& [_, services] : counter_services_) n += std::count(services.begin(), services.end(), code) > 0;
    return n;
  }
  void wake_idle(const std::string& service) {
    for (auto it = idle_.begin(); it != idle_.end();) {
      const auto& services = counter_services_[*it];
      if (service.empty() || std::count(services.begin(), services.end(), service)) {
        schedule(now_s_, Kind::counter_free, *it);
        it = idle_.erase(it);
      } else {
        ++it;
      }
    }
  }

  void handle(const Step& s) {
    switch (s.kind) {
      case Kind::arrival: return arrive(arrivals_[s.index]);
      case Kind::counter_free: return call(s.counter);
      case Kind::counter_start:
        must(hub_.request("start", {{"counter", s.counter}}));
        return;
      case Kind::counter_finish:
        must(hub_.request("finish", {{"counter", s.counter}}));
        ++result_.served;
        return schedule(now_s_, Kind::counter_free, s.counter);
      case Kind::counter_no_show:
        must(hub_.request("no_show", {{"counter", s.counter}}));
        ++result_.no_show;
        return schedule(now_s_, Kind::counter_free, s.counter);
      case Kind::printers_fail:
        printers_failed_ = true;
        must(hub_.request("resource_set", {{"resource", "printers"}, {"working", plan_.printers_working},
                                           {"total", plan_.printers_total}}));
        return;
      case Kind::central_down: {
        central_down_ = true;
        central_end_s_ = now_s_ + plan_.central_down_minutes * 60LL;
        const int64_t declared_end = midnight_ms_ + (central_end_s_ + plan_.declared_end_error_min * 60LL) * 1000;
        auto r = hub_.request("disruption_set", {{"resource", "siak"}, {"level", "down"}, {"expected_end", declared_end},
                                                 {"message_id", "Server pusat SIAK terputus"},
                                                 {"message_en", "Central SIAK server disconnected"}});
        must(r);
        disruption_id_ = r.result["disruption"]["id"];
        return;
      }
      case Kind::central_up:
        central_down_ = false;
        must(hub_.request("disruption_clear", {{"id", disruption_id_}}));
        return wake_idle("");
      case Kind::break_due: {
        // An idle loket goes at once; a busy one after the applicant at its desk.
        auto idle = std::find(idle_.begin(), idle_.end(), s.counter);
        if (idle != idle_.end()) {
          idle_.erase(idle);
          return take_break(s.counter, plan_.breaks[s.index].minutes);
        }
        pending_break_[s.counter] = plan_.breaks[s.index].minutes;
        return;
      }
      case Kind::break_end:
        must(hub_.request("resume", {{"counter", s.counter}}));
        on_break_until_.erase(s.counter);
        return schedule(now_s_, Kind::counter_free, s.counter);
    }
  }

  void take_break(int counter, int minutes) {
    must(hub_.request("pause", {{"counter", counter}, {"minutes", minutes}}));
    on_break_until_[counter] = now_s_ + minutes * 60LL;
    for (auto it = breaks_ahead_.begin(); it != breaks_ahead_.end(); ++it)
      if (it->counter == counter) {
        breaks_ahead_.erase(it);
        break;
      }
    schedule(now_s_ + minutes * 60LL, Kind::break_end, counter);
  }

  // What the simulator knows to be true now, for the forward oracle.
  Truth truth() const {
    Truth t;
    t.now_s = now_s_;
    t.midnight_ms = midnight_ms_;
    for (const auto& p : plan_.services) {
      t.capacity[p.code] = capacity(p.code);
      if (central_down_ && needs_central(p.code)) t.halted_until_s[p.code] = central_end_s_;
    }
    t.break_end_s = on_break_until_;
    t.breaks_ahead = breaks_ahead_;
    return t;
  }

  void arrive(const Arrival& a) {
    auto r = hub_.request("issue", {{"service", a.service}, {"priority", a.priority ? "lansia" : "reguler"}});
    if (!r.ok) {
      if (r.error.code != "quota_exhausted") throw std::runtime_error("issue failed: " + r.error.reason);
      ++result_.refused;
      return;
    }
    ++result_.issued;
    Sample x;
    x.service = a.service;
    x.priority = a.priority;
    x.issued_s = now_s_;
    if (r.result["eta_s"].is_number()) x.ours_s = r.result["eta_s"].get<double>();
    const int ahead = r.result["ahead"];
    const int lokets = lokets_for(a.service);
    x.blind_s = blind_estimate_s(ahead, configured_mean_[a.service], lokets);
    const int64_t halted_for = central_down_ && needs_central(a.service) ? central_end_s_ - now_s_ : 0;
    x.oracle_s = oracle_estimate_s(ahead, profile(a.service).true_mean_s, capacity(a.service), lokets, halted_for);
    const int64_t id = r.result["ticket"]["id"].get<int64_t>();
    if (oracle_runs_ > 0)
      x.forward_s = forward_oracle_s(snapshot(), id, plan_, truth(), oracle_runs_,
                                     seed_ * 1'000'003 + uint64_t(id) + oracle_draw_ * 0x9E3779B97F4A7C15ULL);
    open_samples_[id] = {x, now_s_};
    wake_idle(a.service);
  }

  void call(int counter) {
    if (auto b = pending_break_.find(counter); b != pending_break_.end()) {
      const int minutes = b->second;
      pending_break_.erase(b);
      return take_break(counter, minutes);
    }
    auto r = hub_.request("call_next", {{"counter", counter}});
    if (!r.ok) {
      if (r.error.code != "queue_empty") throw std::runtime_error("call_next failed: " + r.error.reason);
      idle_.push_back(counter);
      return;
    }
    const int64_t id = r.result["ticket"]["id"];
    const std::string service = r.result["ticket"]["service"];
    auto it = open_samples_.find(id);
    if (it != open_samples_.end()) {
      Sample x = it->second.first;
      x.actual_s = double(now_s_ - it->second.second);
      result_.waits_s[service].push_back(x.actual_s);
      result_.samples.push_back(x);
      open_samples_.erase(it);
    }
    std::uniform_real_distribution<double> u(0, 1);
    if (u(rng_) < plan_.no_show_rate) return schedule(now_s_ + plan_.no_show_after_s, Kind::counter_no_show, counter);
    // The applicant walks up, then is served; printing is slower with fewer printers.
    const double served = sample_service_s(profile(service), rng_) / capacity(service);
    schedule(now_s_ + plan_.walk_up_s, Kind::counter_start, counter);
    schedule(now_s_ + plan_.walk_up_s + int64_t(served), Kind::counter_finish, counter);
  }

  const DayPlan& plan_;
  HubClient& hub_;
  int64_t midnight_ms_;
  std::mt19937_64 rng_;
  uint64_t seed_;
  int oracle_runs_;
  uint64_t oracle_draw_;
  std::map<int, int> pending_break_;        // loket -> minutes, once its applicant is done
  std::map<int, int64_t> on_break_until_;   // lokets on a break now
  std::vector<Break> breaks_ahead_;         // breaks not yet taken
  std::priority_queue<Step, std::vector<Step>, std::greater<Step>> steps_;
  int order_ = 0;
  int64_t now_s_ = 0;
  std::vector<Arrival> arrivals_;
  std::map<std::string, double> configured_mean_;
  std::map<int, std::vector<std::string>> counter_services_;
  std::vector<int> idle_;
  std::map<int64_t, std::pair<Sample, int64_t>> open_samples_;
  bool printers_failed_ = false, central_down_ = false;
  int64_t central_end_s_ = 0, disruption_id_ = 0;
  DayResult result_;
};

}  // namespace

DayResult run_day(const std::string& name, const DayPlan& plan, HubClient& hub, int64_t midnight_ms, uint64_t seed,
                  int oracle_runs, uint64_t oracle_draw) {
  return Day(plan, hub, midnight_ms, seed, oracle_runs, oracle_draw).run(name);
}

}  // namespace antrian::sim
