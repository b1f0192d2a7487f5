#pragma once
// Whether the display can trust what it shows: online (the hub was heard within
// 3 s, judged by HubClient), synced (its mirror follows the hub's log), and since
// when it has been offline, so the screen can say "disconnected since 10:42" while
// keeping the last state on screen.
#include <cstdint>

namespace antrian::display {

enum class Link {
  connecting,  // never synced yet: nothing true to show
  online,      // synced and heard within the offline timeout
  offline,     // lost the hub; the last state stays on screen, marked as old
};

class ConnectionTracker {
 public:
  // Feeds the client's flags, read at now_ms (hub clock). Returns true when what the
  // screen shows about the link changed.
  bool update(bool online, bool synced, int64_t now_ms);

  Link link() const { return link_; }
  bool ever_synced() const { return ever_synced_; }
  // When the current offline spell began (0 while online or connecting).
  int64_t offline_since_ms() const { return offline_since_ms_; }
  // When the link last came back (0 before that ever happened).
  int64_t back_online_at_ms() const { return back_online_at_ms_; }
  int offline_spells() const { return offline_spells_; }

 private:
  Link link_ = Link::connecting;
  bool ever_synced_ = false;
  int64_t offline_since_ms_ = 0;
  int64_t back_online_at_ms_ = 0;
  int offline_spells_ = 0;
};

const char* to_string(Link link);

}  // namespace antrian::display
