// A short kill drill (5 kills) in the default run; scripts/drill-kill.sh runs 100.
#include <doctest/doctest.h>

#include "kill_drill.h"

TEST_CASE("kill drill: 5 SIGKILLs under load lose nothing, reuse no number, keep the display in step") {
  antrian::test::DrillOptions opt;
  opt.kills = 5;
  opt.seed = 7;
  const auto t = antrian::test::run_kill_drill(opt);
  INFO("first problem: ", t.first_problem);
  CHECK(t.kills == 5);
  CHECK(t.acknowledged > 20);  // the load did run
  CHECK(t.counter_ops > 5);
  CHECK(t.checked >= t.acknowledged);
  CHECK(t.lost == 0);
  CHECK(t.duplicated == 0);
  CHECK(t.integrity_failures == 0);
  CHECK(t.resync_failures == 0);
  CHECK(t.phantoms == 0);
  CHECK(t.max_resync_ms <= 2000);
  CHECK(t.final_mirror_equal);
}

TEST_CASE("kill drill with 16 kiosks: grouped commits lose nothing and reuse no number") {
  antrian::test::DrillOptions opt;
  opt.kills = 4;
  opt.seed = 16;
  opt.kiosks = 16;
  const auto t = antrian::test::run_kill_drill(opt);
  INFO("first problem: ", t.first_problem);
  CHECK(t.kills == 4);
  CHECK(t.acknowledged > 50);
  CHECK(t.checked >= t.acknowledged);
  CHECK(t.lost == 0);
  CHECK(t.duplicated == 0);
  CHECK(t.integrity_failures == 0);
  CHECK(t.resync_failures == 0);
  CHECK(t.phantoms == 0);
  CHECK(t.final_mirror_equal);
}
