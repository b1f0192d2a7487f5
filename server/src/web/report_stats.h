#pragma once
// A report computed from its rows (pure: no I/O, so it is unit-tested directly):
// per service, per loket and per staff member the tickets, served, no-show and
// refused counts, waiting and service times (mean and 90th percentile), arrivals per
// hour, and the disruption time per resource. The same rows export as CSV.
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/booking.h"
#include "web/report_data.h"
#include "web/report_comeback.h"
#include "web/report_survey.h"

namespace antrian::web {

struct TimeStats {
  int count = 0;
  std::optional<double> mean_s, p90_s;  // nullopt without samples
};

// Mean and 90th percentile (nearest rank) of samples in seconds.
TimeStats time_stats(std::vector<double> samples);

struct GroupRow {
  std::string key;                      // service code, loket number, staff id
  std::string name_id, name_en;
  std::optional<int> issued;            // services only: tickets taken (not transfer copies)
  std::optional<int> refused;           // services only: tickets the office could not take
  std::optional<int> refused_quota;     //   of which because the daily quota was used up
  int called = 0, served = 0, no_show = 0, cancelled = 0, transferred_out = 0, unfinished = 0;
  TimeStats wait, service;
};

struct DisruptionRow {
  std::string resource, name_id, name_en;
  int count = 0;
  int64_t down_s = 0, degraded_s = 0;
};

struct Report {
  ReportRange range;
  std::string office_name;
  std::vector<GroupRow> services, lokets, staff;
  GroupRow totals;
  std::array<int, 24> arrivals_by_hour{};
  std::vector<DisruptionRow> disruptions;
  std::vector<IkmRow> ikm;  // the satisfaction survey's index (report_survey.h)
  // Bookings per (service, day) of the range: booked (still open), checked_in, expired,
  // cancelled, moved (away from that day); counted by booking.h's count_booking.
  BookingDayCounts booking_days;
  std::vector<ComebackRow> comeback;  // the come-back lists (report_comeback.h)
};

Report compute_report(const ReportInput& in);

nlohmann::json to_json(const Report& r);

// Tables for CSV export: "services", "lokets", "staff", "hours", "disruptions", "ikm", "comeback",
// "bookings".
bool is_report_table(std::string_view table);
std::string report_csv(const Report& r, std::string_view table);

// One CSV field: quoted when needed; text that a spreadsheet would run as a formula
// (starting with = + - @) is prefixed with ' so opening the file is safe.
std::string csv_field(std::string_view text);

}  // namespace antrian::web
