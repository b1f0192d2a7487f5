#include "site_tracker.h"

#include <algorithm>

#include "antrian/comeback.h"
#include "antrian/model_json.h"
#include "antrian/office_view.h"
#include "antrian/protocol.h"

namespace antrian::district {

using nlohmann::json;

void SiteTracker::apply(const Event& e) {
  // A new business day drops yesterday's tickets from the state: count them first.
  if (e.data.contains("day") && !s_.day.empty() && e.data["day"].is_string() && e.data["day"] != s_.day)
    closed_days_[s_.day] = day_counts(s_.day);
  std::map<std::string, int> stock_before;
  const bool touches_resources = e.data.contains("resources");
  if (touches_resources)
    for (const auto& [id, r] : s_.resources)
      if (r.kind == ResourceKind::blangko) stock_before[id] = r.stock;
  apply_event(s_, e);
  last_at_ = std::max(last_at_, e.at);
  if (e.type == proto::ev::config_applied || e.type == proto::ev::office_configured) {
    config_version_ = e.type == proto::ev::config_applied ? e.data.value("version", int64_t{0}) : 0;
    config_seq_ = e.seq;
    config_at_ = e.at;
  }
  if (!touches_resources) return;
  for (const auto& [id, r] : s_.resources) {
    if (r.kind != ResourceKind::blangko) continue;
    auto key = std::make_pair(s_.day, id);
    BlangkoDay& b = blangko_[key];
    auto before = stock_before.find(id);
    // A fall of the stock while serving is cards used; a count set by hand
    // (resource_changed: a delivery, a stock-take) is not use.
    if (before != stock_before.end() && r.stock < before->second && e.type != proto::ev::resource_changed)
      b.used += before->second - r.stock;
    b.stock_end = r.stock;
    blangko_dirty_.insert(key);
  }
}

json SiteTracker::day_counts(const std::string& day) const {
  struct Row {
    int issued = 0, done = 0, no_show = 0, cancelled = 0, transferred = 0, wait_n = 0, serve_n = 0;
    int64_t wait_s = 0, serve_s = 0;
  };
  std::map<std::pair<std::string, int>, Row> rows;
  for (const auto& [_, t] : s_.tickets) {
    if (t.day != day) continue;
    Row& r = rows[{t.service, t.counter}];
    ++r.issued;
    if (t.state == TicketState::done) ++r.done;
    if (t.state == TicketState::no_show) ++r.no_show;
    if (t.state == TicketState::cancelled) ++r.cancelled;
    if (t.state == TicketState::transferred) ++r.transferred;
    if (t.called_at > 0 && t.queue_at > 0 && t.called_at >= t.queue_at) {
      r.wait_s += (t.called_at - t.queue_at) / 1000;
      ++r.wait_n;
    }
    if (t.state == TicketState::done && t.started_at > 0 && t.ended_at >= t.started_at) {
      r.serve_s += (t.ended_at - t.started_at) / 1000;
      ++r.serve_n;
    }
  }
  json out = json::array();
  for (const auto& [k, r] : rows)
    out.push_back({{"day", day}, {"service", k.first}, {"counter", k.second}, {"issued", r.issued}, {"done", r.done},
                   {"no_show", r.no_show}, {"cancelled", r.cancelled}, {"transferred", r.transferred},
                   {"wait_s_sum", r.wait_s}, {"wait_n", r.wait_n}, {"serve_s_sum", r.serve_s}, {"serve_n", r.serve_n}});
  return out;
}

json SiteTracker::projection(int64_t now_ms) {
  json p;
  p["office_name"] = s_.office.name;
  p["day"] = s_.day;
  p["announcement"] = s_.announcement;
  p["config_version"] = config_version_;
  p["config_applied_at"] = config_at_;
  // Oldest place in line per service: the longest wait at the site's clock.
  std::map<std::string, int64_t> oldest;
  std::map<std::string, int> done;
  for (const auto& [_, t] : s_.tickets) {
    if (t.state == TicketState::waiting) {
      auto [it, fresh] = oldest.emplace(t.service, t.queue_at);
      if (!fresh) it->second = std::min(it->second, t.queue_at);
    }
    if (t.state == TicketState::done) ++done[t.service];
  }
  json services = json::array();
  for (const ServiceSummary& x : service_summaries(s_, now_ms)) {
    auto o = oldest.find(x.code);
    // The come-back list as the hub's own screens count it (comeback.h).
    const ComebackCounts cb = comeback_counts(s_, x.code);
    services.push_back({{"comeback_waiting", cb.waiting}, {"comeback_invited", cb.invited},
                        {"comeback_came", cb.came}, {"comeback_expired", cb.expired},{"code", x.code}, {"name_id", x.name_id}, {"name_en", x.name_en},
                        {"status", to_string(x.status)}, {"waiting", x.waiting},
                        {"longest_wait_s", o == oldest.end() ? json(nullptr) : json(std::max<int64_t>(0, (now_ms - o->second) / 1000))},
                        {"open_counters", x.open_counters}, {"issued_today", x.issued_today},
                        {"done_today", done[x.code]},
                        {"tickets_left", x.tickets_left ? json(*x.tickets_left) : json(nullptr)},
                        {"limited_by", x.limited_by},
                        {"eta_new_s", x.eta_new_s ? json(*x.eta_new_s) : json(nullptr)},
                        {"expected_end", x.expected_end ? json(*x.expected_end) : json(nullptr)}});
  }
  p["services"] = services;
  json disruptions = json::array();
  for (const auto& [_, d] : s_.disruptions)
    disruptions.push_back({{"id", d.id}, {"resource", d.resource}, {"level", to_string(d.level)},
                           {"started_at", d.started_at},
                           {"expected_end", d.expected_end ? json(*d.expected_end) : json(nullptr)},
                           {"message_id", d.message_id}, {"message_en", d.message_en}, {"services", d.services},
                           {"declared_by", d.declared_by}, {"active", d.active}, {"cleared_at", d.cleared_at}});
  p["disruptions"] = disruptions;
  json resources = json::array();
  for (const auto& [_, r] : s_.resources)
    resources.push_back({{"id", r.id}, {"kind", to_string(r.kind)}, {"name_id", r.name_id}, {"name_en", r.name_en},
                         {"total", r.total}, {"working", r.working}, {"stock", r.stock},
                         {"low_threshold", r.low_threshold}});
  p["resources"] = resources;
  json devices = json::array();
  for (const auto& [_, d] : s_.devices)
    devices.push_back({{"id", d.id}, {"state", d.state}, {"message", d.message}, {"at", d.at}});
  p["devices"] = devices;
  json counts = json::array();
  for (auto& [day, rows] : closed_days_)
    for (auto& r : rows) counts.push_back(std::move(r));
  closed_days_.clear();
  if (!s_.day.empty())
    for (auto& r : day_counts(s_.day)) counts.push_back(std::move(r));
  p["day_counts"] = counts;
  json blangko = json::array();
  for (const auto& key : blangko_dirty_) {
    if (key.first.empty()) continue;
    const BlangkoDay& b = blangko_[key];
    blangko.push_back({{"day", key.first}, {"resource", key.second}, {"used", b.used}, {"stock_end", b.stock_end}});
  }
  blangko_dirty_.clear();
  p["blangko_days"] = blangko;
  return p;
}

}  // namespace antrian::district
