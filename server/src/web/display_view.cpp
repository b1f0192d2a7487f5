#include "web/display_view.h"

#include <algorithm>

#include "antrian/office_view.h"
#include "antrian/ticket_moves.h"
#include "web/http_util.h"
#include "web/ticket_status.h"

namespace antrian::web {
namespace {

using json = nlohmann::json;

constexpr std::size_t kMaxFilterEntries = 50;
constexpr std::size_t kPreviousPerLoket = 2;
constexpr std::size_t kCallsSent = 12;

std::vector<std::string_view> split_commas(std::string_view text) {
  std::vector<std::string_view> out;
  while (!text.empty()) {
    const std::size_t comma = text.find(',');
    std::string_view part = text.substr(0, comma);
    if (!part.empty()) out.push_back(part);
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

bool service_code_format(std::string_view c) {
  if (c.empty() || c.size() > 3) return false;
  return std::all_of(c.begin(), c.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

// The lokets that get a tile: the chosen ones, or those serving a shown service.
std::vector<int> lokets_to_show(const OfficeState& s, const WebDisplayFilter& f) {
  std::vector<int> out;
  for (const auto& [n, c] : s.counters) {
    if (!f.lokets.empty()) {
      if (f.shows_loket(n)) out.push_back(n);
      continue;
    }
    if (std::any_of(c.services.begin(), c.services.end(), [&](const std::string& x) { return f.shows_service(x); }))
      out.push_back(n);
  }
  return out;
}

const std::string& loket_name(const OfficeState& s, int n) {
  static const std::string none;
  auto it = s.counters.find(n);
  return it == s.counters.end() ? none : it->second.name;
}

json service_names(const OfficeState& s, const std::string& code) {
  auto it = s.services.find(code);
  if (it == s.services.end()) return {{"code", code}, {"name_id", code}, {"name_en", code}};
  return {{"code", code}, {"name_id", it->second.name_id}, {"name_en", it->second.name_en}};
}

int64_t last_call_at(const Ticket& t) {
  int64_t at = t.called_at;
  for (const TicketStep& st : t.history)
    if (st.what == "recalled") at = std::max(at, st.at);
  return at;
}

json loket_tiles(const OfficeState& s, const WebDisplayFilter& f, const std::vector<const Ticket*>& recent) {
  json out = json::array();
  for (int n : lokets_to_show(s, f)) {
    const Counter& c = s.counters.at(n);
    json tile = {{"number", n}, {"name", c.name}, {"state", to_string(c.state)}, {"label", nullptr},
                 {"service", nullptr}, {"recalls", 0}, {"called_at", 0}, {"previous", json::array()}};
    for (const Ticket* t : recent) {  // newest first
      if (t->counter != n || !f.shows_service(t->service)) continue;
      if (tile["label"].is_null()) {
        tile["label"] = t->label();
        tile["service"] = service_names(s, t->service);
        tile["recalls"] = t->recalls;
        tile["called_at"] = last_call_at(*t);
        tile["ticket_state"] = to_string(t->state);
      } else if (tile["previous"].size() < kPreviousPerLoket) {
        tile["previous"].push_back(t->label());
      }
    }
    out.push_back(tile);
  }
  return out;
}

// "A. B. C." from the parts that are not empty.
std::string sentences(const std::vector<std::string>& parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    out += (out.empty() ? "" : " ") + p;
    if (out.back() != '.') out += ".";
  }
  return out;
}

}  // namespace

bool WebDisplayFilter::shows_service(const std::string& code) const {
  return services.empty() || std::find(services.begin(), services.end(), code) != services.end();
}

bool WebDisplayFilter::shows_loket(int number) const {
  return lokets.empty() || std::find(lokets.begin(), lokets.end(), number) != lokets.end();
}

std::optional<WebDisplayFilter> parse_display_filter(std::string_view services, std::string_view lokets,
                                                     std::string& error) {
  WebDisplayFilter f;
  const auto sv = split_commas(services);
  const auto lv = split_commas(lokets);
  if (sv.size() > kMaxFilterEntries || lv.size() > kMaxFilterEntries) {
    error = "at most " + std::to_string(kMaxFilterEntries) + " services and lokets";
    return std::nullopt;
  }
  for (std::string_view c : sv) {
    if (!service_code_format(c)) {
      error = "services: \"" + std::string(c.substr(0, 16)) + "\" is not a service code (1-3 capital letters, e.g. A,B)";
      return std::nullopt;
    }
    f.services.emplace_back(c);
  }
  for (std::string_view n : lv) {
    auto v = parse_int(n, 1, 999);
    if (!v) {
      error = "lokets: \"" + std::string(n.substr(0, 16)) + "\" is not a loket number (1-999, e.g. 1,2)";
      return std::nullopt;
    }
    f.lokets.push_back(int(*v));
  }
  return f;
}

json display_view(const OfficeState& s, const WebDisplayFilter& f, const std::vector<CallRecord>& calls,
                  int64_t now_ms) {
  json problems = json::array();
  for (const std::string& c : f.services)
    if (!s.services.count(c)) problems.push_back({{"kind", "service"}, {"value", c}});
  for (int n : f.lokets)
    if (!s.counters.count(n)) problems.push_back({{"kind", "loket"}, {"value", n}});

  const auto recent = recent_calls(s, 200);
  json newest = nullptr;
  for (const Ticket* t : recent) {
    if (!f.shows_service(t->service) || !f.shows_loket(t->counter)) continue;
    newest = {{"label", t->label()},         {"loket", t->counter},
              {"loket_name", loket_name(s, t->counter)}, {"service", service_names(s, t->service)},
              {"recalls", t->recalls},       {"at", last_call_at(*t)}};
    break;
  }

  json services = json::array();
  json banners = json::array();
  std::vector<int64_t> banner_ids;
  for (const ServiceSummary& x : service_summaries(s, now_ms)) {
    if (!f.shows_service(x.code)) continue;
    json row = to_json(x);
    row.erase("disruptions");
    auto svc = s.services.find(x.code);
    row["enabled"] = svc == s.services.end() || svc->second.enabled;
    services.push_back(row);
    for (const Disruption* d : x.disruptions) {
      if (std::find(banner_ids.begin(), banner_ids.end(), d->id) != banner_ids.end()) continue;
      banner_ids.push_back(d->id);
      auto r = s.resources.find(d->resource);
      json affected = json::array();
      for (const std::string& code : d->services)
        if (f.shows_service(code)) affected.push_back(service_names(s, code));
      json b = {{"id", d->id},
                {"level", to_string(d->level)},
                {"resource_id", r == s.resources.end() ? d->resource : r->second.name_id},
                {"resource_en", r == s.resources.end() ? d->resource : r->second.name_en},
                {"message_id", d->message_id},
                {"message_en", d->message_en},
                {"expected_end", d->expected_end ? json(*d->expected_end) : json(nullptr)},
                {"services", affected}};
      if (x.status == ServiceStatus::halted && svc != s.services.end() && !svc->second.alternative_id.empty()) {
        b["alternative_id"] = svc->second.alternative_id;
        b["alternative_en"] = svc->second.alternative_en;
      }
      banners.push_back(b);
    }
  }

  // Shortages nobody declared and device faults: the hub's one list (office_view.h).
  for (const Shortage& x : shortages(s)) {
    json affected = json::array();
    for (const std::string& code : x.services)
      if (f.shows_service(code)) affected.push_back(service_names(s, code));
    if (x.kind != "device" && affected.empty()) continue;
    bool declared = false;
    for (const auto& [_, d] : s.disruptions) declared |= d.active && d.resource == x.id;
    if (declared) continue;
    banners.push_back({{"id", 0}, {"kind", x.kind}, {"level", x.halted ? "down" : "degraded"},
                       {"text_id", x.text_id}, {"text_en", x.text_en}, {"expected_end", nullptr},
                       {"services", affected}});
  }

  // Tickets moved by a bulk move or waiting for a loket on a break: the hub's one rule
  // (ticket_moves.h), so the wall says why as the status page does.
  for (const MoveNotice& n : move_notices(s)) {
    json affected = json::array();
    for (const std::string& code : {n.from_service, n.to_service})
      if (!code.empty() && f.shows_service(code)) affected.push_back(service_names(s, code));
    if (n.loket > 0 ? !f.shows_loket(n.loket) : affected.empty()) continue;
    banners.push_back({{"id", 0}, {"kind", n.kind}, {"level", "info"},
                       {"text_id", sentences({n.title_id, n.cause_id, n.when_id})},
                       {"text_en", sentences({n.title_en, n.cause_en, n.when_en})},
                       {"expected_end", n.until > 0 ? json(n.until) : json(nullptr)},
                       {"services", affected}});
  }

  json call_list = json::array();
  std::size_t kept = 0;
  for (auto it = calls.rbegin(); it != calls.rend() && kept < kCallsSent; ++it) {
    if (!f.shows_service(it->service) || !f.shows_loket(it->counter)) continue;
    call_list.insert(call_list.begin(), json{{"seq", it->seq},
                                             {"at", it->at},
                                             {"label", it->label},
                                             {"loket", it->counter},
                                             {"loket_name", loket_name(s, it->counter)},
                                             {"recalls", it->recalls}});
    ++kept;
  }

  return {{"office", office_header(s)},
          {"seq", s.seq},
          {"newest", newest},
          {"lokets", loket_tiles(s, f, recent)},
          {"services", services},
          {"banners", banners},
          {"announcement", s.announcement},
          {"calls", call_list},
          {"problems", problems}};
}

}  // namespace antrian::web
