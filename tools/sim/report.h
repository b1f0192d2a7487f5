#pragma once
// The simulator's figures: served, refused, waits per service and the three
// estimators' accuracy, as text for people and JSON for docs and tests.
#include <string>

#include <nlohmann/json.hpp>

#include "day_runner.h"

namespace antrian::sim {

nlohmann::json day_json(const DayResult& d);
std::string day_text(const DayResult& d);

}  // namespace antrian::sim
