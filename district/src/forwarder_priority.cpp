#include "forwarder_priority.h"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace antrian::district {
namespace {
// linux/ioprio.h is not in every libc's headers: the ABI values, stable since 2.6.13.
constexpr int ioprio_who_process = 1;
constexpr int ioprio_class_shift = 13;
constexpr int ioprio_class_be = 2, ioprio_class_idle = 3;
}  // namespace

Result<IoClass> parse_io_class(const std::string& text) {
  if (text == "idle") return IoClass::idle;
  if (text == "best-effort") return IoClass::best_effort;
  if (text == "unchanged") return IoClass::unchanged;
  return make_error("bad_io_class", "--io-class: '" + text +
                                        "' is not an I/O class: give idle (the default: the disk is the hub's "
                                        "first), best-effort or unchanged");
}

Result<Ok> check_nice(int nice) {
  if (nice < 0 || nice > 19)
    return make_error("bad_nice", "--nice: " + std::to_string(nice) +
                                      " is outside 0..19 (0 runs at the started priority, 19 yields the most; "
                                      "the default 10 yields to the hub)");
  return Ok{};
}

Result<Ok> apply_priority(const ForwarderPriority& p) {
  if (auto c = check_nice(p.nice); !c) return c.error();
  errno = 0;
  const int current = ::getpriority(PRIO_PROCESS, 0);
  if (errno == 0 && current < p.nice && ::setpriority(PRIO_PROCESS, 0, p.nice) != 0)
    return make_error("priority", std::string("cannot set nice ") + std::to_string(p.nice) + ": " +
                                      std::strerror(errno));
  if (p.io != IoClass::unchanged) {
    // Best-effort at level 7 (its lowest) or idle (disk time only when nobody else wants it).
    const int value = p.io == IoClass::idle ? (ioprio_class_idle << ioprio_class_shift)
                                            : ((ioprio_class_be << ioprio_class_shift) | 7);
    if (::syscall(SYS_ioprio_set, ioprio_who_process, 0, value) != 0)
      return make_error("priority", std::string("cannot set the I/O class: ") + std::strerror(errno) +
                                        " (give --io-class unchanged to run without it)");
  }
  return Ok{};
}

}  // namespace antrian::district
