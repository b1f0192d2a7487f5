#pragma once
// The kill drill: a real hub under a steady load (2 or more kiosks issuing, 2 counters calling
// and finishing, 1 display mirror) is killed with SIGKILL at random moments and
// restarted. After each kill: the database passes integrity_check before the restart;
// after each restart: every acknowledged ticket is there, no number is used twice and
// the display's mirror catches up with the hub. Used by antrian-drill and a short ctest.
#include <cstdint>
#include <string>

namespace antrian::test {

struct DrillOptions {
  int kills = 100;
  unsigned seed = 1;
  int min_run_ms = 50;   // the hub lives this long at least before a kill...
  int max_run_ms = 400;  // ...and at most this long
  bool verbose = false;  // one line per kill on stderr
  int kiosks = 2;        // clients issuing at once (their requests are committed in groups)
};

struct DrillTotals {
  int kills = 0;
  int64_t acknowledged = 0;    // distinct tickets the kiosks got a reply for
  int64_t checked = 0;         // ticket presence checks made after restarts
  int64_t lost = 0;            // acknowledged but missing after a restart
  int64_t duplicated = 0;      // a number given to two tickets
  int64_t phantoms = 0;        // shown by the display before a kill, missing after it
  int integrity_failures = 0;  // integrity_check != ok after a kill
  int resync_failures = 0;     // the display mirror not back within 2 s
  int64_t max_resync_ms = 0;
  int64_t counter_ops = 0;     // call_next / start / finish answered
  int64_t retried = 0;         // requests resent (same id) after a kill
  bool final_mirror_equal = false;  // after the load stops: mirror == hub
  std::string first_problem;
};

DrillTotals run_kill_drill(const DrillOptions& opt);

}  // namespace antrian::test
