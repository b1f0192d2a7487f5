#pragma once
// The simulator's figures: served, refused, waits per service and the three
// estimators' accuracy, as text for people and JSON for docs and tests.
#include <string>

#include <nlohmann/json.hpp>

#include "day_runner.h"

namespace antrian::sim {

nlohmann::json day_json(const DayResult& d);
std::string day_text(const DayResult& d);
// One line per applicant who was called: day, service, class, taken at, each estimate
// and the real wait (seconds; empty = unknown). For looking into where an estimator
// is wrong (by hour, service, class); the header line names the columns.
std::string samples_csv_header();
std::string samples_csv(const DayResult& d);

}  // namespace antrian::sim
