#include "antrian/office_calendar.h"

#include <algorithm>
#include <cstdio>

#include "antrian/model.h"
#include "antrian/office_time.h"

namespace antrian {
namespace {

using json = nlohmann::json;
constexpr int64_t kMinute = 60'000;
constexpr int64_t kDay = 86'400'000;
constexpr const char* kDayKeys[] = {"sun", "mon", "tue", "wed", "thu", "fri", "sat"};

Error cal_error(const std::string& where, const std::string& what) {
  return make_error("bad_config", where + ": " + what);
}

bool parse_weekday(const std::string& text, int& out) {
  for (int i = 0; i < 7; ++i)
    if (text == kDayKeys[i]) return out = i, true;
  return false;
}

// "08:00-15:00" or "closed".
Result<DayHours> parse_day_hours(const json& j, const std::string& where) {
  DayHours d;
  if (j.is_null() || (j.is_string() && j.get<std::string>() == "closed")) return d;
  if (!j.is_string()) return cal_error(where, "must be \"HH:MM-HH:MM\" or \"closed\"");
  const std::string text = j.get<std::string>();
  const auto dash = text.find('-');
  if (dash == std::string::npos || !parse_hhmm(text.substr(0, dash), d.open_min) ||
      !parse_hhmm(text.substr(dash + 1), d.close_min))
    return cal_error(where, "must be \"HH:MM-HH:MM\" or \"closed\", not \"" + text + "\"");
  if (d.close_min <= d.open_min) return cal_error(where, "closing must be after opening in \"" + text + "\"");
  return d;
}

std::string weekday_name(int weekday, Lang lang) {
  static constexpr const char* id[] = {"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"};
  static constexpr const char* en[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
  return lang == Lang::id ? id[weekday] : en[weekday];
}

}  // namespace

bool parse_hhmm(std::string_view text, int& minutes) {
  if (text.size() != 5 || text[2] != ':') return false;
  for (int i : {0, 1, 3, 4})
    if (text[i] < '0' || text[i] > '9') return false;
  const int h = (text[0] - '0') * 10 + (text[1] - '0'), m = (text[3] - '0') * 10 + (text[4] - '0');
  if (h > 24 || m > 59 || (h == 24 && m != 0)) return false;
  minutes = h * 60 + m;
  return true;
}

std::string hhmm(int minutes) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", minutes / 60 % 100, minutes % 60);
  return buf;
}

bool valid_date(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  for (int i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (t[i] < '0' || t[i] > '9') return false;
  const int y = std::stoi(std::string(t.substr(0, 4))), m = std::stoi(std::string(t.substr(5, 2))),
            d = std::stoi(std::string(t.substr(8, 2)));
  if (y < 2000 || m < 1 || m > 12 || d < 1) return false;
  // The date must survive a round trip (no 31 February).
  return business_day(local_midnight_ms(y, m, d, 0), 0) == t;
}

Result<OfficeHours> office_hours_from_json(const json& office) {
  OfficeHours h;
  if (!office.contains("hours")) {
    const int open = office.value("opening_hour", 8), close = office.value("closing_hour", 15);
    for (int wd = 1; wd <= 5; ++wd) h.week[wd] = {open * 60, close * 60};
  } else {
    const json& hours = office["hours"];
    if (!hours.is_object()) return cal_error("office.hours", "must be an object like {\"mon\": \"08:00-15:00\", ...}");
    for (const auto& [key, value] : hours.items()) {
      int wd = 0;
      if (!parse_weekday(key, wd))
        return cal_error("office.hours." + key, "unknown day (sun, mon, tue, wed, thu, fri, sat)");
      auto d = parse_day_hours(value, "office.hours." + key);
      if (!d) return d.error();
      h.week[wd] = *d;
    }
  }
  const json breaks = office.value("breaks", json::array());
  if (!breaks.is_array()) return cal_error("office.breaks", "must be a list");
  for (size_t i = 0; i < breaks.size(); ++i) {
    const std::string where = "office.breaks[" + std::to_string(i) + "]";
    const json& b = breaks[i];
    if (!b.is_object()) return cal_error(where, "must be an object with days, from, to");
    BreakTime bt;
    const json days = b.value("days", json::array());
    if (!days.is_array() || days.empty()) return cal_error(where + ".days", "must list days, e.g. [\"fri\"]");
    for (const json& d : days) {
      int wd = 0;
      if (!d.is_string() || !parse_weekday(d.get<std::string>(), wd))
        return cal_error(where + ".days", "unknown day " + d.dump() + " (sun, mon, tue, wed, thu, fri, sat)");
      bt.days[wd] = true;
    }
    if (!b.contains("from") || !b["from"].is_string() || !parse_hhmm(b["from"].get<std::string>(), bt.from_min))
      return cal_error(where + ".from", "must be \"HH:MM\"");
    if (!b.contains("to") || !b["to"].is_string() || !parse_hhmm(b["to"].get<std::string>(), bt.to_min))
      return cal_error(where + ".to", "must be \"HH:MM\"");
    if (bt.to_min <= bt.from_min) return cal_error(where, "\"to\" must be after \"from\"");
    bt.name_id = b.value("name_id", std::string("Istirahat"));
    bt.name_en = b.value("name_en", std::string("Break"));
    bt.issuing = b.value("issuing", false);
    h.breaks.push_back(bt);
  }
  if (office.contains("last_ticket_minutes")) {
    const json& m = office["last_ticket_minutes"];
    if (!m.is_number_integer() || m.get<int64_t>() < 0 || m.get<int64_t>() > 600)
      return cal_error("office.last_ticket_minutes", "must be a whole number of minutes, 0..600");
    h.last_ticket_minutes = m.get<int>();
  }
  return h;
}

json to_json(const OfficeHours& h) {
  json hours = json::object();
  for (int wd = 0; wd < 7; ++wd)
    hours[kDayKeys[wd]] = h.week[wd].is_open() ? hhmm(h.week[wd].open_min) + "-" + hhmm(h.week[wd].close_min) : "closed";
  json breaks = json::array();
  for (const BreakTime& b : h.breaks) {
    json days = json::array();
    for (int wd = 0; wd < 7; ++wd)
      if (b.days[wd]) days.push_back(kDayKeys[wd]);
    breaks.push_back({{"days", days}, {"from", hhmm(b.from_min)}, {"to", hhmm(b.to_min)},
                      {"name_id", b.name_id}, {"name_en", b.name_en}, {"issuing", b.issuing}});
  }
  return {{"hours", hours}, {"breaks", breaks}, {"last_ticket_minutes", h.last_ticket_minutes}};
}

Result<Closure> closure_from_json(const json& j, const std::string& where) {
  Closure c;
  if (j.is_string()) {
    c.date = j.get<std::string>();
  } else if (j.is_object() && j.contains("date") && j["date"].is_string()) {
    c.date = j["date"].get<std::string>();
    const json kind = j.value("kind", json("holiday"));
    if (!kind.is_string() || (kind != "holiday" && kind != "closure"))
      return cal_error(where + ".kind", "must be \"holiday\" or \"closure\"");
    c.kind = kind.get<std::string>();
    for (const char* f : {"reason_id", "reason_en"})
      if (j.contains(f) && (!j[f].is_string() || j[f].get<std::string>().size() > 200))
        return cal_error(where + "." + f, "must be text of at most 200 characters");
    c.reason_id = j.value("reason_id", std::string());
    c.reason_en = j.value("reason_en", c.reason_id);
  } else {
    return cal_error(where, "must be a date \"YYYY-MM-DD\" or {\"date\": ..., \"reason_id\": ...}");
  }
  if (!valid_date(c.date)) return cal_error(where + ".date", "must be a real date written YYYY-MM-DD, not \"" + c.date + "\"");
  return c;
}

json to_json(const Closure& c) {
  return {{"date", c.date}, {"kind", c.kind}, {"reason_id", c.reason_id}, {"reason_en", c.reason_en}};
}

std::string_view to_string(IssuingClosed c) {
  switch (c) {
    case IssuingClosed::none: return "open";
    case IssuingClosed::day_off: return "day_off";
    case IssuingClosed::holiday: return "holiday";
    case IssuingClosed::before_opening: return "before_opening";
    case IssuingClosed::on_break: return "on_break";
    case IssuingClosed::service_window: return "service_window";
    case IssuingClosed::cutoff: return "cutoff";
    case IssuingClosed::after_closing: return "after_closing";
    case IssuingClosed::service_off: return "service_off";
  }
  return "open";
}

OfficeCalendar::OfficeCalendar(const OfficeState& s) : s_(s) {
  if (!timezone_offset_hours(s.office.timezone, offset_)) offset_ = 7;
}

OfficeCalendar::Day OfficeCalendar::day_at(int64_t t) const {
  Day d;
  const LocalTime lt = to_local(t, offset_);
  d.date = business_day(t, offset_);
  d.weekday = lt.weekday;
  d.midnight_ms = local_midnight_ms(lt.year, lt.month, lt.day, offset_);
  d.open_ms = d.close_ms = d.midnight_ms;
  if (auto c = s_.closures.find(d.date); c != s_.closures.end()) d.closure = &c->second;
  const DayHours& h = s_.office.hours.week[d.weekday];
  d.open = h.is_open() && !d.closure;
  if (!d.open) return d;
  d.open_ms = d.midnight_ms + h.open_min * kMinute;
  d.close_ms = d.midnight_ms + h.close_min * kMinute;
  for (const BreakTime& b : s_.office.hours.breaks) {
    if (!b.days[d.weekday]) continue;
    const int64_t from = std::max(d.open_ms, d.midnight_ms + b.from_min * kMinute);
    const int64_t to = std::min(d.close_ms, d.midnight_ms + b.to_min * kMinute);
    if (to > from) d.breaks.emplace_back(from, to);
  }
  std::sort(d.breaks.begin(), d.breaks.end());
  return d;
}

bool OfficeCalendar::office_open(int64_t t) const {
  const Day d = day_at(t);
  if (!d.open || t < d.open_ms || t >= d.close_ms) return false;
  for (const auto& [from, to] : d.breaks)
    if (t >= from && t < to) return false;
  return true;
}

std::optional<int64_t> OfficeCalendar::closing_today(int64_t t) const {
  const Day d = day_at(t);
  if (!d.open) return std::nullopt;
  return d.close_ms;
}

std::vector<std::pair<int64_t, int64_t>> OfficeCalendar::issuing_intervals(const Day& d,
                                                                          const std::string& service) const {
  std::vector<std::pair<int64_t, int64_t>> out;
  if (!d.open) return out;
  int64_t from = d.open_ms;
  int64_t to = d.close_ms - s_.office.hours.last_ticket_minutes * kMinute;
  if (auto svc = s_.services.find(service); svc != s_.services.end()) {
    if (svc->second.issuing_from_min >= 0) from = std::max(from, d.midnight_ms + svc->second.issuing_from_min * kMinute);
    if (svc->second.issuing_until_min >= 0) to = std::min(to, d.midnight_ms + svc->second.issuing_until_min * kMinute);
  }
  if (to <= from) return out;
  std::vector<std::pair<int64_t, int64_t>> pauses;
  for (const BreakTime& b : s_.office.hours.breaks)
    if (b.days[d.weekday] && !b.issuing)
      pauses.emplace_back(d.midnight_ms + b.from_min * kMinute, d.midnight_ms + b.to_min * kMinute);
  std::sort(pauses.begin(), pauses.end());
  int64_t cursor = from;
  for (const auto& [bf, bt] : pauses) {
    if (bt <= cursor || bf >= to) continue;
    if (bf > cursor) out.emplace_back(cursor, bf);
    cursor = std::max(cursor, bt);
  }
  if (cursor < to) out.emplace_back(cursor, to);
  return out;
}

std::optional<int64_t> OfficeCalendar::next_issuing_at(const std::string& service, int64_t t) const {
  auto svc = s_.services.find(service);
  if (svc != s_.services.end() && !svc->second.enabled) return std::nullopt;  // until an admin switches it on
  // Day by day from today: a year covers every holiday list and weekly pattern.
  int64_t probe = t;
  for (int i = 0; i < 370; ++i, probe = day_at(probe).midnight_ms + kDay) {
    for (const auto& [from, to] : issuing_intervals(day_at(probe), service))
      if (t < to) return std::max(t, from);
  }
  return std::nullopt;
}

IssuingStatus OfficeCalendar::issuing(const std::string& service, int64_t t) const {
  IssuingStatus st;
  auto svc = s_.services.find(service);
  if (svc != s_.services.end() && !svc->second.enabled) {
    st.why = IssuingClosed::service_off;
    return st;
  }
  const Day d = day_at(t);
  for (const auto& [from, to] : issuing_intervals(d, service))
    if (t >= from && t < to) {
      st.open = true;
      st.until_ms = to;
      return st;
    }
  st.next_open_ms = next_issuing_at(service, t);
  if (d.closure) {
    st.why = IssuingClosed::holiday;
    st.reason_id = d.closure->reason_id;
    st.reason_en = d.closure->reason_en;
  } else if (!d.open) {
    st.why = IssuingClosed::day_off;
  } else if (t < d.open_ms) {
    st.why = IssuingClosed::before_opening;
  } else if (t >= d.close_ms) {
    st.why = IssuingClosed::after_closing;
  } else {
    st.why = IssuingClosed::cutoff;
    const Service* sv = svc == s_.services.end() ? nullptr : &svc->second;
    if (sv && ((sv->issuing_from_min >= 0 && t < d.midnight_ms + sv->issuing_from_min * kMinute) ||
               (sv->issuing_until_min >= 0 && t >= d.midnight_ms + sv->issuing_until_min * kMinute)))
      st.why = IssuingClosed::service_window;
    for (const BreakTime& b : s_.office.hours.breaks)
      if (b.days[d.weekday] && !b.issuing && t >= d.midnight_ms + b.from_min * kMinute &&
          t < d.midnight_ms + b.to_min * kMinute) {
        st.why = IssuingClosed::on_break;
        st.reason_id = b.name_id;
        st.reason_en = b.name_en;
      }
  }
  return st;
}

double OfficeCalendar::remaining_open_minutes(int counter, int64_t t) const {
  if (!s_.counters.count(counter)) return 0;
  const Day d = day_at(t);
  if (!d.open || t >= d.close_ms) return 0;
  const int64_t from = std::max(t, d.open_ms);
  int64_t ms = d.close_ms - from;
  for (const auto& [bf, bt] : d.breaks) ms -= std::max<int64_t>(0, std::min(bt, d.close_ms) - std::max(bf, from));
  return std::max<int64_t>(0, ms) / double(kMinute);
}

std::string format_next_opening(int64_t next_ms, int64_t now_ms, int offset_hours, Lang lang) {
  const LocalTime n = to_local(next_ms, offset_hours);
  const int64_t days = (local_midnight_ms(n.year, n.month, n.day, offset_hours) -
                        [&] { const LocalTime c = to_local(now_ms, offset_hours);
                              return local_midnight_ms(c.year, c.month, c.day, offset_hours); }()) / kDay;
  const std::string time = format_hhmm(next_ms, offset_hours);
  std::string day;
  if (days <= 0) day = std::string(tr("calendar.today", lang));
  else if (days == 1) day = std::string(tr("calendar.tomorrow", lang));
  else if (days < 7) day = weekday_name(n.weekday, lang);
  else day = lang == Lang::id ? format_long_date_id(next_ms, offset_hours) : format_long_date_en(next_ms, offset_hours);
  return trf("calendar.day_at_time", lang, {day, time});
}

std::string issuing_closed_text(std::string_view why, const std::string& name, Lang lang) {
  const std::string key = "calendar.closed." + std::string(why);
  if (!has_string(key)) return {};
  if (why == "holiday" || why == "on_break") {
    if (name.empty()) return std::string(tr(why == "holiday" ? "calendar.closed.day_off" : "calendar.closed.on_break_plain", lang));
    return trf(key, lang, {name});
  }
  return std::string(tr(key, lang));
}

}  // namespace antrian
