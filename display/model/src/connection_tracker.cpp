#include "antrian/display/connection_tracker.h"

namespace antrian::display {

bool ConnectionTracker::update(bool online, bool synced, int64_t now_ms) {
  const Link before = link_;
  if (synced) ever_synced_ = true;
  if (!ever_synced_) {
    link_ = Link::connecting;
  } else if (online && synced) {
    if (link_ == Link::offline) back_online_at_ms_ = now_ms;
    link_ = Link::online;
    offline_since_ms_ = 0;
  } else if (!online) {
    if (link_ != Link::offline) {
      offline_since_ms_ = now_ms;
      ++offline_spells_;
    }
    link_ = Link::offline;
  }
  // online but not synced (a fresh snapshot on its way): keep showing what we had.
  return link_ != before;
}

const char* to_string(Link link) {
  switch (link) {
    case Link::connecting: return "connecting";
    case Link::online: return "online";
    case Link::offline: return "offline";
  }
  return "unknown";
}

}  // namespace antrian::display
