#include "antrian/office_view.h"

#include <algorithm>

#include "antrian/capacity.h"
#include "antrian/eta.h"
#include "antrian/forecast.h"
#include "antrian/model_json.h"
#include "antrian/office_calendar.h"
#include "antrian/queue_rules.h"
#include "antrian/service_health.h"

namespace antrian {

ServiceSummary service_summary(const OfficeState& s, const std::string& code, int64_t now_ms) {
  ServiceSummary x;
  auto svc = s.services.find(code);
  if (svc == s.services.end()) return x;
  x.code = code;
  x.name_id = svc->second.name_id;
  x.name_en = svc->second.name_en;
  const ServiceHealth h = service_health(s, code);
  x.status = h.status;
  x.expected_end = h.expected_end;
  for (int64_t id : h.disruption_ids) x.disruptions.push_back(&s.disruptions.at(id));
  x.waiting = static_cast<int>(waiting_in_service(s, code).size());
  x.open_counters = open_counters_for(s, code);
  x.issued_today = issued_today(s, code);
  const CapacityLeft left = tickets_left_today(s, code, now_ms);
  x.tickets_left = left.tickets;
  x.limited_by = std::string(to_string(left.limited_by));
  x.blangko_low = blangko_low(s, code);
  auto refused = s.refused_today.find(code);
  x.refused_today = refused == s.refused_today.end() ? 0 : refused->second;
  x.alternative_id = svc->second.alternative_id;
  x.alternative_en = svc->second.alternative_en;
  if (auto w = forecast_new_wait(s, code, Priority::reguler, now_ms)) {
    x.eta_new_s = w->eta_s;
    x.eta_new_low_s = w->low_s;
    x.eta_new_high_s = w->high_s;
  }
  x.eta_new_priority_s = eta_for_new_ticket(s, code, Priority::lansia, now_ms);
  if (x.status == ServiceStatus::halted) x.condition = "halted";
  else if (x.tickets_left && *x.tickets_left <= 0)
    x.condition = x.limited_by == "blangko" ? "no_blangko" : x.limited_by == "hours" ? "full_today" : "quota_used_up";
  else if (x.status == ServiceStatus::degraded) x.condition = "degraded";
  else if (x.blangko_low) x.condition = "blangko_low";
  const IssuingStatus issuing = OfficeCalendar(s).issuing(code, now_ms);
  x.issuing_open = issuing.open;
  x.issuing_closed = std::string(to_string(issuing.why));
  x.issuing_next_at = issuing.next_open_ms;
  x.issuing_until = issuing.until_ms;
  return x;
}

std::vector<ServiceSummary> service_summaries(const OfficeState& s, int64_t now_ms) {
  std::vector<ServiceSummary> out;
  for (const auto& [code, _] : s.services) out.push_back(service_summary(s, code, now_ms));
  return out;
}

nlohmann::json to_json(const ServiceSummary& x) {
  json d = json::array();
  for (const Disruption* p : x.disruptions) d.push_back(to_json(*p));
  return {{"code", x.code},
          {"name_id", x.name_id},
          {"name_en", x.name_en},
          {"status", to_string(x.status)},
          {"waiting", x.waiting},
          {"open_counters", x.open_counters},
          {"issued_today", x.issued_today},
          {"tickets_left", x.tickets_left ? json(*x.tickets_left) : json(nullptr)},
          {"limited_by", x.limited_by},
          {"blangko_low", x.blangko_low},
          {"refused_today", x.refused_today},
          {"alternative_id", x.alternative_id},
          {"alternative_en", x.alternative_en},
          {"eta_new_s", x.eta_new_s ? json(*x.eta_new_s) : json(nullptr)},
          {"eta_new_low_s", x.eta_new_low_s ? json(*x.eta_new_low_s) : json(nullptr)},
          {"eta_new_high_s", x.eta_new_high_s ? json(*x.eta_new_high_s) : json(nullptr)},
          {"eta_new_priority_s", x.eta_new_priority_s ? json(*x.eta_new_priority_s) : json(nullptr)},
          {"expected_end", x.expected_end ? json(*x.expected_end) : json(nullptr)},
          {"disruptions", d},
          {"condition", x.condition},
          {"issuing_open", x.issuing_open},
          {"issuing_closed", x.issuing_closed},
          {"issuing_next_at", x.issuing_next_at ? json(*x.issuing_next_at) : json(nullptr)},
          {"issuing_until", x.issuing_until ? json(*x.issuing_until) : json(nullptr)}};
}

OfficeHoursSummary office_hours_summary(const OfficeState& s, int64_t now_ms) {
  OfficeHoursSummary x;
  const OfficeCalendar cal(s);
  x.serving = cal.office_open(now_ms);
  x.closes_at = cal.closing_today(now_ms);
  bool first = true;
  for (const auto& [code, svc] : s.services) {
    if (!svc.enabled) continue;
    const IssuingStatus st = cal.issuing(code, now_ms);
    if (st.open) {
      x.issuing_any = true;
      x.closed = "open";
      x.reason_id.clear();
      x.reason_en.clear();
    } else if (!x.issuing_any && (first || (st.next_open_ms && (!x.next_issuing_at || *st.next_open_ms < *x.next_issuing_at)))) {
      x.closed = std::string(to_string(st.why));
      x.reason_id = st.reason_id;
      x.reason_en = st.reason_en;
    }
    if (!st.open && st.next_open_ms && (!x.next_issuing_at || *st.next_open_ms < *x.next_issuing_at))
      x.next_issuing_at = st.next_open_ms;
    first = false;
  }
  if (x.issuing_any) x.next_issuing_at.reset();
  const int tz = cal.offset_hours();
  for (Lang lang : {Lang::id, Lang::en}) {
    std::string& out = lang == Lang::id ? x.next_text_id : x.next_text_en;
    if (x.issuing_any) continue;
    out = x.next_issuing_at ? trf("calendar.issuing_again", lang, {format_next_opening(*x.next_issuing_at, now_ms, tz, lang)})
                            : std::string(tr("calendar.issuing_unknown", lang));
  }
  return x;
}

nlohmann::json to_json(const OfficeHoursSummary& x) {
  return {{"serving", x.serving},
          {"issuing_any", x.issuing_any},
          {"closed", x.closed},
          {"reason_id", x.reason_id},
          {"reason_en", x.reason_en},
          {"next_issuing_at", x.next_issuing_at ? json(*x.next_issuing_at) : json(nullptr)},
          {"closes_at", x.closes_at ? json(*x.closes_at) : json(nullptr)},
          {"next_text_id", x.next_text_id},
          {"next_text_en", x.next_text_en},
          {"closed_text_id", x.issuing_any ? "" : issuing_closed_text(x.closed, x.reason_id, Lang::id)},
          {"closed_text_en", x.issuing_any ? "" : issuing_closed_text(x.closed, x.reason_en, Lang::en)}};
}

std::vector<const Ticket*> recent_calls(const OfficeState& s, std::size_t max) {
  std::vector<const Ticket*> out;
  for (const auto& [_, t] : s.tickets)
    if (t.called_at > 0 && t.counter > 0 && t.state != TicketState::transferred) out.push_back(&t);
  auto last_call = [](const Ticket* t) {
    int64_t at = t->called_at;
    for (const TicketStep& st : t->history)
      if (st.what == "recalled") at = std::max(at, st.at);
    return at;
  };
  std::sort(out.begin(), out.end(), [&](const Ticket* a, const Ticket* b) { return last_call(a) > last_call(b); });
  if (out.size() > max) out.resize(max);
  return out;
}

bool device_ok(const DeviceStatus& d) { return d.state == "ok" || d.state.empty(); }

std::string device_problem_text(const DeviceStatus& d, Lang lang) {
  const std::string key = "device." + d.state;
  std::string what = has_string(key) ? std::string(tr(key, lang)) : d.state;
  return d.id + ": " + what;
}

std::vector<Shortage> shortages(const OfficeState& s) {
  std::vector<Shortage> out;
  auto name = [](const Resource& r, Lang lang) {
    const std::string& n = lang == Lang::id ? r.name_id : r.name_en;
    return n.empty() ? r.id : n;
  };
  for (const auto& [rid, r] : s.resources) {
    Shortage x;
    x.id = rid;
    x.services = services_needing(s, rid);
    bool all_promised = false;
    for (const std::string& code : x.services)
      if (auto left = blangko_unpromised(s, code); left && *left <= 0) all_promised = true;
    if (r.kind == ResourceKind::card_printers && r.total > 0 && r.working < r.total) {
      x.kind = "printers";
      x.halted = r.working <= 0;
      for (Lang l : {Lang::id, Lang::en})
        (l == Lang::id ? x.text_id : x.text_en) =
            trf("display.printers_working", l, {name(r, l), std::to_string(std::max(0, r.working)), std::to_string(r.total)});
    } else if (r.kind == ResourceKind::blangko && (r.stock <= 0 || all_promised)) {
      x.kind = "blangko_out";
      x.halted = true;
      for (Lang l : {Lang::id, Lang::en})
        (l == Lang::id ? x.text_id : x.text_en) =
            r.stock <= 0 ? trf("display.stock_out", l, {name(r, l)})
                         : trf("display.stock_promised", l, {name(r, l), std::to_string(r.stock)});
    } else if (r.kind == ResourceKind::blangko && r.stock <= r.low_threshold) {
      x.kind = "blangko_low";
      for (Lang l : {Lang::id, Lang::en})
        (l == Lang::id ? x.text_id : x.text_en) = trf("display.stock_low", l, {name(r, l), std::to_string(r.stock)});
    } else {
      continue;
    }
    out.push_back(std::move(x));
  }
  for (const auto& [id, d] : s.devices) {
    if (device_ok(d)) continue;
    Shortage x;
    x.kind = "device";
    x.id = id;
    x.text_id = device_problem_text(d, Lang::id);
    x.text_en = device_problem_text(d, Lang::en);
    x.since = d.at;
    out.push_back(std::move(x));
  }
  return out;
}

nlohmann::json to_json(const Shortage& x) {
  return {{"kind", x.kind}, {"id", x.id}, {"halted", x.halted}, {"text_id", x.text_id},
          {"text_en", x.text_en}, {"services", x.services}, {"since", x.since}};
}

}  // namespace antrian
