// The main loop's arithmetic: when it may sleep, for how long, and when fonts rebuild.
#include <doctest/doctest.h>

#include <climits>

#include "antrian/ui/frame_pacing.h"

using namespace antrian::ui;

TEST_CASE("wait_timeout_ms: frames owed after input or wake are drawn at once") {
  CHECK(wait_timeout_ms(1000, kNever, 3) == 0);
  CHECK(wait_timeout_ms(1000, 5000, 1) == 0);
}

TEST_CASE("wait_timeout_ms: nothing scheduled means sleep until an event") {
  CHECK(wait_timeout_ms(1000, kNever, 0) == -1);
}

TEST_CASE("wait_timeout_ms: sleeps exactly until the deadline") {
  CHECK(wait_timeout_ms(1000, 1016, 0) == 16);
  CHECK(wait_timeout_ms(1000, 1001, 0) == 1);
  CHECK(wait_timeout_ms(1000, 1000, 0) == 0);  // due now
  CHECK(wait_timeout_ms(1000, 900, 0) == 0);   // overdue: render, never a negative wait
}

TEST_CASE("wait_timeout_ms: far deadlines are capped to an int, not wrapped") {
  CHECK(wait_timeout_ms(0, INT64_MAX - 1, 0) == INT_MAX);
  CHECK(wait_timeout_ms(0, static_cast<std::int64_t>(INT_MAX) + 10, 0) == INT_MAX);
}

TEST_CASE("frame_due and earliest") {
  CHECK(frame_due(10, kNever, 1));
  CHECK_FALSE(frame_due(10, kNever, 0));
  CHECK_FALSE(frame_due(10, 11, 0));
  CHECK(frame_due(11, 11, 0));
  CHECK(earliest(5, kNever) == 5);
  CHECK(earliest(kNever, kNever) == kNever);
  CHECK(earliest(7, 3) == 3);
}

TEST_CASE("unhonoured: a deadline already drawn for cannot make the loop spin") {
  CHECK(unhonoured(1000, 999) == 1000);   // still ahead of the last frame
  CHECK(unhonoured(1000, 1000) == kNever);  // a frame started exactly then
  CHECK(unhonoured(1000, 1500) == kNever);  // stale, screen forgot to move it on
  CHECK(unhonoured(kNever, 1500) == kNever);
  CHECK(unhonoured(5, -1) == 5);  // before the first frame
}

TEST_CASE("next_wall_boundary_ms: a seconds clock redraws just after each wall second") {
  // 12:00:00.250 wall, monotonic 5000: the next second is 750 ms away (+2 ms margin).
  const std::int64_t wall = 1'700'000'000'250;
  CHECK(next_wall_boundary_ms(5000, wall, 1000) == 5000 + 750 + 2);
  // Exactly on a boundary: the next one, a whole period later.
  CHECK(next_wall_boundary_ms(5000, 1'700'000'000'000, 1000) == 5000 + 1000 + 2);
  // Woken a millisecond early (timer rounding): the boundary is 1 ms away, not 1 s.
  CHECK(next_wall_boundary_ms(5000, 1'700'000'000'999, 1000) == 5000 + 1 + 2);
  // Minutes for an HH:MM clock.
  CHECK(next_wall_boundary_ms(0, 59'000, 60'000) == 1000 + 2);
  // Before 1970 the remainder is still positive.
  CHECK(next_wall_boundary_ms(0, -250, 1000) == 250 + 2);
  CHECK(next_wall_boundary_ms(0, 123, 0) == kNever);
}

TEST_CASE("ui_scale follows the shorter side, designed for 1080") {
  CHECK(ui_scale(1920, 1080) == doctest::Approx(1.0));
  CHECK(ui_scale(1280, 720) == doctest::Approx(0.6667).epsilon(0.001));
  CHECK(ui_scale(1080, 1920) == doctest::Approx(1.0));  // portrait kiosk
  CHECK(ui_scale(3840, 2160) == doctest::Approx(2.0));
  CHECK(ui_scale(0, 0) == doctest::Approx(1.0));
}

TEST_CASE("fonts rebuild only on a notable change of scale") {
  CHECK(scale_changed_notably(0, 1.0f));  // never built
  CHECK_FALSE(scale_changed_notably(1.0f, 1.05f));
  CHECK_FALSE(scale_changed_notably(1.0f, 0.95f));
  CHECK(scale_changed_notably(1.0f, 1.2f));
  CHECK(scale_changed_notably(1.0f, 0.6667f));
}
