#include "antrian/comeback.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <cmath>

#include "antrian/capacity.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
#include "antrian/planned_capacity.h"
#include "antrian/protocol.h"
#include "antrian/queue_rules.h"
#include "antrian/service_health.h"

namespace antrian {

using json = nlohmann::json;

namespace {

constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kDayMs = 24 * 60 * kMinuteMs;

template <class T>
T opt(const json& j, const char* k, T fallback) {
  auto it = j.find(k);
  return it == j.end() || it->is_null() ? fallback : it->get<T>();
}

}  // namespace

json to_json(const ComebackEntry& e, bool with_code) {
  json j = {{"id", e.id},
            {"service", e.service},
            {"via", e.via},
            {"joined_at", e.joined_at},
            {"from_ticket", e.from_ticket},
            {"state", e.state},
            {"batch", e.batch},
            {"invited_at", e.invited_at},
            {"window_from", e.window_from},
            {"window_until", e.window_until},
            {"ticket_id", e.ticket_id},
            {"ended_at", e.ended_at}};
  if (with_code) j["code"] = e.code;
  return j;
}

ComebackEntry comeback_from_json(const json& j) {
  ComebackEntry e;
  e.id = j.at("id").get<int64_t>();
  e.code = opt<std::string>(j, "code", "");
  e.service = j.at("service").get<std::string>();
  e.via = opt<std::string>(j, "via", "kiosk");
  e.joined_at = opt<int64_t>(j, "joined_at", 0);
  e.from_ticket = opt<int64_t>(j, "from_ticket", 0);
  e.state = opt<std::string>(j, "state", "waiting");
  e.batch = opt<int>(j, "batch", 0);
  e.invited_at = opt<int64_t>(j, "invited_at", 0);
  e.window_from = opt<int64_t>(j, "window_from", 0);
  e.window_until = opt<int64_t>(j, "window_until", 0);
  e.ticket_id = opt<int64_t>(j, "ticket_id", 0);
  e.ended_at = opt<int64_t>(j, "ended_at", 0);
  return e;
}

std::string new_comeback_code(const OfficeState& s) {
  for (;;) {
    std::string code;
    for (std::size_t i = 0; i < kComebackCodeLength; ++i)
      code += kComebackAlphabet[randombytes_uniform(static_cast<uint32_t>(kComebackAlphabet.size()))];
    // 31^6 codes: a clash with a code the state still holds is rare; draw again then.
    const bool used = std::any_of(s.comeback.begin(), s.comeback.end(),
                                  [&code](const auto& kv) { return kv.second.code == code; });
    if (!used) return code;
  }
}

std::optional<std::string> normalize_comeback_code(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;  // "K7M-2QX" as printed, "K7M 2QX" as read aloud
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kComebackAlphabet.find(up) == std::string_view::npos) return std::nullopt;
    out += up;
  }
  if (out.size() != kComebackCodeLength) return std::nullopt;
  return out;
}

bool comeback_can_join(const OfficeState& s, const std::string& service, int64_t now_ms) {
  auto svc = s.services.find(service);
  if (svc == s.services.end()) return false;
  if (!svc->second.enabled || service_health(s, service).status == ServiceStatus::halted) return true;
  const CapacityLeft left = tickets_left_today(s, service, now_ms);
  return left.tickets && *left.tickets <= 0;
}

std::vector<const ComebackEntry*> comeback_waiting(const OfficeState& s, const std::string& service) {
  std::vector<const ComebackEntry*> out;
  for (const auto& [_, e] : s.comeback)
    if (e.service == service && e.state == "waiting") out.push_back(&e);
  std::sort(out.begin(), out.end(), [](const ComebackEntry* a, const ComebackEntry* b) {
    return a->joined_at != b->joined_at ? a->joined_at < b->joined_at : a->id < b->id;
  });
  return out;
}

int comeback_position(const OfficeState& s, const ComebackEntry& e) {
  int position = 1;
  for (const ComebackEntry* x : comeback_waiting(s, e.service))
    if (x->id != e.id && (x->joined_at < e.joined_at || (x->joined_at == e.joined_at && x->id < e.id))) ++position;
  return position;
}

ComebackCounts comeback_counts(const OfficeState& s, const std::string& service) {
  ComebackCounts c;
  for (const auto& [_, e] : s.comeback) {
    if (e.service != service) continue;
    if (e.state == "waiting") ++c.waiting;
    else if (e.state == "invited") ++c.invited;
    else if (e.state == "came") ++c.came;
    else if (e.state == "expired") ++c.expired;
  }
  return c;
}

json comeback_counts_json(const OfficeState& s) {
  json out = json::object();
  for (const auto& [code, _] : s.services) {
    const ComebackCounts c = comeback_counts(s, code);
    out[code] = {{"waiting", c.waiting}, {"invited", c.invited}, {"came", c.came}, {"expired", c.expired}};
  }
  return out;
}

std::optional<InvitationPlan> plan_invitations(const OfficeState& s, const std::string& service, int64_t now_ms) {
  auto svc = s.services.find(service);
  if (svc == s.services.end() || !svc->second.enabled) return std::nullopt;
  if (service_health(s, service).status == ServiceStatus::halted) return std::nullopt;
  const int on_list = static_cast<int>(comeback_waiting(s, service).size());
  if (on_list == 0) return std::nullopt;
  // One batch at a time: the next is sized once the last one's window has ended and
  // the room it used is known.
  for (const auto& [_, e] : s.comeback)
    if (e.service == service && e.state == "invited" && e.window_until > now_ms) return std::nullopt;

  const OfficeCalendar cal(s);
  const int64_t window = kComebackWindowMinutes * kMinuteMs;
  // What the day's planned lokets can serve in [from, until): the same planned
  // capacity the kiosk's "numbers left" comes from, never a figure of its own.
  auto servable_between = [&s, &service](int64_t day_now, int64_t from, int64_t until) -> std::optional<double> {
    auto all = planned_servable(s, service, day_now, from);
    auto after = planned_servable(s, service, day_now, until);
    if (!all || !after) return std::nullopt;
    return std::max(0.0, *all - *after);
  };
  const int waiting_walk_ins = static_cast<int>(waiting_in_service(s, service).size());

  const IssuingStatus st = cal.issuing(service, now_ms);
  int64_t next_from = 0;
  if (st.open) {
    int64_t until = now_ms + window;
    if (st.until_ms) until = std::min(until, *st.until_ms);
    const CapacityLeft left = tickets_left_today(s, service, now_ms);
    if (left.tickets && *left.tickets <= 0) {
      next_from = cal.day_at(now_ms).midnight_ms + kDayMs;  // today is full: the next office day
    } else {
      auto room = servable_between(now_ms, now_ms, until);
      if (!room) return std::nullopt;
      // Those already in line are served in the same window.
      int n = static_cast<int>(std::floor(*room + 1e-9)) - waiting_walk_ins;
      if (left.tickets) n = std::min(n, *left.tickets);
      n = std::min(n, on_list);
      if (n < 1) return std::nullopt;  // the window is full: try again as the line moves
      return InvitationPlan{n, now_ms, until, false};
    }
  } else {
    next_from = now_ms;  // before opening, a break, after the cutoff, a holiday
  }
  const auto from = cal.next_issuing_at(service, next_from);
  if (!from) return std::nullopt;
  const IssuingStatus then = cal.issuing(service, *from);
  int64_t until = *from + window;
  if (then.until_ms) until = std::min(until, *then.until_ms);
  auto room = servable_between(*from, *from, until);
  if (!room) return std::nullopt;
  int n = static_cast<int>(std::floor(*room + 1e-9));
  if (cal.day_at(*from).date == s.day) n -= waiting_walk_ins;
  if (svc->second.daily_quota > 0) n = std::min(n, svc->second.daily_quota);
  if (auto cards = blangko_unpromised(s, service)) n = std::min(n, *cards);
  n = std::min(n, on_list);
  if (n < 1) return std::nullopt;
  const bool later_day = cal.day_at(*from).date != cal.day_at(now_ms).date;
  return InvitationPlan{n, *from, until, later_day};
}

std::vector<Event> comeback_tick_events(const OfficeState& s, int64_t now_ms) {
  std::vector<Event> out;
  json expired = json::array();
  for (const auto& [_, e] : s.comeback)
    if (e.state == "invited" && now_ms >= e.window_until) {
      ComebackEntry x = e;
      x.state = "expired";
      x.ended_at = now_ms;
      expired.push_back(to_json(x, true));
    }
  auto event = [now_ms](std::string_view type, json data) {
    Event ev;
    ev.at = now_ms;
    ev.type = std::string(type);
    ev.actor = "hub";
    ev.data = std::move(data);
    return ev;
  };
  if (!expired.empty())
    out.push_back(event(proto::ev::comeback_expired, {{"count", expired.size()}, {"comeback", expired}}));
  for (const auto& [code, _] : s.services) {
    const auto plan = plan_invitations(s, code, now_ms);
    if (!plan) continue;
    int batch = 0;
    for (const auto& [id, e] : s.comeback)
      if (e.service == code) batch = std::max(batch, e.batch);
    ++batch;
    json invited = json::array();
    const auto waiting = comeback_waiting(s, code);
    for (int i = 0; i < plan->count; ++i) {
      ComebackEntry x = *waiting[std::size_t(i)];
      x.state = "invited";
      x.batch = batch;
      x.invited_at = now_ms;
      x.window_from = plan->window_from;
      x.window_until = plan->window_until;
      invited.push_back(to_json(x, true));
    }
    out.push_back(event(proto::ev::comeback_invited,
                        {{"service", code},
                         {"batch", batch},
                         {"count", plan->count},
                         {"window_from", plan->window_from},
                         {"window_until", plan->window_until},
                         {"next_day", plan->next_day},
                         {"comeback", invited}}));
  }
  return out;
}

std::string comeback_window_text(const ComebackEntry& e, int64_t now_ms, int offset_hours, Lang lang) {
  const LocalTime w = to_local(e.window_from, offset_hours);
  const LocalTime n = to_local(now_ms, offset_hours);
  const int64_t days = (local_midnight_ms(w.year, w.month, w.day, offset_hours) -
                        local_midnight_ms(n.year, n.month, n.day, offset_hours)) /
                       kDayMs;
  std::string day;
  if (days <= 0) day = std::string(tr("calendar.today", lang));
  else if (days == 1) day = std::string(tr("calendar.tomorrow", lang));
  else day = lang == Lang::id ? format_long_date_id(e.window_from, offset_hours)
                              : format_long_date_en(e.window_from, offset_hours);
  return trf("comeback.window", lang,
             {format_hhmm(e.window_from, offset_hours), format_hhmm(e.window_until, offset_hours), day});
}

}  // namespace antrian
