// What is spoken: calls in order, recalls again, nothing twice after a replay or a
// restart, nothing stale, nothing this display does not show; the office's words.
#include <doctest/doctest.h>

#include "antrian/display/call_announcer.h"
#include "office.h"

using namespace antrian;
using namespace antrian::display;
using antrian::display::test::TestOffice;

namespace {

DisplayConfig config(std::vector<std::string> services = {}, std::vector<int> lokets = {}) {
  DisplayConfig c;
  c.services = std::move(services);
  c.lokets = std::move(lokets);
  return c;
}

struct Hall {
  TestOffice o;
  Hall() {
    o.issue("A", 5);
    o.issue("C", 2);
    for (int l : {1, 2, 4}) o.open(l);
  }
};

}  // namespace

TEST_CASE("a call is queued and spoken with the Indonesian phrase") {
  Hall h;
  CallAnnouncer a(config());
  const Event e = h.o.call_next(2);
  const CallNotice n = a.on_call(e, true, e.at + 20, h.o.state);
  CHECK(n.status == "queued");
  CHECK(n.ticket == "A-001");
  CHECK(n.loket == 2);
  CHECK(n.age_ms == 20);
  auto job = a.next(e.at + 30);
  REQUIRE(job);
  CHECK(job->text == "Nomor antrian, A, nol, nol, satu, silakan menuju loket dua");
  CHECK(job->ticket == "A-001");
  CHECK(a.speaking());
}

TEST_CASE("one after another: a new call never cuts off the one being spoken") {
  Hall h;
  CallAnnouncer a(config());
  const Event e1 = h.o.call_next(1);
  const Event e2 = h.o.call_next(2);
  const Event e3 = h.o.call_next(4);
  for (const Event& e : {e1, e2, e3}) CHECK(a.on_call(e, true, e.at, h.o.state).status == "queued");
  auto first = a.next(h.o.now);
  REQUIRE(first);
  CHECK(first->ticket == "A-001");
  CHECK_FALSE(a.next(h.o.now + 100));  // still speaking the first
  CHECK(a.pending() == 2);
  CHECK_FALSE(a.finished({999, 1, 0}));  // a report about something else changes nothing
  CHECK(a.speaking());
  CHECK(a.finished(first->key));
  auto second = a.next(h.o.now + 200);
  REQUIRE(second);
  CHECK(second->ticket == "A-002");
  CHECK(a.finished(second->key));
  CHECK(a.next(h.o.now + 300)->ticket == "C-001");
}

TEST_CASE("a recall is spoken again, with the recall words") {
  Hall h;
  CallAnnouncer a(config());
  const Event call = h.o.call_next(1);
  a.on_call(call, true, call.at, h.o.state);
  a.finished(a.next(call.at)->key);
  h.o.advance(20'000);
  const Event recall = h.o.recall(1);
  const CallNotice n = a.on_call(recall, true, recall.at + 5, h.o.state);
  CHECK(n.status == "queued");
  CHECK(n.recall == 1);
  auto job = a.next(recall.at + 10);
  REQUIRE(job);
  CHECK(job->text == "Panggilan ulang, nomor antrian, A, nol, nol, satu, silakan menuju loket satu");
}

TEST_CASE("replayed events after a reconnect are not spoken twice") {
  Hall h;
  CallAnnouncer a(config());
  const Event e = h.o.call_next(1);
  CHECK(a.on_call(e, true, e.at, h.o.state).status == "queued");
  CHECK(a.on_call(e, false, e.at + 2000, h.o.state).status == "duplicate");
  a.finished(a.next(e.at)->key);
  CHECK(a.on_call(e, false, e.at + 3000, h.o.state).status == "duplicate");
  CHECK_FALSE(a.next(e.at + 3000));
}

TEST_CASE("after a snapshot (display restart) the calls in it are shown, not spoken") {
  Hall h;
  const Event before = h.o.call_next(1);
  CallAnnouncer a(config());
  a.on_snapshot(h.o.state.seq);
  CHECK(a.on_call(before, false, before.at + 100, h.o.state).status == "duplicate");
  const Event after = h.o.call_next(2);
  CHECK(a.on_call(after, true, after.at, h.o.state).status == "queued");
}

TEST_CASE("calls older than the maximum age when they arrive are shown but not spoken") {
  Hall h;
  DisplayConfig c = config();
  c.max_speech_age_s = 10;
  CallAnnouncer a(c);
  const Event e = h.o.call_next(1);
  const CallNotice n = a.on_call(e, false, e.at + 10'001, h.o.state);
  CHECK(n.status == "stale");
  CHECK(n.age_ms == 10'001);
  CHECK_FALSE(n.live);
  CHECK_FALSE(a.next(e.at + 10'002));
  const Event e2 = h.o.call_next(2);
  CHECK(a.on_call(e2, false, e2.at + 9'000, h.o.state).status == "queued");  // recovered but young: said
}

TEST_CASE("a display for some services or lokets only speaks their calls") {
  Hall h;
  CallAnnouncer kk(config({"C", "D"}));
  CallAnnouncer loket1(config({}, {1}));
  const Event a1 = h.o.call_next(1);
  const Event c1 = h.o.call_next(4);
  CHECK(kk.on_call(a1, true, a1.at, h.o.state).status == "not_shown");
  CHECK(kk.on_call(c1, true, c1.at, h.o.state).status == "queued");
  CHECK(loket1.on_call(a1, true, a1.at, h.o.state).status == "queued");
  CHECK(loket1.on_call(c1, true, c1.at, h.o.state).status == "not_shown");
}

TEST_CASE("a replaced hub log (new database) does not silence its calls") {
  Hall h;
  CallAnnouncer a(config());
  a.on_snapshot(h.o.state.seq);  // seq around 20
  TestOffice fresh;  // a new hub: its log starts again from 1
  fresh.issue("A");
  fresh.open(1);
  const Event e = fresh.call_next(1);
  REQUIRE(e.seq < h.o.state.seq);
  a.on_snapshot(fresh.state.seq - 1);  // the display re-snapshots when the sequence goes back
  CHECK(a.on_call(e, true, e.at, fresh.state).status == "queued");
}

TEST_CASE("the office's own phrase template, and a fallback when it cannot be used") {
  Hall h;
  DisplayConfig c = config();
  c.call_template = "Antrian {ticket}, {service}, ke loket {counter}";
  CallAnnouncer a(c);
  const Event e = h.o.call_next(4);
  a.on_call(e, true, e.at, h.o.state);
  CHECK(a.next(e.at)->text == "Antrian C, nol, nol, satu, Kartu Keluarga, ke loket empat");

  std::string error;
  speech::Call odd{"??", 3, "", 0};  // a label that cannot be read: still says where to go
  CHECK(a.phrase_for(odd, &error) == "??, loket 3");
  CHECK_FALSE(error.empty());
}

TEST_CASE("an event without a ticket is reported, not spoken") {
  Hall h;
  CallAnnouncer a(config());
  Event e;
  e.seq = 99;
  e.type = "ticket_called";
  e.data = {{"counter", 1}};
  const CallNotice n = a.on_call(e, true, 0, h.o.state);
  CHECK(n.status == "unreadable");
  CHECK_FALSE(n.reason.empty());
  CHECK_FALSE(a.next(0));
}
