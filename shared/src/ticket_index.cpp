#include "antrian/ticket_index.h"

#include <algorithm>

#include "antrian/model.h"

namespace antrian {
namespace {

bool is_priority(const Ticket& t) { return t.priority != Priority::reguler; }

// The row of ticket `id` in by_id (ids ascending), or where it goes.
std::vector<TicketIndex::Issued>::iterator row_of(std::vector<TicketIndex::Issued>& rows, int64_t id) {
  if (!rows.empty() && rows.back().id < id) return rows.end();  // a new ticket: the usual case
  return std::lower_bound(rows.begin(), rows.end(), id,
                          [](const TicketIndex::Issued& r, int64_t x) { return r.id < x; });
}

}  // namespace

void TicketIndex::add(const Ticket& t) {
  ++count;
  by_state[t.service][std::size_t(t.state)] += 1;
  if (t.transferred_from == 0) issued[t.service] += 1;
  auto newest = [&](std::unordered_map<std::string, int64_t>& m, const std::string& key) {
    auto [it, fresh] = m.emplace(key, t.id);
    if (!fresh && it->second < t.id) it->second = t.id;
  };
  auto row = row_of(by_id, t.id);
  const bool transferred = t.transferred_from != 0;
  if (row == by_id.end() || row->id != t.id) {
    if (!transferred && arrivals_in_order) {
      if (row != by_id.end() || (!arrival_times.empty() && t.issued_at < arrival_times.back()))
        arrivals_in_order = false;  // not after every arrival before it: the scan from now on
      else
        arrival_times.push_back(t.issued_at);
    }
    row = by_id.insert(row, Issued{});
  } else {
    if (row->gone) --gone_rows;
    if (row->issued_at != t.issued_at || row->transferred != transferred) arrivals_in_order = false;
  }
  auto name = std::find(service_names.begin(), service_names.end(), t.service);
  if (name == service_names.end()) name = service_names.insert(name, t.service);
  const auto service = uint32_t(name - service_names.begin());
  *row = Issued{t.id, t.issued_at, service, is_priority(t), transferred, false};
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
  // Kept in place (a ticket is removed only to be added again, changed): no shifting.
  if (auto row = row_of(by_id, t.id); row != by_id.end() && row->id == t.id && !row->gone) {
    row->gone = true;
    ++gone_rows;
  }
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

std::map<std::string, std::pair<int, int>> recent_arrivals(const TicketIndex& ix, int64_t from_ms) {
  // Counted by the rows' service numbers (a plain array), named at the end.
  std::vector<std::pair<int, int>> counts(ix.service_names.size());
  std::vector<bool> seen(ix.service_names.size());
  for (auto r = ix.by_id.rbegin(); r != ix.by_id.rend(); ++r) {
    if (r->gone) continue;
    if (r->issued_at < from_ms) break;
    if (r->transferred) continue;
    seen[r->service] = true;
    ++(r->priority ? counts[r->service].first : counts[r->service].second);
  }
  std::map<std::string, std::pair<int, int>> out;
  for (std::size_t i = 0; i < counts.size(); ++i)
    if (seen[i]) out.emplace(ix.service_names[i], counts[i]);
  return out;
}

int arrivals_between(const TicketIndex& ix, int64_t from_ms, int64_t to_ms) {
  if (from_ms >= to_ms) return 0;
  if (ix.arrivals_in_order && ix.gone_rows == 0) {
    const auto& v = ix.arrival_times;
    return int(std::lower_bound(v.begin(), v.end(), to_ms) - std::lower_bound(v.begin(), v.end(), from_ms));
  }
  int n = 0;
  for (const auto& r : ix.by_id) n += !r.gone && !r.transferred && r.issued_at >= from_ms && r.issued_at < to_ms;
  return n;
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
