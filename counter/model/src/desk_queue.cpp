#include "antrian/counter/desk_queue.h"

#include <algorithm>
#include <tuple>

#include "antrian/eta.h"
#include "antrian/service_health.h"

namespace antrian::counter {

std::vector<WaitingTicket> waiting_for_loket(const OfficeState& s, int loket, int64_t now_ms) {
  std::vector<WaitingTicket> out;
  auto c = s.counters.find(loket);
  if (c == s.counters.end()) return out;
  const std::vector<std::string>& prefs = c->second.services;
  std::vector<bool> halted(prefs.size());
  for (std::size_t i = 0; i < prefs.size(); ++i)
    halted[i] = service_health(s, prefs[i]).status == ServiceStatus::halted;

  using SortKey = std::tuple<int, int, int64_t, int64_t>;
  std::vector<std::pair<SortKey, WaitingTicket>> rows;
  for (const auto& [id, t] : s.tickets) {
    if (t.state != TicketState::waiting) continue;
    if (t.target_counter != 0 && t.target_counter != loket) continue;
    const auto pos = std::find(prefs.begin(), prefs.end(), t.service);
    const bool targeted = t.target_counter == loket;
    if (pos == prefs.end() && !targeted) continue;
    const int pref = pos == prefs.end() ? 0 : static_cast<int>(pos - prefs.begin());
    const bool is_halted = pos != prefs.end() && halted[pref];
    // Groups as in next_for_counter: transferred here, priority, the rest by
    // preference; then what call-next skips (halted services).
    int group = targeted ? 0 : t.priority != Priority::reguler ? 1 : 2;
    if (!targeted && is_halted) group = 3;
    WaitingTicket w;
    w.id = t.id;
    w.label = t.label();
    w.service = t.service;
    w.priority = t.priority;
    w.for_this_loket = targeted;
    w.service_halted = is_halted;
    w.waited_s = std::max<int64_t>(0, now_ms - t.queue_at) / 1000;
    rows.push_back({SortKey{group, group >= 2 ? pref : 0, t.queue_at, t.id}, std::move(w)});
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [_, w] : rows) out.push_back(std::move(w));
  // The hub's forecast (a look-up, not a computation): the figure every screen shows.
  for (WaitingTicket& w : out) w.eta_s = eta_for_ticket(s, s.tickets.at(w.id), now_ms);
  return out;
}

std::vector<std::pair<std::string, int>> waiting_counts(const OfficeState& s, int loket) {
  std::vector<std::pair<std::string, int>> out;
  auto c = s.counters.find(loket);
  if (c == s.counters.end()) return out;
  for (const std::string& code : c->second.services) {
    int n = 0;
    for (const auto& [_, t] : s.tickets)
      if (t.state == TicketState::waiting && t.service == code) ++n;
    out.push_back({code, n});
  }
  return out;
}

}  // namespace antrian::counter
