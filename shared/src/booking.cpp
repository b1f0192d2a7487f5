// Bookings' rules (booking.h): the config, the slots a date offers, codes, and
// whether a wish fits. The commands that use them are in commands_booking.cpp and,
// for the personal data, the hub's booking desk.
#include "antrian/booking.h"

#include <sodium.h>

#include <algorithm>
#include <set>

#include "antrian/comeback.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
#include "antrian/protocol.h"
#include "antrian/secrets.h"

namespace antrian {
namespace {

using json = nlohmann::json;
constexpr int64_t kMinuteMs = 60'000;
constexpr int64_t kDayMs = 86'400'000;

Error rules_error(const std::string& field, const std::string& what) {
  return make_error(std::string(proto::err::bad_request), "booking." + field + ": " + what);
}

int offset_of(const OfficeState& s) {
  int h = 7;
  timezone_offset_hours(s.office.timezone, h);
  return h;
}

std::optional<int64_t> midnight_of(const std::string& date, int offset) {
  if (!valid_date(date)) return std::nullopt;
  return local_midnight_ms(std::stoi(date.substr(0, 4)), std::stoi(date.substr(5, 2)), std::stoi(date.substr(8, 2)),
                           offset);
}

bool holds_place(const Booking& b) { return b.state == "booked" || b.state == "checked_in"; }

Error booking_error(std::string_view code, const std::string& reason) { return make_error(std::string(code), reason); }

}  // namespace

Result<BookingRules> booking_rules_from_json(const json& j) {
  BookingRules r;
  if (!j.is_object()) return rules_error("", "must be an object like {\"enabled\": true, \"slot_capacity\": 8}");
  static const std::set<std::string> known = {"enabled",   "days_ahead", "slot_minutes",     "slot_capacity",
                                              "walk_in_percent", "checkin_open_minutes", "grace_minutes",
                                              "late_rule"};
  for (const auto& [key, _] : j.items())
    if (!known.count(key))
      return rules_error(key, "unknown field (it takes enabled, days_ahead, slot_minutes, slot_capacity, "
                              "walk_in_percent, checkin_open_minutes, grace_minutes, late_rule)");
  if (j.contains("enabled")) {
    if (!j["enabled"].is_boolean()) return rules_error("enabled", "must be true or false");
    r.enabled = j["enabled"].get<bool>();
  }
  struct IntField {
    const char* name;
    int* field;
    int min, max;
  };
  for (const IntField& f : {IntField{"days_ahead", &r.days_ahead, 0, 60}, {"slot_minutes", &r.slot_minutes, 10, 240},
                            {"slot_capacity", &r.slot_capacity, 1, 500}, {"walk_in_percent", &r.walk_in_percent, 0, 95},
                            {"checkin_open_minutes", &r.checkin_open_min, 0, 240},
                            {"grace_minutes", &r.grace_min, 0, 120}}) {
    if (!j.contains(f.name)) continue;
    const json& v = j[f.name];
    if (!v.is_number_integer() || v.get<int64_t>() < f.min || v.get<int64_t>() > f.max)
      return rules_error(f.name, "must be a whole number from " + std::to_string(f.min) + " to " + std::to_string(f.max));
    *f.field = v.get<int>();
  }
  if (j.contains("late_rule")) {
    if (!j["late_rule"].is_string() ||
        (j["late_rule"].get<std::string>() != "keep_place" && j["late_rule"].get<std::string>() != "as_walk_in"))
      return rules_error("late_rule", "must be \"keep_place\" (a late arrival within the grace keeps the slot's "
                                      "place) or \"as_walk_in\" (queues from the time it checks in)");
    r.late_rule = j["late_rule"].get<std::string>();
  }
  if (r.enabled && !j.contains("slot_capacity"))
    return rules_error("slot_capacity", "missing: how many applicants the service serves in one slot");
  if (r.enabled && r.slot_capacity * (100 - r.walk_in_percent) / 100 < 1)
    return rules_error("walk_in_percent", "leaves no bookable place in a slot of " + std::to_string(r.slot_capacity) +
                                              ": lower it or raise slot_capacity");
  return r;
}

json to_json(const BookingRules& r) {
  return {{"enabled", r.enabled},           {"days_ahead", r.days_ahead},
          {"slot_minutes", r.slot_minutes}, {"slot_capacity", r.slot_capacity},
          {"walk_in_percent", r.walk_in_percent}, {"checkin_open_minutes", r.checkin_open_min},
          {"grace_minutes", r.grace_min},   {"late_rule", r.late_rule}};
}

json to_json(const Booking& b, bool with_secrets) {
  json j = {{"id", b.id},           {"service", b.service},       {"date", b.date},
            {"slot", hhmm(b.slot_min)}, {"slot_min", b.slot_min},  {"slot_len", b.slot_len},
            {"state", b.state},     {"created_at", b.created_at}, {"ended_at", b.ended_at},
            {"ticket_id", b.ticket_id}, {"moved_from", b.moved_from}, {"cancelled_by", b.cancelled_by}};
  if (with_secrets) {
    j["code"] = b.code;
    j["token"] = b.token;
  }
  return j;
}

Booking booking_from_json(const json& j) {
  Booking b;
  b.id = j.at("id").get<int64_t>();
  b.code = j.value("code", "");
  b.token = j.value("token", "");
  b.service = j.at("service").get<std::string>();
  b.date = j.at("date").get<std::string>();
  b.slot_min = j.value("slot_min", 0);
  b.slot_len = j.value("slot_len", 60);
  b.state = j.value("state", "booked");
  b.created_at = j.value("created_at", int64_t(0));
  b.ended_at = j.value("ended_at", int64_t(0));
  b.ticket_id = j.value("ticket_id", int64_t(0));
  b.moved_from = j.value("moved_from", "");
  b.cancelled_by = j.value("cancelled_by", "");
  return b;
}

std::string new_booking_code(const OfficeState& s) {
  if (sodium_init() < 0) return {};
  for (;;) {
    std::string code;
    for (std::size_t i = 0; i < kBookingCodeLength; ++i)
      code += kComebackAlphabet[randombytes_uniform(static_cast<uint32_t>(kComebackAlphabet.size()))];
    // 31^8 codes: a clash with a code the state holds is very rare; draw again then.
    const bool used = std::any_of(s.bookings.begin(), s.bookings.end(),
                                  [&code](const auto& kv) { return kv.second.code == code; });
    if (!used) return code;
  }
}

std::optional<std::string> normalize_booking_code(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ' ' || c == '-') continue;
    const char up = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    if (kComebackAlphabet.find(up) == std::string_view::npos) return std::nullopt;
    out += up;
  }
  if (out.size() != kBookingCodeLength) return std::nullopt;
  return out;
}

std::vector<BookingSlot> booking_slots(const OfficeState& s, const std::string& service, const std::string& date) {
  std::vector<BookingSlot> out;
  auto svc = s.services.find(service);
  if (svc == s.services.end() || !svc->second.booking.enabled) return out;
  const BookingRules& r = svc->second.booking;
  const int offset = offset_of(s);
  auto midnight = midnight_of(date, offset);
  if (!midnight) return out;
  const OfficeCalendar cal(s);
  const OfficeCalendar::Day d = cal.day_at(*midnight + 12 * 60 * kMinuteMs);
  if (!d.open) return out;
  int64_t from = d.open_ms, until = d.close_ms;
  if (svc->second.issuing_from_min >= 0) from = std::max(from, *midnight + svc->second.issuing_from_min * kMinuteMs);
  if (svc->second.issuing_until_min >= 0) until = std::min(until, *midnight + svc->second.issuing_until_min * kMinuteMs);
  const int64_t len = r.slot_minutes * kMinuteMs;
  for (int64_t t = from; t + len <= until; t += len) {
    // A slot that runs into a break (the Friday prayer) is not offered.
    const bool in_break = std::any_of(d.breaks.begin(), d.breaks.end(),
                                      [t, len](const auto& b) { return t < b.second && t + len > b.first; });
    if (in_break) continue;
    BookingSlot slot;
    slot.start_ms = t;
    slot.from_min = int((t - *midnight) / kMinuteMs);
    slot.until_min = slot.from_min + r.slot_minutes;
    slot.capacity = r.slot_capacity * (100 - r.walk_in_percent) / 100;
    out.push_back(slot);
  }
  for (const auto& [_, b] : s.bookings)
    if (b.service == service && b.date == date && holds_place(b))
      for (BookingSlot& slot : out)
        if (slot.from_min == b.slot_min) ++slot.taken;
  return out;
}

std::optional<int> booking_day_limit(const Service& svc) {
  if (svc.daily_quota <= 0) return std::nullopt;
  return svc.daily_quota * (100 - svc.booking.walk_in_percent) / 100;
}

int bookings_taken(const OfficeState& s, const std::string& service, const std::string& date) {
  int n = 0;
  for (const auto& [_, b] : s.bookings)
    if (b.service == service && b.date == date && holds_place(b)) ++n;
  return n;
}

std::vector<std::string> bookable_dates(const OfficeState& s, const std::string& service, int64_t now_ms) {
  std::vector<std::string> out;
  auto svc = s.services.find(service);
  if (svc == s.services.end() || !svc->second.booking.enabled || !svc->second.enabled) return out;
  const int offset = offset_of(s);
  for (int i = 0; i <= svc->second.booking.days_ahead; ++i) {
    const std::string date = business_day(now_ms + i * kDayMs, offset);
    for (const BookingSlot& slot : booking_slots(s, service, date))
      if (slot.start_ms > now_ms) {
        out.push_back(date);
        break;
      }
  }
  return out;
}

Result<Booking> plan_booking(const OfficeState& s, const std::string& service, const std::string& date,
                             const std::string& slot_text, int64_t now_ms) {
  auto svc = s.services.find(service);
  if (svc == s.services.end())
    return booking_error(proto::err::not_found, "there is no service \"" + service + "\"");
  const Service& sv = svc->second;
  if (!sv.booking.enabled) return booking_error(proto::err::illegal_state, sv.name_en + " takes no bookings");
  if (!sv.enabled) return booking_error(proto::err::illegal_state, sv.name_en + " is switched off: no bookings now");
  if (!valid_date(date))
    return booking_error(proto::err::bad_request, "args.date: must be a real date written YYYY-MM-DD, not \"" +
                                                      date.substr(0, 20) + "\"");
  const int offset = offset_of(s);
  const std::string today = business_day(now_ms, offset);
  const std::string last = business_day(now_ms + sv.booking.days_ahead * kDayMs, offset);
  if (date < today) return booking_error(proto::err::illegal_state, date + " has passed");
  if (date > last)
    return booking_error(proto::err::illegal_state, sv.name_en + " is booked at most " +
                                                        std::to_string(sv.booking.days_ahead) +
                                                        " days ahead (until " + last + ")");
  const std::vector<BookingSlot> slots = booking_slots(s, service, date);
  if (slots.empty()) {
    const OfficeCalendar::Day d = OfficeCalendar(s).day_at(*midnight_of(date, offset) + 12 * 60 * kMinuteMs);
    return booking_error(proto::err::office_closed,
                         "the office is closed on " + date +
                             (d.closure && !d.closure->reason_en.empty() ? " (" + d.closure->reason_en + ")" : ""));
  }
  int minutes = 0;
  if (!parse_hhmm(slot_text, minutes))
    return booking_error(proto::err::bad_request, "args.slot: must be the slot's start written HH:MM, like 09:00");
  auto slot = std::find_if(slots.begin(), slots.end(), [minutes](const BookingSlot& x) { return x.from_min == minutes; });
  if (slot == slots.end()) {
    std::string list;
    for (const BookingSlot& x : slots) list += (list.empty() ? "" : ", ") + hhmm(x.from_min);
    return booking_error(proto::err::bad_request, "args.slot: no slot starts at " + hhmm(minutes) + " on " + date +
                                                      " (slots: " + list + ")");
  }
  if (slot->start_ms <= now_ms)
    return booking_error(proto::err::illegal_state, "the " + hhmm(minutes) + " slot of " + date + " has begun");
  if (slot->free() <= 0)
    return booking_error(proto::err::quota_exhausted, "the " + hhmm(minutes) + " slot of " + date + " is full (" +
                                                          std::to_string(slot->capacity) +
                                                          " bookable places): choose another slot");
  if (auto limit = booking_day_limit(sv); limit && bookings_taken(s, service, date) >= *limit)
    return booking_error(proto::err::quota_exhausted, "the bookings of " + sv.name_en + " on " + date +
                                                          " are used up (" + std::to_string(*limit) +
                                                          ", the rest of the quota is kept for walk-ins)");
  Booking b;
  b.id = s.next_booking_id;
  b.code = new_booking_code(s);
  b.token = random_token();
  b.service = service;
  b.date = date;
  b.slot_min = slot->from_min;
  b.slot_len = sv.booking.slot_minutes;
  b.created_at = now_ms;
  return b;
}

int64_t booking_slot_start_ms(const OfficeState& s, const Booking& b) {
  auto midnight = midnight_of(b.date, offset_of(s));
  return midnight ? *midnight + b.slot_min * kMinuteMs : 0;
}

std::pair<int64_t, int64_t> booking_checkin_window(const OfficeState& s, const Booking& b) {
  const int64_t start = booking_slot_start_ms(s, b);
  BookingRules r;
  if (auto svc = s.services.find(b.service); svc != s.services.end()) r = svc->second.booking;
  return {start - r.checkin_open_min * kMinuteMs, start + r.grace_min * kMinuteMs};
}

int64_t booking_queue_at(const BookingRules& r, int64_t slot_start_ms, int64_t now_ms) {
  if (now_ms <= slot_start_ms || r.late_rule == "keep_place") return slot_start_ms;
  return now_ms;  // as_walk_in: late, it queues from the time it came
}

int bookings_holding_room(const OfficeState& s, const std::string& service, int64_t now_ms) {
  int n = 0;
  for (const auto& [_, b] : s.bookings)
    if (b.service == service && b.is_open() && b.date == s.day && booking_checkin_window(s, b).second > now_ms) ++n;
  return n;
}

}  // namespace antrian
