#pragma once
// Bookings with check-in (issue 17 part 3). A service that takes bookings
// (BookingRules, the config's "booking") cuts each office day of the calendar
// (office_calendar.h: hours, breaks, holidays, the service's issuing window) into
// slots; each slot keeps a share of its capacity for walk-ins, the rest is bookable.
// A citizen books a slot and gets an 8-character code (the kiosk keypad tells it from
// a 6-character come-back code by its length). Checking in at the kiosk turns the
// booking into a ticket in the one line of the service, its place the slot's start
// (queue_at), so bookings and walk-ins are called by one fair order; a late arrival
// keeps that place or queues as a walk-in by the office's rule; a booking not checked
// in by the end of the grace expires. Pure rules: no I/O, no clock read.
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/event.h"
#include "antrian/model.h"
#include "antrian/result.h"
#include "antrian/strings.h"

namespace antrian {

inline constexpr std::size_t kBookingCodeLength = 8;

// The service's "booking" object from the config; errors name the field
// ("booking.slot_capacity: must be 1..500").
Result<BookingRules> booking_rules_from_json(const nlohmann::json& j);
nlohmann::json to_json(const BookingRules& r);

// The entity on the wire; with_secrets (code, token) only in the log and in the reply
// to the person who booked, never in published events or snapshots.
nlohmann::json to_json(const Booking& b, bool with_secrets);
Booking booking_from_json(const nlohmann::json& j);

// A fresh random code not used by a booking in the state.
std::string new_booking_code(const OfficeState& s);
// The code as typed ("k7m2-qx9p") in its canonical form, or nullopt.
std::optional<std::string> normalize_booking_code(std::string_view typed);

// One slot of a service on a date: its time, its bookable places and how many are taken.
struct BookingSlot {
  int from_min = 0, until_min = 0;
  int capacity = 0;  // bookable places: slot_capacity less the walk-in share
  int taken = 0;     // booked or checked in
  int64_t start_ms = 0;
  int free() const { return capacity > taken ? capacity - taken : 0; }
};
// The service's slots on `date` ("YYYY-MM-DD"); empty when the office is closed then
// or the service takes no bookings.
std::vector<BookingSlot> booking_slots(const OfficeState& s, const std::string& service, const std::string& date);
// Bookings the service takes on one date at most: the bookable share of its daily
// quota (nullopt: no quota, the slots alone limit).
std::optional<int> booking_day_limit(const Service& svc);
// Booked or checked in for the service on the date.
int bookings_taken(const OfficeState& s, const std::string& service, const std::string& date);

// The dates a citizen may book now (tomorrow .. days_ahead, office days only).
std::vector<std::string> bookable_dates(const OfficeState& s, const std::string& service, int64_t now_ms);

// Checks a wish {service, date, slot "HH:MM"} against the rules at `now` and returns
// the booking to create (id, code, token set), or the reason it cannot be.
Result<Booking> plan_booking(const OfficeState& s, const std::string& service, const std::string& date,
                             const std::string& slot, int64_t now_ms);

int64_t booking_slot_start_ms(const OfficeState& s, const Booking& b);
// When check-in opens and closes for the booking (start - open_min, start + grace).
std::pair<int64_t, int64_t> booking_checkin_window(const OfficeState& s, const Booking& b);
// A checked-in booking's place in line: the slot's start, or (late, as_walk_in) now.
int64_t booking_queue_at(const BookingRules& r, int64_t slot_start_ms, int64_t now_ms);

// Today's open bookings of the service still able to check in: they hold their room
// in the walk-ins' numbers left (capacity.h).
int bookings_holding_room(const OfficeState& s, const std::string& service, int64_t now_ms);

// The office moves (to_date) or cancels (to_date empty) every open booking of a
// service on a date in one action: each keeps its code; a moved booking takes the
// same slot on to_date, or the nearest one with room. All or nothing: the reason
// when to_date has no room for all of them. `holds_to_date`: bookings whose booker
// holds an open booking of the service on to_date already (the hub knows it by the
// NIK hash): one booking per person per day, so they keep the one they have and the
// moved one is cancelled (cancelled_by "duplicate", its date unchanged), taking no room.
Result<std::vector<Booking>> plan_booking_move(const OfficeState& s, const std::string& service,
                                               const std::string& date, const std::string& to_date,
                                               int64_t now_ms, const std::set<int64_t>& holds_to_date = {});

// booking_expired for every open booking whose grace ended (the hub's, as time passes).
std::vector<Event> booking_tick_events(const OfficeState& s, int64_t now_ms);

struct BookingCounts {
  int booked = 0, checked_in = 0, expired = 0, cancelled = 0;
  int moved = 0;  // moved away from the date by the office (booking_move)
};
// The one place bookings are counted, for every screen, the reports and their CSV:
// by (service, date), each booking under its state on its date, and a booking the
// office moved also as moved on the date it left.
using BookingDayCounts = std::map<std::pair<std::string, std::string>, BookingCounts>;
void count_booking(BookingDayCounts& into, const Booking& b);
nlohmann::json to_json(const BookingCounts& c);  // {booked, checked_in, expired, cancelled, moved}
// Bookings of the service for `date` by state.
BookingCounts booking_counts(const OfficeState& s, const std::string& service, const std::string& date);
nlohmann::json booking_counts_json(const OfficeState& s);  // today's {service: counts}

// "Selasa 10 Februari 2026 pukul 10:00": the slot as every page and message says it.
std::string booking_when_text(const OfficeState& s, const Booking& b, Lang lang);

}  // namespace antrian
