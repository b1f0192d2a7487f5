#pragma once
// What the resources and active disruptions mean for one service right now:
// its status (normal / degraded / halted), the share of its capacity left and,
// when halted, when it is expected back.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "antrian/model.h"

namespace antrian {

struct ServiceHealth {
  ServiceStatus status = ServiceStatus::normal;
  double capacity = 1.0;                 // 1 = full speed, 0 = halted
  double running_capacity = 1.0;         // the share once a halt ends (printers N of M stay)
  std::vector<int64_t> disruption_ids;   // active disruptions affecting it
  bool end_known = true;                 // every halting disruption has an expected end
  std::optional<int64_t> expected_end;   // latest expected end of the halting ones
};

// Share of capacity a "degraded" disruption leaves when nothing more precise is known.
inline constexpr double kDegradedCapacity = 0.5;

ServiceHealth service_health(const OfficeState& s, const std::string& service);

// Services a disruption of this resource affects by default: those that need it.
std::vector<std::string> services_needing(const OfficeState& s, const std::string& resource);

}  // namespace antrian
