#include "antrian/display/call_log.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

namespace antrian::display {

std::vector<CallEntry> call_log(const OfficeState& s, const DisplayFilter& filter) {
  std::vector<CallEntry> out;
  // (label, loket, at, recall_no): a transferred ticket carries the steps of its
  // predecessor; the predecessor (lower id, visited first) keeps them.
  std::set<std::tuple<std::string, int, int64_t, int>> seen;
  for (const auto& [id, t] : s.tickets) {
    const std::string label = t.label();
    int recall_no = 0;
    for (const TicketStep& step : t.history) {
      if (step.what == "called") recall_no = 0;
      else if (step.what == "recalled") ++recall_no;
      else continue;
      if (step.counter <= 0) continue;
      if (!seen.emplace(label, step.counter, step.at, recall_no).second) continue;
      if (!filter.shows_call(t.service, step.counter)) continue;
      out.push_back({step.at, step.counter, label, t.service, id, recall_no, t.state});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const CallEntry& a, const CallEntry& b) {
    if (a.at != b.at) return a.at > b.at;
    return a.ticket_id > b.ticket_id;
  });
  return out;
}

std::vector<LoketBoardRow> loket_board(const OfficeState& s, const DisplayFilter& filter,
                                       const std::vector<CallEntry>& log, std::size_t max_previous) {
  std::map<int, LoketBoardRow> rows;
  auto row_for = [&](int number) -> LoketBoardRow& {
    auto [it, fresh] = rows.try_emplace(number);
    if (fresh) {
      it->second.number = number;
      auto c = s.counters.find(number);
      if (c != s.counters.end()) {
        it->second.name = c->second.name;
        it->second.state = c->second.state;
      }
    }
    return it->second;
  };
  for (int n : filter.lokets_to_show(s)) row_for(n);

  std::map<int, std::set<std::string>> labels_listed;  // per loket, to list a ticket once
  for (const CallEntry& e : log) {  // newest first
    LoketBoardRow& row = row_for(e.loket);
    std::set<std::string>& listed = labels_listed[e.loket];
    if (!row.current) {
      row.current = LoketCall{e.label, e.service, e.recall_no, e.at, e.state};
      listed.insert(e.label);
      continue;
    }
    if (listed.count(e.label)) continue;  // an older call or recall of a ticket already listed
    listed.insert(e.label);
    if (row.previous.size() < max_previous) row.previous.push_back(e.label);
  }
  std::vector<LoketBoardRow> out;
  for (auto& [_, row] : rows) out.push_back(std::move(row));
  return out;
}

}  // namespace antrian::display
