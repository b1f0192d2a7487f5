#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "antrian/speech/announcement_queue.h"

using namespace antrian::speech;

namespace {

// A call event from the hub: seq, ticket id, label, counter, recall count, hub time.
Announcement call(std::int64_t seq, std::int64_t ticket_id, const std::string& label, int counter,
                  int recall, std::int64_t at_ms) {
  Announcement a;
  a.event_seq = seq;
  a.event_time_ms = at_ms;
  a.ticket_id = ticket_id;
  a.call = Call{label, counter, "", recall};
  return a;
}

// Plays everything pending as the display would, returning what was spoken.
std::vector<std::string> play_all(AnnouncementQueue& q, std::int64_t now_ms) {
  std::vector<std::string> spoken;
  while (auto a = q.next(now_ms)) {
    spoken.push_back(a->call.ticket + "#" + std::to_string(a->call.recall_count));
    q.finished();
  }
  return spoken;
}

}  // namespace

TEST_CASE("announcement queue: spoken one after another in order") {
  AnnouncementQueue q;
  const std::int64_t t = 1'000'000;
  CHECK(q.offer(call(1, 11, "A-001", 1, 0, t), t) == OfferResult::queued);
  CHECK(q.offer(call(2, 12, "B-001", 2, 0, t), t) == OfferResult::queued);
  CHECK(q.offer(call(3, 13, "A-002", 3, 0, t), t) == OfferResult::queued);
  CHECK(q.pending() == 3);
  CHECK_FALSE(q.is_speaking());
  CHECK(play_all(q, t) == std::vector<std::string>{"A-001#0", "B-001#0", "A-002#0"});
  CHECK_FALSE(q.next(t).has_value());
}

TEST_CASE("announcement queue: a new call never cuts off the one being spoken") {
  AnnouncementQueue q;
  const std::int64_t t = 5'000;
  q.offer(call(1, 11, "A-001", 1, 0, t), t);
  auto first = q.next(t);
  REQUIRE(first.has_value());
  CHECK(first->call.ticket == "A-001");
  CHECK(q.is_speaking());

  // A call arrives mid-sentence: it waits.
  CHECK(q.offer(call(2, 12, "B-001", 2, 0, t + 500), t + 500) == OfferResult::queued);
  CHECK_FALSE(q.next(t + 600).has_value());
  CHECK(q.speaking()->call.ticket == "A-001");

  q.finished();
  CHECK_FALSE(q.is_speaking());
  auto second = q.next(t + 3000);
  REQUIRE(second.has_value());
  CHECK(second->call.ticket == "B-001");
}

TEST_CASE("announcement queue: a reconnect replays events, nothing is spoken twice") {
  AnnouncementQueue q;
  const std::int64_t t = 2'000'000;
  const std::vector<Announcement> events = {call(40, 1, "A-001", 1, 0, t), call(41, 2, "A-002", 2, 0, t + 100),
                                            call(42, 3, "B-001", 3, 0, t + 200)};
  for (const auto& e : events) CHECK(q.offer(e, t + 300) == OfferResult::queued);
  // Two spoken, one still pending when the link drops.
  REQUIRE(q.next(t + 300));
  q.finished();
  REQUIRE(q.next(t + 3000));
  q.finished();

  // After reconnecting the display applies the same events again (Clone pattern).
  for (const auto& e : events) CHECK(q.offer(e, t + 4000) == OfferResult::duplicate);
  CHECK(play_all(q, t + 4000) == std::vector<std::string>{"B-001#0"});
  CHECK(q.pending() == 0);
}

TEST_CASE("announcement queue: a recall is spoken again") {
  AnnouncementQueue q;
  const std::int64_t t = 10'000;
  CHECK(q.offer(call(7, 5, "C-003", 4, 0, t), t) == OfferResult::queued);
  CHECK(play_all(q, t) == std::vector<std::string>{"C-003#0"});
  CHECK(q.offer(call(9, 5, "C-003", 4, 1, t + 20'000), t + 20'000) == OfferResult::queued);
  CHECK(q.offer(call(12, 5, "C-003", 4, 2, t + 40'000), t + 40'000) == OfferResult::queued);
  CHECK(play_all(q, t + 40'000) == std::vector<std::string>{"C-003#1", "C-003#2"});
  // The replayed recall is not.
  CHECK(q.offer(call(9, 5, "C-003", 4, 1, t + 20'000), t + 21'000) == OfferResult::duplicate);
}

TEST_CASE("announcement queue: calls older than max age when offered are not spoken") {
  AnnouncementQueue q;  // default 10 s
  const std::int64_t now = 100'000;
  CHECK(q.offer(call(1, 1, "A-001", 1, 0, now - 10'001), now) == OfferResult::stale);
  CHECK(q.offer(call(2, 2, "A-002", 1, 0, now - 10'000), now) == OfferResult::queued);
  CHECK(q.offer(call(3, 3, "A-003", 1, 0, now + 2'000), now) == OfferResult::queued);  // clock skew
  CHECK(play_all(q, now) == std::vector<std::string>{"A-002#0", "A-003#0"});

  AnnouncementQueue::Options o;
  o.max_age_ms = 3'000;
  AnnouncementQueue strict(o);
  CHECK(strict.offer(call(4, 4, "A-004", 1, 0, now - 3'500), now) == OfferResult::stale);
  CHECK(strict.offer(call(5, 5, "A-005", 1, 0, now - 2'500), now) == OfferResult::queued);
}

TEST_CASE("announcement queue: memory of keys is bounded and forgetting never repeats a call") {
  AnnouncementQueue::Options o;
  o.remembered_keys = 8;
  AnnouncementQueue q(o);
  const std::int64_t t = 50'000;
  for (std::int64_t seq = 1; seq <= 100; ++seq) {
    CHECK(q.offer(call(seq, seq, "A-" + std::to_string(seq), 1, 0, t), t) == OfferResult::queued);
    while (q.next(t)) q.finished();
  }
  CHECK(q.remembered() == 8);
  CHECK(q.forgotten_up_to() == 92);
  // Forgotten (seq 5) and remembered (seq 99) keys are both still duplicates.
  CHECK(q.offer(call(5, 5, "A-5", 1, 0, t), t) == OfferResult::duplicate);
  CHECK(q.offer(call(99, 99, "A-99", 1, 0, t), t) == OfferResult::duplicate);
  CHECK(q.offer(call(101, 101, "A-101", 1, 0, t), t) == OfferResult::queued);
}

TEST_CASE("announcement queue: start-up snapshot, replaced hub log, backlog cap") {
  const std::int64_t t = 70'000;
  SUBCASE("calls already in the snapshot are not announced") {
    AnnouncementQueue q;
    q.mark_seen_up_to(500);
    CHECK(q.offer(call(480, 1, "A-001", 1, 0, t), t) == OfferResult::duplicate);
    CHECK(q.offer(call(501, 2, "A-002", 1, 0, t), t) == OfferResult::queued);
  }
  SUBCASE("the same seq for another ticket is a new call; reset_history after a log reset") {
    AnnouncementQueue q;
    CHECK(q.offer(call(3, 1, "A-001", 1, 0, t), t) == OfferResult::queued);
    CHECK(q.offer(call(3, 9, "D-001", 2, 0, t), t) == OfferResult::queued);
    q.reset_history();
    CHECK(q.offer(call(3, 1, "A-001", 1, 0, t), t) == OfferResult::queued);
  }
  SUBCASE("a long backlog drops the oldest pending call") {
    AnnouncementQueue::Options o;
    o.max_pending = 2;
    AnnouncementQueue q(o);
    for (std::int64_t seq = 1; seq <= 3; ++seq)
      q.offer(call(seq, seq, "A-00" + std::to_string(seq), 1, 0, t), t);
    CHECK(play_all(q, t) == std::vector<std::string>{"A-002#0", "A-003#0"});
    CHECK(q.offer(call(1, 1, "A-001", 1, 0, t), t) == OfferResult::duplicate);
  }
}

TEST_CASE("announcement queue: a player that never reports finished does not hang the queue") {
  AnnouncementQueue::Options o;
  o.max_speaking_ms = 30'000;
  AnnouncementQueue q(o);
  const std::int64_t t = 0;
  q.offer(call(1, 1, "A-001", 1, 0, t), t);
  q.offer(call(2, 2, "A-002", 1, 0, t), t);
  REQUIRE(q.next(t));
  CHECK_FALSE(q.next(t + 29'000).has_value());
  auto after = q.next(t + 30'001);
  REQUIRE(after.has_value());
  CHECK(after->call.ticket == "A-002");
}
