#pragma once
// The office's time as one model: opening hours per weekday, breaks (the Friday
// prayer break), holidays and one-off closures by date, the last-ticket cutoff and
// an issuing window per service (e.g. KK numbers until 11:00). The hub's rules, the
// kiosk, the web and antrian-ctl all ask this model, always at the hub's time.
#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/result.h"
#include "antrian/strings.h"

namespace antrian {

struct OfficeState;

// Opening hours of one weekday in minutes after local midnight; closed when open_min < 0.
struct DayHours {
  int open_min = -1, close_min = -1;
  bool is_open() const { return open_min >= 0 && close_min > open_min; }
};

// A pause in service on some weekdays (the Friday prayer break, a lunch break).
struct BreakTime {
  std::array<bool, 7> days{};  // by weekday, 0 = Sunday (Minggu)
  int from_min = 0, to_min = 0;
  std::string name_id, name_en;
  bool issuing = false;  // true: the kiosk keeps giving numbers during the break
};

struct OfficeHours {
  std::array<DayHours, 7> week;  // by weekday, 0 = Sunday
  std::vector<BreakTime> breaks;
  int last_ticket_minutes = 0;   // no new numbers this many minutes before closing
};

// A date the office is closed: a public holiday or a one-off closure.
struct Closure {
  std::string date;  // "YYYY-MM-DD" in the office's zone
  std::string kind = "holiday";  // "holiday" or "closure"
  std::string reason_id, reason_en;
};

// Parsing and printing "HH:MM" (00:00..24:00); false for anything else.
bool parse_hhmm(std::string_view text, int& minutes);
std::string hhmm(int minutes);
// True for a real date written "YYYY-MM-DD".
bool valid_date(std::string_view text);

// Office hours from the office's JSON: "hours" {"mon": "08:00-15:00", "sat": "closed", ...},
// "breaks", "last_ticket_minutes"; without "hours", opening_hour/closing_hour on
// Monday to Friday (the configs written before the calendar existed).
// Errors name the field ("office.hours.fri: ...").
Result<OfficeHours> office_hours_from_json(const nlohmann::json& office);
nlohmann::json to_json(const OfficeHours& h);  // the "hours", "breaks", "last_ticket_minutes" fields
Result<Closure> closure_from_json(const nlohmann::json& j, const std::string& where);
nlohmann::json to_json(const Closure& c);

// Why numbers are not given now.
enum class IssuingClosed {
  none,            // open
  day_off,         // not a working day (weekend)
  holiday,         // a public holiday or a one-off closure (see closure)
  before_opening,  // later today
  on_break,        // the Friday prayer break, ...
  service_window,  // this service's numbers are given only part of the day
  cutoff,          // the last-ticket cutoff before closing has passed
  after_closing,
  service_off,     // the service is switched off (enabled = false)
};
std::string_view to_string(IssuingClosed c);

struct IssuingStatus {
  bool open = false;
  IssuingClosed why = IssuingClosed::none;
  std::optional<int64_t> next_open_ms;  // when numbers are given again (nullopt: not within a year)
  std::optional<int64_t> until_ms;      // when open: when issuing stops (break, window, cutoff)
  std::string reason_id, reason_en;     // a holiday's or closure's name, a break's name
};

class OfficeCalendar {
 public:
  explicit OfficeCalendar(const OfficeState& s);

  // One local day of the office: its hours, breaks and whether it is closed.
  struct Day {
    std::string date;          // "YYYY-MM-DD"
    int weekday = 0;
    int64_t midnight_ms = 0;
    bool open = false;         // a working day that is not closed
    const Closure* closure = nullptr;
    int64_t open_ms = 0, close_ms = 0;  // both midnight_ms when closed
    std::vector<std::pair<int64_t, int64_t>> breaks;  // [from, to), inside the hours
  };
  Day day_at(int64_t t) const;

  // Serving hours: open, and not on a break.
  bool office_open(int64_t t) const;
  // Numbers for `service` at t, and when they are given next.
  IssuingStatus issuing(const std::string& service, int64_t t) const;
  // The first moment at or after t at which numbers for `service` are given.
  std::optional<int64_t> next_issuing_at(const std::string& service, int64_t t) const;
  // Today's closing time, or nullopt when the office does not open today.
  std::optional<int64_t> closing_today(int64_t t) const;

  // Minutes loket `counter` is open for service between t and today's closing,
  // breaks left out (0 after closing, on a day off, or for an unknown loket). All
  // lokets keep the office's hours; planned capacity (numbers left) builds on this.
  double remaining_open_minutes(int counter, int64_t t) const;

  int offset_hours() const { return offset_; }

 private:
  // Issuing intervals [from, to) of one day for the service, breaks taken out.
  std::vector<std::pair<int64_t, int64_t>> issuing_intervals(const Day& d, const std::string& service) const;
  const OfficeState& s_;
  int offset_ = 7;
};

// "Senin pukul 08:00", "besok pukul 08:00", "hari ini pukul 13:00", or a date for
// more than a week ahead: when numbers are given again, as every screen says it.
std::string format_next_opening(int64_t next_ms, int64_t now_ms, int offset_hours, Lang lang);
// Why numbers are not given, for a screen: `why` is to_string(IssuingClosed), `name`
// the holiday's or break's name ("Kantor tutup hari ini: Hari Natal").
std::string issuing_closed_text(std::string_view why, const std::string& name, Lang lang);

}  // namespace antrian
