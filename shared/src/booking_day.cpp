// What happens to a day's bookings as a whole (booking.h): the office moving or
// cancelling them in one action, expiry after the grace, and the counts.
#include <algorithm>
#include <cstdlib>

#include "antrian/booking.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
#include "antrian/protocol.h"

namespace antrian {
namespace {

using json = nlohmann::json;

int offset_of(const OfficeState& s) {
  int h = 7;
  timezone_offset_hours(s.office.timezone, h);
  return h;
}

}  // namespace

Result<std::vector<Booking>> plan_booking_move(const OfficeState& s, const std::string& service,
                                               const std::string& date, const std::string& to_date,
                                               int64_t now_ms, const std::set<int64_t>& holds_to_date) {
  auto svc = s.services.find(service);
  if (svc == s.services.end())
    return make_error(std::string(proto::err::not_found), "there is no service \"" + service + "\"");
  if (!valid_date(date))
    return make_error(std::string(proto::err::bad_request), "args.date: must be a real date written YYYY-MM-DD");
  std::vector<Booking> open;
  for (const auto& [_, b] : s.bookings)
    if (b.service == service && b.date == date && b.is_open()) open.push_back(b);
  if (open.empty())
    return make_error(std::string(proto::err::not_found),
                      "no open bookings of " + svc->second.name_en + " on " + date + ": nothing to move");
  // The earliest slot first, so they keep their order on the new day.
  std::sort(open.begin(), open.end(), [](const Booking& a, const Booking& b) {
    return std::tie(a.slot_min, a.id) < std::tie(b.slot_min, b.id);
  });
  if (to_date.empty()) {
    for (Booking& b : open) {
      b.state = "cancelled";
      b.cancelled_by = "office";
      b.ended_at = now_ms;
    }
    return open;
  }
  if (!valid_date(to_date))
    return make_error(std::string(proto::err::bad_request), "args.to_date: must be a real date written YYYY-MM-DD");
  if (to_date == date) return make_error(std::string(proto::err::bad_request), "args.to_date: is the same day");
  if (to_date < business_day(now_ms, offset_of(s)))
    return make_error(std::string(proto::err::illegal_state), "args.to_date: " + to_date + " has passed");
  std::vector<BookingSlot> slots = booking_slots(s, service, to_date);
  slots.erase(std::remove_if(slots.begin(), slots.end(), [now_ms](const BookingSlot& x) { return x.start_ms <= now_ms; }),
              slots.end());
  if (slots.empty())
    return make_error(std::string(proto::err::office_closed),
                      "the office takes no bookings of " + svc->second.name_en + " on " + to_date + " (closed)");
  int day_room = INT32_MAX;
  if (auto limit = booking_day_limit(svc->second)) day_room = *limit - bookings_taken(s, service, to_date);
  int placed = 0;
  const int to_place = int(std::count_if(open.begin(), open.end(), [&holds_to_date](const Booking& b) {
    return holds_to_date.count(b.id) == 0;
  }));
  for (Booking& b : open) {
    if (holds_to_date.count(b.id)) {  // they keep the booking they have on to_date
      b.state = "cancelled";
      b.cancelled_by = "duplicate";
      b.ended_at = now_ms;
      continue;
    }
    // The same time when it has room, else the nearest slot that has (the later on a tie).
    BookingSlot* best = nullptr;
    for (BookingSlot& x : slots) {
      if (x.free() <= 0) continue;
      if (!best || std::abs(x.from_min - b.slot_min) < std::abs(best->from_min - b.slot_min) ||
          (std::abs(x.from_min - b.slot_min) == std::abs(best->from_min - b.slot_min) && x.from_min > best->from_min))
        best = &x;
    }
    if (!best || placed >= day_room) {
      return make_error(std::string(proto::err::quota_exhausted),
                        to_date + " has room for " + std::to_string(placed) + " of the " + std::to_string(to_place) +
                            " bookings: choose another day or cancel them");
    }
    ++best->taken;
    ++placed;
    b.moved_from = b.date + " " + hhmm(b.slot_min);
    b.date = to_date;
    b.slot_min = best->from_min;
  }
  return open;
}

std::vector<Event> booking_tick_events(const OfficeState& s, int64_t now_ms) {
  json list = json::array();
  for (const auto& [_, b] : s.bookings) {
    if (!b.is_open() || booking_checkin_window(s, b).second > now_ms) continue;
    Booking x = b;
    x.state = "expired";
    x.ended_at = now_ms;
    list.push_back(to_json(x, true));
  }
  if (list.empty()) return {};
  Event e;
  e.at = now_ms;
  e.type = std::string(proto::ev::booking_expired);
  e.actor = "hub";
  e.data = {{"count", list.size()}, {"bookings", list}};
  return {e};
}

void count_booking(BookingDayCounts& into, const Booking& b) {
  BookingCounts& c = into[{b.service, b.date}];
  if (b.state == "booked") ++c.booked;
  else if (b.state == "checked_in") ++c.checked_in;
  else if (b.state == "expired") ++c.expired;
  else if (b.state == "cancelled") ++c.cancelled;
  if (b.moved_from.size() >= 10) ++into[{b.service, b.moved_from.substr(0, 10)}].moved;
}

json to_json(const BookingCounts& c) {
  return {{"booked", c.booked}, {"checked_in", c.checked_in}, {"expired", c.expired}, {"cancelled", c.cancelled},
          {"moved", c.moved}};
}

BookingCounts booking_counts(const OfficeState& s, const std::string& service, const std::string& date) {
  BookingDayCounts all;
  for (const auto& [_, b] : s.bookings)
    if (b.service == service) count_booking(all, b);
  auto it = all.find({service, date});
  return it == all.end() ? BookingCounts{} : it->second;
}

json booking_counts_json(const OfficeState& s) {
  json out = json::object();
  for (const auto& [code, svc] : s.services)
    if (svc.booking.enabled) out[code] = to_json(booking_counts(s, code, s.day));
  return out;
}

std::string booking_when_text(const OfficeState& s, const Booking& b, Lang lang) {
  const int64_t start = booking_slot_start_ms(s, b);
  const int offset = offset_of(s);
  const std::string date = lang == Lang::id ? format_long_date_id(start, offset) : format_long_date_en(start, offset);
  return trf("booking.when", lang, {date, hhmm(b.slot_min)});
}

}  // namespace antrian
