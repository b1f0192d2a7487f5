#pragma once
// The rows a report is computed from, read from the hub's SQLite file (read-only):
// every ticket of the chosen days with its history, the disruptions, the refusals the
// hub logged, and the names of services, lokets, staff and resources.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "antrian/model.h"
#include "antrian/result.h"
#include "antrian/survey.h"

namespace antrian::web {

// Days "YYYY-MM-DD", both included, in the office's time zone.
struct ReportRange {
  std::string from, to;
  int days = 1;
};

// At most this many days in one report.
inline constexpr int kMaxReportDays = 366;

// Checks the dates (real calendar days, from <= to, at most kMaxReportDays).
Result<ReportRange> parse_report_range(std::string_view from, std::string_view to);

// The day before / after "YYYY-MM-DD".
std::string shift_day(const std::string& day, int delta);

// A ticket the office could not take (an issue_refused event in the hub's log).
struct Refusal {
  std::string service;
  std::string reason;  // "quota", "blangko", "hours", "numbers" or "other"
};

// One answered satisfaction survey (a survey_answered event in the hub's log).
struct SurveyResponse {
  std::string service;
  int counter = 0;
  SurveyAnswers answers{};
};

// One step of a come-back entry (comeback_joined / _invited / _checked_in / _expired).
struct ComebackStep {
  std::string type;     // joined, invited, came, expired
  std::string service;
  std::string via;      // joined: kiosk, refusal, bulk_move
};

struct ReportInput {
  ReportRange range;
  int offset_h = 7;
  int64_t start_ms = 0, end_ms = 0;  // local midnight of `from`, of the day after `to`
  int64_t now_ms = 0;
  std::string today;                 // the hub's business day (open tickets of today are not "unfinished")
  Office office;
  std::map<std::string, Service> services;
  std::map<int, Counter> counters;
  std::map<std::string, std::string> staff_names;
  std::map<std::string, Resource> resources;
  std::vector<Ticket> tickets;
  std::vector<Disruption> disruptions;
  std::vector<Refusal> refusals;
  std::vector<SurveyResponse> surveys;
  std::vector<Booking> bookings;  // those whose date is in the range (booking.h)
  std::vector<ComebackStep> comeback;
};

Result<ReportInput> load_report_input(const std::string& db_path, const ReportRange& range, int64_t now_ms,
                                      const std::string& today);

}  // namespace antrian::web
