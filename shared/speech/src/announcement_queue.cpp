#include "antrian/speech/announcement_queue.h"

#include <algorithm>
#include <functional>

namespace antrian::speech {

std::size_t AnnouncementQueue::KeyHash::operator()(const AnnouncementKey& k) const {
  std::size_t h = std::hash<std::int64_t>{}(k.event_seq);
  h = h * 1000003u ^ std::hash<std::int64_t>{}(k.ticket_id);
  h = h * 1000003u ^ std::hash<int>{}(k.recall_count);
  return h;
}

AnnouncementQueue::AnnouncementQueue() : AnnouncementQueue(Options{}) {}

AnnouncementQueue::AnnouncementQueue(Options options) : options_(options) {
  options_.remembered_keys = std::max<std::size_t>(options_.remembered_keys, 1);
  options_.max_pending = std::max<std::size_t>(options_.max_pending, 1);
}

// The whole key must match: the same sequence number with another ticket can only
// mean a replaced hub log, and that is a new call.
bool AnnouncementQueue::seen(const AnnouncementKey& k) const {
  if (low_water_seq_ > 0 && k.event_seq <= low_water_seq_) return true;
  return seen_.count(k) > 0;
}

void AnnouncementQueue::remember(const AnnouncementKey& k) {
  seen_.insert(k);
  seen_order_.push_back(k);
  while (seen_order_.size() > options_.remembered_keys) {
    const AnnouncementKey old = seen_order_.front();
    seen_order_.pop_front();
    seen_.erase(old);
    low_water_seq_ = std::max(low_water_seq_, old.event_seq);
  }
}

OfferResult AnnouncementQueue::offer(const Announcement& a, std::int64_t now_ms) {
  const AnnouncementKey k = a.key();
  if (seen(k)) return OfferResult::duplicate;
  if (now_ms - a.event_time_ms > options_.max_age_ms) return OfferResult::stale;
  remember(k);
  pending_.push_back(a);
  if (pending_.size() > options_.max_pending) pending_.pop_front();
  return OfferResult::queued;
}

std::optional<Announcement> AnnouncementQueue::next(std::int64_t now_ms) {
  if (speaking_ && now_ms - speaking_since_ms_ > options_.max_speaking_ms) speaking_.reset();
  if (speaking_ || pending_.empty()) return std::nullopt;
  speaking_ = std::move(pending_.front());
  pending_.pop_front();
  speaking_since_ms_ = now_ms;
  return speaking_;
}

void AnnouncementQueue::finished() { speaking_.reset(); }

void AnnouncementQueue::mark_seen_up_to(std::int64_t seq) {
  low_water_seq_ = std::max(low_water_seq_, seq);
}

void AnnouncementQueue::reset_history() {
  seen_.clear();
  seen_order_.clear();
  low_water_seq_ = 0;
}

}  // namespace antrian::speech
