#include "web/call_log.h"

#include <algorithm>

#include "antrian/protocol.h"
#include "web/readonly_db.h"

namespace antrian::web {

std::optional<CallRecord> CallLog::from_event(const Event& e) {
  if (e.type != proto::ev::ticket_called && e.type != proto::ev::ticket_recalled) return std::nullopt;
  const auto& d = e.data;
  if (!d.contains("tickets") || !d["tickets"].is_array() || d["tickets"].empty()) return std::nullopt;
  const auto& t = d["tickets"][0];
  CallRecord r;
  r.seq = e.seq;
  r.at = e.at;
  r.ticket_id = t.value("id", int64_t(0));
  r.label = t.value("label", std::string());
  r.service = t.value("service", std::string());
  r.counter = d.value("counter", t.value("counter", 0));
  r.recalls = t.value("recalls", 0);
  if (r.label.empty() || r.counter <= 0) return std::nullopt;
  return r;
}

void CallLog::add(const Event& e) {
  auto r = from_event(e);
  if (!r) return;
  std::lock_guard l(mu_);
  if (!calls_.empty() && calls_.back().seq >= r->seq) return;  // replayed
  calls_.push_back(*r);
  while (calls_.size() > capacity_) calls_.pop_front();
}

void CallLog::merge(const std::vector<CallRecord>& older) {
  std::lock_guard l(mu_);
  for (const CallRecord& r : older) {
    auto at = std::lower_bound(calls_.begin(), calls_.end(), r.seq,
                               [](const CallRecord& x, int64_t seq) { return x.seq < seq; });
    if (at == calls_.end() || at->seq != r.seq) calls_.insert(at, r);
  }
  while (calls_.size() > capacity_) calls_.pop_front();
}

std::vector<CallRecord> CallLog::read_recent(const std::string& db_path, int max) {
  std::vector<CallRecord> out;
  auto db = ReadonlyDb::open(db_path);
  if (!db) return out;
  db->query(
      "SELECT seq, at, type, actor, data FROM events WHERE type IN ('ticket_called', 'ticket_recalled') "
      "ORDER BY seq DESC LIMIT ?1",
      {int64_t(max)}, [&](const ReadonlyDb::Row& row) {
        Event e;
        e.seq = row.integer(0);
        e.at = row.integer(1);
        e.type = row.text(2);
        e.actor = row.text(3);
        e.data = nlohmann::json::parse(row.text(4), nullptr, false);
        if (!e.data.is_object()) return;
        if (auto r = from_event(e)) out.insert(out.begin(), *r);
      });
  return out;
}

void CallLog::clear() {
  std::lock_guard l(mu_);
  calls_.clear();
}

std::optional<CallRecord> CallLog::find(int64_t seq) const {
  std::lock_guard l(mu_);
  for (const CallRecord& r : calls_)
    if (r.seq == seq) return r;
  return std::nullopt;
}

std::vector<CallRecord> CallLog::recent(std::size_t max) const {
  std::lock_guard l(mu_);
  const std::size_t n = std::min(max, calls_.size());
  return std::vector<CallRecord>(calls_.end() - long(n), calls_.end());
}

}  // namespace antrian::web
