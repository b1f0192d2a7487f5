#pragma once
// Which calls the wall display speaks, and when. Pure logic: no threads, no clock;
// the display passes the time in, so every rule here is testable.
//
// Rules:
//  - announcements are spoken one after another in the order they were offered;
//  - a new call never cuts off the one being spoken: next() gives nothing until the
//    player reports finished() (or the speaking watchdog expires, see Options);
//  - a recall is a new hub event (new sequence number, higher recall count), so it is
//    spoken again;
//  - nothing is spoken twice because events are replayed after a reconnect: each
//    announcement has a key (event sequence number, ticket id, recall count) and a key
//    seen before is dropped;
//  - a call that is already older than max_age when it is offered (a snapshot after a
//    restart, a backlog after a reconnect) is not spoken: the person has either gone
//    to the counter or will be called again.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <unordered_set>

#include "antrian/speech/phrase.h"

namespace antrian::speech {

struct AnnouncementKey {
  std::int64_t event_seq = 0;  // sequence number of the hub's event log
  std::int64_t ticket_id = 0;
  int recall_count = 0;
  bool operator==(const AnnouncementKey&) const = default;
};

struct Announcement {
  std::int64_t event_seq = 0;
  std::int64_t event_time_ms = 0;  // when the hub accepted the call (hub clock, ms)
  std::int64_t ticket_id = 0;
  Call call;                       // what to say; call.recall_count is part of the key
  AnnouncementKey key() const { return {event_seq, ticket_id, call.recall_count}; }
};

enum class OfferResult {
  queued,
  duplicate,  // its key was queued or spoken before (replay after a reconnect)
  stale,      // older than max_age when offered
};

class AnnouncementQueue {
 public:
  struct Options {
    std::int64_t max_age_ms = 10'000;
    // How many keys are remembered. When a key is forgotten its sequence number
    // becomes a low-water mark below which everything counts as seen, so forgetting
    // can never make an old call speak again.
    std::size_t remembered_keys = 1024;
    // More pending announcements than this drops the oldest pending one: after a
    // minutes-long backlog the newest calls matter to the people in the hall.
    std::size_t max_pending = 64;
    // If the player never reports finished() (audio device lost), speaking ends by
    // itself after this long so the queue cannot hang forever.
    std::int64_t max_speaking_ms = 30'000;
  };

  AnnouncementQueue();
  explicit AnnouncementQueue(Options options);

  // now_ms must be on the hub's clock (the display estimates it from the heartbeats);
  // with a skewed local clock fresh calls would look stale or stale ones fresh.
  // A call from the future (small clock skew) counts as fresh.
  OfferResult offer(const Announcement& a, std::int64_t now_ms);

  // The next announcement to speak, which is now being spoken; nothing while one is
  // being spoken or when none is pending.
  std::optional<Announcement> next(std::int64_t now_ms);

  // The player has finished the one from next().
  void finished();

  bool is_speaking() const { return speaking_.has_value(); }
  const std::optional<Announcement>& speaking() const { return speaking_; }
  std::size_t pending() const { return pending_.size(); }
  std::size_t remembered() const { return seen_order_.size(); }
  std::int64_t forgotten_up_to() const { return low_water_seq_; }

  // Marks everything up to seq as seen: a display that starts up and takes a snapshot
  // at seq must not announce the calls already in it.
  void mark_seen_up_to(std::int64_t seq);

  // The hub's log was replaced (its sequence went backwards): forget every key,
  // otherwise the new log's numbers would look like replays and stay silent.
  void reset_history();

  // Drops pending announcements (e.g. the display is muted); keeps the memory of keys.
  void clear_pending() { pending_.clear(); }

 private:
  struct KeyHash {
    std::size_t operator()(const AnnouncementKey& k) const;
  };
  bool seen(const AnnouncementKey& k) const;
  void remember(const AnnouncementKey& k);

  Options options_;
  std::deque<Announcement> pending_;
  std::optional<Announcement> speaking_;
  std::int64_t speaking_since_ms_ = 0;
  std::unordered_set<AnnouncementKey, KeyHash> seen_;
  std::deque<AnnouncementKey> seen_order_;  // oldest first, for bounded memory
  std::int64_t low_water_seq_ = 0;          // every seq <= this counts as seen
};

}  // namespace antrian::speech
