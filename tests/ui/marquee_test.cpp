// Running-text position: stands still when it fits, holds at the start, scrolls at
// constant speed, wraps seamlessly, and tells the loop when it needs frames.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>

#include "antrian/ui/marquee.h"

using namespace antrian::ui;

namespace {
const MarqueeParams kP{/*speed*/ 100, /*gap*/ 50, /*hold*/ 2.0};
}

TEST_CASE("marquee: text that fits never moves and asks for no frames") {
  for (double t : {0.0, 1.0, 2.5, 1000.0}) {
    const MarqueePos p = marquee_position(t, kP, 300, 300);
    CHECK(p.offset == 0);
    CHECK(std::isinf(p.seconds_until_motion));
    CHECK_FALSE(p.scrolling());
  }
}

TEST_CASE("marquee: holds at the start, then says when it will move") {
  const MarqueePos p = marquee_position(0.5, kP, 1000, 300);
  CHECK(p.offset == 0);
  CHECK(p.seconds_until_motion == doctest::Approx(1.5));
  CHECK_FALSE(p.scrolling());
}

TEST_CASE("marquee: scrolls at constant speed after the hold") {
  const MarqueePos a = marquee_position(2.0 + 1.0, kP, 1000, 300);
  const MarqueePos b = marquee_position(2.0 + 3.5, kP, 1000, 300);
  CHECK(a.scrolling());
  CHECK(a.offset == doctest::Approx(100));
  CHECK(b.offset == doctest::Approx(350));
}

TEST_CASE("marquee: one cycle is hold + (text + gap) / speed, and it repeats") {
  CHECK(marquee_cycle_s(kP, 1000) == doctest::Approx(2.0 + 10.5));
  const double cycle = marquee_cycle_s(kP, 1000);
  for (double t : {0.3, 2.7, 7.0, 12.4}) {
    CAPTURE(t);
    CHECK(marquee_position(t + 3 * cycle, kP, 1000, 300).offset ==
          doctest::Approx(marquee_position(t, kP, 1000, 300).offset).epsilon(1e-4));
  }
  // Just before the end of the cycle the text has moved almost a whole period
  // (text + gap), where the second copy stands exactly where the first started.
  const MarqueePos end = marquee_position(cycle - 0.001, kP, 1000, 300);
  CHECK(end.offset == doctest::Approx(1050).epsilon(0.001));
  CHECK(end.offset < 1050);
  CHECK(marquee_position(cycle, kP, 1000, 300).offset == 0);  // back at the start, holding
}

TEST_CASE("marquee: odd inputs stay sane") {
  CHECK(marquee_position(-5, kP, 1000, 300).offset == 0);  // clock before start
  MarqueeParams still = kP;
  still.speed_px_s = 0;
  CHECK(std::isinf(marquee_position(5, still, 1000, 300).seconds_until_motion));
  MarqueeParams no_hold = kP;
  no_hold.hold_s = 0;
  CHECK(marquee_position(0, no_hold, 1000, 300).scrolling());
  CHECK(marquee_overflows(301, 300));
  CHECK_FALSE(marquee_overflows(300, 300));
}
