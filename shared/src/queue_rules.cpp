#include "antrian/queue_rules.h"

#include <algorithm>
#include <tuple>

#include "antrian/service_health.h"

namespace antrian {
namespace {

bool is_priority(Priority p) { return p != Priority::reguler; }

// Strict order inside one service queue.
bool queue_before(const Ticket& a, const Ticket& b) {
  return std::make_tuple(!is_priority(a.priority), a.queue_at, a.id) <
         std::make_tuple(!is_priority(b.priority), b.queue_at, b.id);
}

}  // namespace

std::optional<int64_t> next_for_counter(const OfficeState& s, int counter) {
  auto c = s.counters.find(counter);
  if (c == s.counters.end()) return std::nullopt;
  const std::vector<std::string>& prefs = c->second.services;
  std::vector<bool> halted(prefs.size());
  for (size_t i = 0; i < prefs.size(); ++i)
    halted[i] = service_health(s, prefs[i]).status == ServiceStatus::halted;

  const Ticket* best = nullptr;
  std::tuple<int, int, int64_t, int64_t> best_key;
  for (const auto& [id, t] : s.tickets) {
    if (t.state != TicketState::waiting) continue;
    if (t.target_counter != 0 && t.target_counter != counter) continue;
    auto pos = std::find(prefs.begin(), prefs.end(), t.service);
    const bool targeted = t.target_counter == counter;
    if (pos == prefs.end() && !targeted) continue;
    const int pref = pos == prefs.end() ? 0 : int(pos - prefs.begin());
    if (!targeted && halted[pref]) continue;
    const int group = targeted ? 0 : is_priority(t.priority) ? 1 : 2;
    const auto key = std::make_tuple(group, group == 2 ? pref : 0, t.queue_at, t.id);
    if (!best || key < best_key) {
      best = &t;
      best_key = key;
    }
  }
  if (!best) return std::nullopt;
  return best->id;
}

std::vector<const Ticket*> waiting_in_service(const OfficeState& s, const std::string& service) {
  std::vector<const Ticket*> out;
  for (const auto& [_, t] : s.tickets)
    if (t.state == TicketState::waiting && t.service == service) out.push_back(&t);
  std::sort(out.begin(), out.end(), [](const Ticket* a, const Ticket* b) { return queue_before(*a, *b); });
  return out;
}

int ahead_of(const OfficeState& s, const Ticket& t) {
  int n = 0;
  for (const auto& [_, o] : s.tickets)
    if (o.state == TicketState::waiting && o.service == t.service && o.id != t.id && queue_before(o, t)) ++n;
  return n;
}

int open_counters_for(const OfficeState& s, const std::string& service) {
  int n = 0;
  for (const auto& [_, c] : s.counters)
    if (c.state == CounterState::open &&
        std::find(c.services.begin(), c.services.end(), service) != c.services.end())
      ++n;
  return n;
}

int issued_today(const OfficeState& s, const std::string& service) {
  // A transferred ticket's original record keeps its service, so a transfer away
  // still counts where it was issued and the copy it creates counts nowhere.
  int n = 0;
  for (const auto& [_, t] : s.tickets)
    if (t.transferred_from == 0 && t.service == service) ++n;
  return n;
}

}  // namespace antrian
