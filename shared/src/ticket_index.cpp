#include "antrian/ticket_index.h"

#include "antrian/model.h"

namespace antrian {
namespace {

bool is_priority(const Ticket& t) { return t.priority != Priority::reguler; }

}  // namespace

void TicketIndex::add(const Ticket& t) {
  ++count;
  by_state[t.service][std::size_t(t.state)] += 1;
  if (t.transferred_from == 0) issued[t.service] += 1;
  auto newest = [&](std::unordered_map<std::string, int64_t>& m, const std::string& key) {
    auto [it, fresh] = m.emplace(key, t.id);
    if (!fresh && it->second < t.id) it->second = t.id;
  };
  newest(by_label, t.label());
  if (!t.token.empty()) newest(by_token, t.token);
  if (t.is_open()) open.insert(t.id);
  else closed.insert({t.ended_at, t.id});
  if (t.state != TicketState::waiting) return;
  const Place p{t.queue_at, t.id};
  Queue& q = waiting[t.service];
  if (t.target_counter != 0) {
    q.targeted.insert(p);
    targeted[t.target_counter].insert(p);
  } else {
    (is_priority(t) ? q.priority : q.reguler).insert(p);
  }
}

void TicketIndex::remove(const Ticket& t) {
  // Labels and tokens keep pointing at the newest ticket: tickets of the day are never
  // taken away one by one, only replaced by a newer version of themselves.
  --count;
  by_state[t.service][std::size_t(t.state)] -= 1;
  if (t.transferred_from == 0) issued[t.service] -= 1;
  open.erase(t.id);
  closed.erase({t.ended_at, t.id});
  if (t.state != TicketState::waiting) return;
  const Place p{t.queue_at, t.id};
  auto q = waiting.find(t.service);
  if (q != waiting.end()) {
    q->second.priority.erase(p);
    q->second.reguler.erase(p);
    q->second.targeted.erase(p);
  }
  if (t.target_counter != 0)
    if (auto c = targeted.find(t.target_counter); c != targeted.end()) c->second.erase(p);
}

void reindex(OfficeState& s) {
  s.index.clear();
  for (const auto& [_, t] : s.tickets) s.index.add(t);
}

const TicketIndex& ticket_index(const OfficeState& s) {
  if (s.index.count != s.tickets.size()) reindex(const_cast<OfficeState&>(s));
  return s.index;
}

}  // namespace antrian
