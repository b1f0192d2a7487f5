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
  const TicketIndex& ix = ticket_index(s);
  // 1. Sent to this loket itself: first in line.
  if (auto t = ix.targeted.find(counter); t != ix.targeted.end() && !t->second.empty())
    return t->second.begin()->second;
  const std::vector<std::string>& prefs = c->second.services;
  std::vector<const TicketIndex::Queue*> queues;
  for (const std::string& code : prefs) {
    auto q = ix.waiting.find(code);
    const bool open = q != ix.waiting.end() && service_health(s, code).status != ServiceStatus::halted;
    queues.push_back(open ? &q->second : nullptr);
  }
  // 2. Priority tickets of any service it serves, by place in line.
  const TicketIndex::Place* best = nullptr;
  for (const auto* q : queues)
    if (q && !q->priority.empty() && (!best || *q->priority.begin() < *best)) best = &*q->priority.begin();
  if (best) return best->second;
  // 3. The rest, by the loket's order of preference.
  for (const auto* q : queues)
    if (q && !q->reguler.empty()) return q->reguler.begin()->second;
  return std::nullopt;
}

std::vector<const Ticket*> waiting_in_service(const OfficeState& s, const std::string& service) {
  std::vector<const Ticket*> out;
  const TicketIndex& ix = ticket_index(s);
  auto q = ix.waiting.find(service);
  if (q == ix.waiting.end()) return out;
  out.reserve(q->second.size());
  for (const auto* set : {&q->second.priority, &q->second.reguler, &q->second.targeted})
    for (const auto& [_, id] : *set) out.push_back(&s.tickets.at(id));
  std::sort(out.begin(), out.end(), [](const Ticket* a, const Ticket* b) { return queue_before(*a, *b); });
  return out;
}

int ahead_of(const OfficeState& s, const Ticket& t) {
  const TicketIndex& ix = ticket_index(s);
  auto q = ix.waiting.find(t.service);
  if (q == ix.waiting.end()) return 0;
  // Priority tickets all stand before reguler ones; within a group, by place in line.
  // A new ticket stands last: its place is the set's size, not a walk along the set.
  auto before = [&](const std::set<TicketIndex::Place>& set) {
    const auto at = set.lower_bound({t.queue_at, t.id});
    return at == set.end() ? int(set.size()) : int(std::distance(set.begin(), at));
  };
  int n = is_priority(t.priority) ? before(q->second.priority)
                                  : int(q->second.priority.size()) + before(q->second.reguler);
  for (const auto& [_, id] : q->second.targeted)
    if (id != t.id && queue_before(s.tickets.at(id), t)) ++n;
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
  const TicketIndex& ix = ticket_index(s);
  auto it = ix.issued.find(service);
  return it == ix.issued.end() ? 0 : it->second;
}

}  // namespace antrian
