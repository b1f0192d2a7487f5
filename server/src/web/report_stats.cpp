#include "web/report_stats.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

#include "antrian/office_time.h"

namespace antrian::web {
namespace {

using json = nlohmann::json;

// Everything about one ticket row that the groups add up.
struct Sample {
  std::string service, staff;
  int loket = 0;
  TicketState state = TicketState::waiting;
  bool original = true;           // not a transfer copy
  std::optional<double> wait_s;   // from taking the ticket (or its transfer) to the first call
  std::optional<double> service_s;
  bool unfinished = false;        // still open at the end of a past day
};

// "staff:demo1@loket2" -> "demo1".
std::string staff_of_actor(const std::string& actor) {
  if (actor.rfind("staff:", 0) != 0) return {};
  const std::string rest = actor.substr(6);
  return rest.substr(0, rest.find('@'));
}

// Who handled the ticket: the staff member of its last step at a loket.
std::string staff_of(const Ticket& t) {
  for (auto it = t.history.rbegin(); it != t.history.rend(); ++it) {
    std::string who = staff_of_actor(it->actor);
    if (!who.empty()) return who;
  }
  return {};
}

Sample sample_of(const Ticket& t, const ReportInput& in) {
  Sample x;
  x.service = t.service;
  x.loket = t.counter;
  x.staff = staff_of(t);
  x.state = t.state;
  x.original = t.transferred_from == 0;
  if (t.called_at > 0) {
    int64_t since = t.issued_at;
    if (!x.original)
      for (const TicketStep& st : t.history)
        if (st.what == "transferred" && st.at <= t.called_at) since = st.at;
    x.wait_s = std::max<int64_t>(0, t.called_at - since) / 1000.0;
  }
  if (t.state == TicketState::done && t.started_at > 0 && t.ended_at >= t.started_at)
    x.service_s = (t.ended_at - t.started_at) / 1000.0;
  x.unfinished = t.is_open() && t.day < in.today;
  return x;
}

struct Accumulator {
  GroupRow row;
  std::vector<double> waits, services;
  void add(const Sample& x) {
    row.called += x.wait_s.has_value();
    row.served += x.state == TicketState::done;
    row.no_show += x.state == TicketState::no_show;
    row.cancelled += x.state == TicketState::cancelled;
    row.transferred_out += x.state == TicketState::transferred;
    row.unfinished += x.unfinished;
    if (x.wait_s) waits.push_back(*x.wait_s);
    if (x.service_s) services.push_back(*x.service_s);
  }
  GroupRow finish() {
    row.wait = time_stats(std::move(waits));
    row.service = time_stats(std::move(services));
    return row;
  }
};

json time_json(const TimeStats& t) {
  return {{"count", t.count},
          {"mean_s", t.mean_s ? json(std::llround(*t.mean_s)) : json(nullptr)},
          {"p90_s", t.p90_s ? json(std::llround(*t.p90_s)) : json(nullptr)}};
}

json row_json(const GroupRow& r) {
  auto opt = [](const std::optional<int>& v) { return v ? json(*v) : json(nullptr); };
  return {{"key", r.key},           {"name_id", r.name_id},
          {"name_en", r.name_en},   {"issued", opt(r.issued)},
          {"refused", opt(r.refused)}, {"refused_quota", opt(r.refused_quota)},
          {"called", r.called},     {"served", r.served},
          {"no_show", r.no_show},   {"cancelled", r.cancelled},
          {"transferred_out", r.transferred_out}, {"unfinished", r.unfinished},
          {"wait", time_json(r.wait)}, {"service", time_json(r.service)}};
}

std::string num(const std::optional<double>& v) {
  return v ? std::to_string(std::llround(*v)) : std::string();
}
std::string num(const std::optional<int>& v) { return v ? std::to_string(*v) : std::string(); }

}  // namespace

TimeStats time_stats(std::vector<double> samples) {
  TimeStats t;
  t.count = int(samples.size());
  if (samples.empty()) return t;
  std::sort(samples.begin(), samples.end());
  t.mean_s = std::accumulate(samples.begin(), samples.end(), 0.0) / samples.size();
  const std::size_t rank = std::size_t(std::ceil(0.9 * samples.size()));  // nearest rank, 1-based
  t.p90_s = samples[std::max<std::size_t>(rank, 1) - 1];
  return t;
}

Report compute_report(const ReportInput& in) {
  Report r;
  r.range = in.range;
  r.office_name = in.office.short_name.empty() ? in.office.name : in.office.short_name;
  std::map<std::string, Accumulator> by_service, by_staff;
  std::map<int, Accumulator> by_loket;
  Accumulator total;
  r.ikm = ikm_rows(in);
  r.comeback = comeback_rows(in);
  total.row.key = "total";
  total.row.issued = 0;
  total.row.refused = 0;
  total.row.refused_quota = 0;
  for (const auto& [code, s] : in.services) {  // every configured service gets a row, even with no tickets
    Accumulator& a = by_service[code];
    a.row.issued = a.row.refused = a.row.refused_quota = 0;
  }
  for (const Ticket& t : in.tickets) {
    const Sample x = sample_of(t, in);
    Accumulator& s = by_service[x.service];
    if (!s.row.issued) s.row.issued = s.row.refused = s.row.refused_quota = 0;
    if (x.original) {
      *s.row.issued += 1;
      *total.row.issued += 1;
      r.arrivals_by_hour[to_local(t.issued_at, in.offset_h).hour] += 1;
    }
    s.add(x);
    total.add(x);
    if (x.loket > 0) by_loket[x.loket].add(x);
    if (x.loket > 0 || !x.staff.empty()) by_staff[x.staff].add(x);
  }
  for (const Refusal& x : in.refusals) {
    Accumulator& s = by_service[x.service];
    if (!s.row.issued) s.row.issued = s.row.refused = s.row.refused_quota = 0;
    *s.row.refused += 1;
    *total.row.refused += 1;
    if (x.reason == "quota") {
      *s.row.refused_quota += 1;
      *total.row.refused_quota += 1;
    }
  }
  {
    BookingDayCounts all;  // a booking moved out of the range still counts as moved on its day in it
    for (const Booking& b : in.bookings) count_booking(all, b);
    for (const auto& [key, c] : all)
      if (key.second >= in.range.from && key.second <= in.range.to) r.booking_days[key] = c;
  }
  for (auto& [code, a] : by_service) {
    a.row.key = code;
    auto svc = in.services.find(code);
    a.row.name_id = svc == in.services.end() ? code : svc->second.name_id;
    a.row.name_en = svc == in.services.end() ? code : svc->second.name_en;
    r.services.push_back(a.finish());
  }
  for (auto& [n, a] : by_loket) {
    a.row.key = std::to_string(n);
    auto c = in.counters.find(n);
    a.row.name_id = a.row.name_en = c == in.counters.end() ? "Loket " + std::to_string(n) : c->second.name;
    r.lokets.push_back(a.finish());
  }
  for (auto& [id, a] : by_staff) {
    a.row.key = id;
    auto name = in.staff_names.find(id);
    a.row.name_id = id.empty() ? "(tanpa petugas)" : name == in.staff_names.end() ? id : name->second;
    a.row.name_en = id.empty() ? "(no staff member)" : a.row.name_id;
    r.staff.push_back(a.finish());
  }
  r.totals = total.finish();

  std::map<std::string, DisruptionRow> by_resource;
  for (const Disruption& d : in.disruptions) {
    const int64_t end = d.active ? in.now_ms : d.cleared_at;
    const int64_t from = std::max(d.started_at, in.start_ms);
    const int64_t to = std::min({end, in.end_ms, in.now_ms});
    if (to <= from) continue;
    DisruptionRow& row = by_resource[d.resource];
    row.count += 1;
    (d.level == DisruptionLevel::down ? row.down_s : row.degraded_s) += (to - from) / 1000;
  }
  for (auto& [id, row] : by_resource) {
    row.resource = id;
    auto res = in.resources.find(id);
    row.name_id = res == in.resources.end() ? id : res->second.name_id;
    row.name_en = res == in.resources.end() ? id : res->second.name_en;
    r.disruptions.push_back(row);
  }
  return r;
}

json to_json(const Report& r) {
  json services = json::array(), lokets = json::array(), staff = json::array(), disruptions = json::array();
  for (const GroupRow& x : r.services) services.push_back(row_json(x));
  for (const GroupRow& x : r.lokets) lokets.push_back(row_json(x));
  for (const GroupRow& x : r.staff) staff.push_back(row_json(x));
  for (const DisruptionRow& d : r.disruptions)
    disruptions.push_back({{"resource", d.resource}, {"name_id", d.name_id}, {"name_en", d.name_en},
                           {"count", d.count}, {"down_s", d.down_s}, {"degraded_s", d.degraded_s},
                           {"total_s", d.down_s + d.degraded_s}});
  return {{"from", r.range.from},   {"to", r.range.to},         {"days", r.range.days},
          {"office", r.office_name}, {"services", services},    {"lokets", lokets},
          {"staff", staff},          {"totals", row_json(r.totals)},
          {"arrivals_by_hour", r.arrivals_by_hour}, {"disruptions", disruptions}, {"ikm", ikm_json(r.ikm)},
          {"bookings", [&r] {  // the period per service: the sum of its days
             std::map<std::string, BookingCounts> sum;
             for (const auto& [key, c] : r.booking_days) {
               BookingCounts& s = sum[key.first];
               s.booked += c.booked;
               s.checked_in += c.checked_in;
               s.expired += c.expired;
               s.cancelled += c.cancelled;
               s.moved += c.moved;
             }
             json b = json::object();
             for (const auto& [svc, c] : sum) b[svc] = to_json(c);
             return b;
           }()},
          {"booking_days", [&r] {  // per service and day, as the page and the CSV show them
             json rows = json::array();
             for (const auto& [key, c] : r.booking_days) {
               json row = to_json(c);
               row["service"] = key.first;
               row["date"] = key.second;
               rows.push_back(row);
             }
             return rows;
           }()},
          {"comeback", comeback_json(r.comeback)}};
}

bool is_report_table(std::string_view t) {
  return t == "services" || t == "lokets" || t == "staff" || t == "hours" || t == "disruptions" || t == "ikm" ||
         t == "comeback" || t == "bookings";
}

std::string csv_field(std::string_view text) {
  std::string v(text);
  if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r'))
    v.insert(v.begin(), '\'');
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string report_csv(const Report& r, std::string_view table) {
  std::string out;
  auto line = [&](const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + cells[i];
    out += "\r\n";
  };
  if (table == "hours") {
    line({"from", "to", "hour", "arrivals"});
    for (int h = 0; h < 24; ++h)
      line({r.range.from, r.range.to, std::to_string(h), std::to_string(r.arrivals_by_hour[h])});
    return out;
  }
  if (table == "ikm") return ikm_csv(r.ikm, r.range);
  if (table == "comeback") return comeback_csv(r.comeback, r.range);
  if (table == "bookings") {
    line({"from", "to", "service", "date", "booked", "checked_in", "expired", "cancelled", "moved"});
    for (const auto& [key, c] : r.booking_days)
      line({r.range.from, r.range.to, csv_field(key.first), key.second, std::to_string(c.booked),
            std::to_string(c.checked_in), std::to_string(c.expired), std::to_string(c.cancelled), std::to_string(c.moved)});
    return out;
  }
  if (table == "disruptions") {
    line({"from", "to", "resource", "name_id", "name_en", "count", "down_s", "degraded_s", "total_s"});
    for (const DisruptionRow& d : r.disruptions)
      line({r.range.from, r.range.to, csv_field(d.resource), csv_field(d.name_id), csv_field(d.name_en),
            std::to_string(d.count), std::to_string(d.down_s), std::to_string(d.degraded_s),
            std::to_string(d.down_s + d.degraded_s)});
    return out;
  }
  const std::vector<GroupRow>& rows = table == "services" ? r.services : table == "lokets" ? r.lokets : r.staff;
  line({"from", "to", table == "services" ? "service" : table == "lokets" ? "loket" : "staff", "name_id", "name_en",
        "issued", "refused", "refused_quota", "called", "served", "no_show", "cancelled", "transferred_out",
        "unfinished", "wait_mean_s", "wait_p90_s", "service_mean_s", "service_p90_s"});
  auto emit = [&](const GroupRow& x) {
    line({r.range.from, r.range.to, csv_field(x.key), csv_field(x.name_id), csv_field(x.name_en), num(x.issued),
          num(x.refused), num(x.refused_quota), std::to_string(x.called), std::to_string(x.served),
          std::to_string(x.no_show), std::to_string(x.cancelled), std::to_string(x.transferred_out),
          std::to_string(x.unfinished), num(x.wait.mean_s), num(x.wait.p90_s), num(x.service.mean_s),
          num(x.service.p90_s)});
  };
  for (const GroupRow& x : rows) emit(x);
  if (table == "services") emit(r.totals);
  return out;
}

}  // namespace antrian::web
