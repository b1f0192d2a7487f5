#pragma once
// How many more tickets a service can honestly take today: the smallest of its
// daily quota, the blangko cards not yet promised (for services that print cards)
// and what the day's planned lokets (planned_capacity.h: the roster, not who is
// signed in now) can still serve before closing at the current capacity (printers
// N of M, a slow central server), less the come-back invitations of today not yet
// checked in (comeback.h). The kiosk stops issuing at zero.
#include <cstdint>
#include <optional>
#include <string>

#include "antrian/model.h"

namespace antrian {

enum class LimitedBy { none, quota, blangko, hours };
std::string_view to_string(LimitedBy l);

struct CapacityLeft {
  std::optional<int> tickets;         // nullopt = no limit known
  LimitedBy limited_by = LimitedBy::none;
};

CapacityLeft tickets_left_today(const OfficeState& s, const std::string& service, int64_t now_ms);

// Blangko cards not yet promised to a ticket that will print one.
std::optional<int> blangko_unpromised(const OfficeState& s, const std::string& service);

// True when a blangko resource the service needs is at or under its warning level.
bool blangko_low(const OfficeState& s, const std::string& service);

}  // namespace antrian
