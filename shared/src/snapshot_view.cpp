#include "antrian/snapshot_view.h"

#include "antrian/booking.h"
#include "antrian/comeback.h"
#include "antrian/model_json.h"

namespace antrian {

using json = nlohmann::json;

json snapshot_json(const OfficeState& s) {
  json j = state_to_json(s, true, /*all_tickets=*/false);
  const TicketIndex& ix = ticket_index(s);
  json& tickets = j["tickets"] = json::array();
  for (int64_t id : ix.open) tickets.push_back(to_json(s.tickets.at(id), false));
  std::size_t recent = 0;
  for (auto it = ix.closed.rbegin(); it != ix.closed.rend() && recent < kSnapshotRecentClosed; ++it, ++recent)
    tickets.push_back(to_json(s.tickets.at(it->second), false));
  j["closed_today"] = ix.closed.size();
  j["closed_left_out"] = ix.closed.size() - recent;
  json counts = json::object();
  for (const auto& [service, by_state] : ix.by_state) {
    json c = json::object();
    for (std::size_t st = 0; st < by_state.size(); ++st)
      if (by_state[st] != 0) c[std::string(to_string(TicketState(st)))] = by_state[st];
    counts[service] = c;
  }
  j["ticket_counts"] = counts;
  j["issued_today"] = ix.issued;
  j["comeback_counts"] = comeback_counts_json(s);
  j["booking_counts"] = booking_counts_json(s);
  return j;
}

json history_page(const OfficeState& s, int64_t after_id, int limit) {
  json tickets = json::array();
  int64_t last = after_id;
  auto it = s.tickets.upper_bound(after_id);
  for (; it != s.tickets.end() && int(tickets.size()) < limit; ++it) {
    last = it->first;
    if (!it->second.is_open()) tickets.push_back(to_json(it->second, false));
  }
  return {{"tickets", tickets}, {"next_after", last}, {"more", it != s.tickets.end()}};
}

void merge_history(OfficeState& s, const json& tickets) {
  ticket_index(s);  // in step before it changes
  for (const json& j : tickets) {
    Ticket t = ticket_from_json(j);
    if (t.day != s.day || s.tickets.count(t.id)) continue;
    if (t.id >= s.next_ticket_id) s.next_ticket_id = t.id + 1;
    s.index.add(s.tickets.emplace(t.id, std::move(t)).first->second);
  }
}

}  // namespace antrian
