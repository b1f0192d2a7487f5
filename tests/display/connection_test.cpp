// The link as the screen shows it: connecting until the first state, then online or
// offline (with since when), never back to "connecting".
#include <doctest/doctest.h>

#include <string>

#include "antrian/display/connection_tracker.h"

using namespace antrian::display;

TEST_CASE("connecting until the first snapshot, then online") {
  ConnectionTracker t;
  CHECK(t.link() == Link::connecting);
  CHECK_FALSE(t.update(false, false, 1000));
  CHECK_FALSE(t.update(true, false, 1500));  // hello answered, no state yet
  CHECK(t.link() == Link::connecting);
  CHECK(t.update(true, true, 2000));
  CHECK(t.link() == Link::online);
  CHECK(t.ever_synced());
  CHECK_FALSE(t.update(true, true, 3000));  // nothing new to show
}

TEST_CASE("offline keeps its start time until the link is back") {
  ConnectionTracker t;
  t.update(true, true, 1000);
  CHECK(t.update(false, true, 5000));
  CHECK(t.link() == Link::offline);
  CHECK(t.offline_since_ms() == 5000);
  CHECK_FALSE(t.update(false, true, 9000));
  CHECK(t.offline_since_ms() == 5000);  // not reset while it lasts
  CHECK_FALSE(t.update(true, false, 9500));  // hub heard, state not yet confirmed: still offline
  CHECK(t.link() == Link::offline);
  CHECK(t.update(true, true, 10'000));
  CHECK(t.link() == Link::online);
  CHECK(t.offline_since_ms() == 0);
  CHECK(t.back_online_at_ms() == 10'000);
  CHECK(t.offline_spells() == 1);
  t.update(false, true, 20'000);
  CHECK(t.offline_spells() == 2);
  CHECK(t.offline_since_ms() == 20'000);
}

TEST_CASE("a display that never reached the hub says connecting, not offline") {
  ConnectionTracker t;
  t.update(false, false, 1000);
  t.update(false, false, 60'000);
  CHECK(t.link() == Link::connecting);
  CHECK(std::string(to_string(t.link())) == "connecting");
}
