#pragma once
// The forwarder yields to the hub it sits beside: on an office PC both share the CPU
// and the disk, and a backlog of weeks read, replayed and sent at full speed slowed
// the hub's kiosks (bench/district-offline.sh). The office wants its queue fast; the
// backlog may drain in a minute instead of three seconds. So the forwarder runs at a
// lower CPU priority (nice) and in the idle I/O class by default.
#include <string>

#include "antrian/result.h"

namespace antrian::district {

enum class IoClass { unchanged, best_effort, idle };

struct ForwarderPriority {
  int nice = 10;                  // 0..19; 0 leaves the CPU priority as started
  IoClass io = IoClass::idle;     // the kernel's I/O scheduling class
};

// "idle", "best-effort" or "unchanged"; anything else is refused with the choices.
Result<IoClass> parse_io_class(const std::string& text);
// Refuses a nice level outside 0..19 with the reason.
Result<Ok> check_nice(int nice);
// Applies both to this process. The nice level is a floor: a forwarder started at a
// higher one (a unit's Nice=) keeps it, since lowering it would need privileges.
Result<Ok> apply_priority(const ForwarderPriority& p);

}  // namespace antrian::district
