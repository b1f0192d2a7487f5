// The controller drives the speaker one announcement at a time, logs every decision
// as JSON, and logs the view only when it changed.
#include <doctest/doctest.h>

#include "antrian/display/display_controller.h"
#include "fake_speaker.h"
#include "office.h"

using namespace antrian;
using namespace antrian::display;
using antrian::display::test::FakeSpeaker;
using antrian::display::test::TestOffice;

namespace {

FeedItem call_item(const Event& e, int64_t hub_now) {
  FeedItem it;
  it.kind = FeedItem::Kind::call;
  it.event = e;
  it.hub_now_ms = hub_now;
  return it;
}

FeedItem snapshot_item(int64_t seq) {
  FeedItem it;
  it.kind = FeedItem::Kind::snapshot;
  it.seq = seq;
  return it;
}

std::vector<nlohmann::json> of_type(const std::vector<nlohmann::json>& log, const std::string& type,
                                    const std::string& status = {}) {
  std::vector<nlohmann::json> out;
  for (const auto& j : log)
    if (j["type"] == type && (status.empty() || j.value("status", "") == status)) out.push_back(j);
  return out;
}

}  // namespace

TEST_CASE("calls are handed to the speaker one at a time, in order") {
  TestOffice o;
  o.issue("A", 3);
  o.open(1);
  o.open(2);
  FakeSpeaker speaker;
  std::vector<nlohmann::json> log;
  DisplayController c(DisplayConfig{}, speaker, [&](const nlohmann::json& j) { log.push_back(j); });
  c.take({snapshot_item(o.state.seq)}, o.state);
  const Event e1 = o.call_next(1);
  const Event e2 = o.call_next(2);
  c.take({call_item(e1, o.now), call_item(e2, o.now)}, o.state);
  c.pump_speech(o.now);
  REQUIRE(speaker.started.size() == 1);
  CHECK(speaker.started[0].ticket == "A-001");
  c.pump_speech(o.now + 500);
  CHECK(speaker.started.size() == 1);  // A-002 waits: no cut-off
  speaker.finish_last();
  c.pump_speech(o.now + 5000);
  REQUIRE(speaker.started.size() == 2);
  CHECK(speaker.started[1].ticket == "A-002");
  CHECK(speaker.started[1].text == "Nomor antrian, A, nol, nol, dua, silakan menuju loket dua");

  CHECK(of_type(log, "snapshot").size() == 1);
  CHECK(of_type(log, "speech", "queued").size() == 2);
  CHECK(of_type(log, "speech", "speaking").size() == 2);
  const auto spoken = of_type(log, "speech", "spoken");
  REQUIRE(spoken.size() == 1);
  CHECK(spoken[0]["key"]["seq"] == e1.seq);
}

TEST_CASE("a speaker that never reports back is given up on, and the queue moves") {
  TestOffice o;
  o.issue("A", 2);
  o.open(1);
  o.open(2);
  FakeSpeaker speaker;
  std::vector<nlohmann::json> log;
  DisplayController c(DisplayConfig{}, speaker, [&](const nlohmann::json& j) { log.push_back(j); });
  c.take({call_item(o.call_next(1), o.now), call_item(o.call_next(2), o.now)}, o.state);
  c.pump_speech(o.now);
  REQUIRE(speaker.started.size() == 1);
  CHECK(c.next_change_ms() <= o.now + DisplayController::kMaxSpeakingMs + 1);
  c.pump_speech(o.now + DisplayController::kMaxSpeakingMs + 1);
  REQUIRE(speaker.started.size() == 2);
  CHECK(of_type(log, "speech", "abandoned").size() == 1);
  // The late report about the first one is logged as late and does not end the second.
  speaker.results.push_back({speaker.started[0].key, true, 5, ""});
  c.pump_speech(o.now + DisplayController::kMaxSpeakingMs + 2);
  CHECK(of_type(log, "speech", "late").size() == 1);
  CHECK(c.announcer().speaking());
}

TEST_CASE("the view is logged when it changes, and problems once") {
  TestOffice o;
  FakeSpeaker speaker;
  std::vector<nlohmann::json> log;
  DisplayConfig cfg;
  cfg.services = {"A", "Z"};
  DisplayController c(cfg, speaker, [&](const nlohmann::json& j) { log.push_back(j); });
  c.update_link(true, true, o.now);
  c.rebuild_view(o.state, o.now, Lang::id);
  c.rebuild_view(o.state, o.now + 1000, Lang::id);  // nothing visible changed
  CHECK(of_type(log, "view").size() == 1);
  CHECK(of_type(log, "problem").size() == 1);
  CHECK(of_type(log, "problem")[0]["text"].get<std::string>().find("service Z") != std::string::npos);
  o.issue("A");
  c.rebuild_view(o.state, o.now + 2000, Lang::id);
  CHECK(of_type(log, "view").size() == 2);
  CHECK(of_type(log, "view").back()["services"][0]["waiting"] == 1);
  CHECK(of_type(log, "problem").size() == 1);
}

TEST_CASE("going offline and back is shown, and the old calls are not spoken again") {
  TestOffice o;
  o.issue("A", 2);
  o.open(1);
  FakeSpeaker speaker;
  DisplayController c(DisplayConfig{}, speaker);
  c.take({snapshot_item(o.state.seq)}, o.state);
  c.update_link(true, true, o.now);
  const Event e = o.call_next(1);
  c.take({call_item(e, o.now)}, o.state);
  c.pump_speech(o.now);
  speaker.finish_last();
  c.pump_speech(o.now + 6000);
  CHECK(c.update_link(false, true, o.now + 9000));
  CHECK(c.rebuild_view(o.state, o.now + 9000, Lang::id).link == Link::offline);
  CHECK(c.view().newest->label == "A-001");
  // Back: the event is replayed from the hub's log; it was spoken, so it is not again.
  CHECK(c.update_link(true, true, o.now + 15'000));
  c.take({call_item(e, o.now + 15'000)}, o.state);
  c.pump_speech(o.now + 15'000);
  CHECK(speaker.started.size() == 1);
  CHECK(c.rebuild_view(o.state, o.now + 15'000, Lang::id).link == Link::online);
}
