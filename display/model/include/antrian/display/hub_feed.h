#pragma once
// Hands what the hub client's network thread learns to the display's UI thread, in
// order: snapshots (after which older calls must not be spoken) and call events.
//
// A call's age decides whether it is spoken, and its age is the hub's clock now
// minus the event's time. The client's hub_now_ms() is estimated from the newest
// message, which after a stalled link is itself old (a backlog arrives in a burst,
// each message carrying its old time), so old calls would look fresh. So for each
// call the feed asks the hub the time (one "hello" per burst) and releases the call
// only when the answer is in; if the hub does not answer, the client's estimate is
// the fallback.
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

#include "antrian/event.h"

namespace antrian {
class HubClient;
}

namespace antrian::display {

struct FeedItem {
  enum class Kind { snapshot, call } kind = Kind::call;
  Event event;          // call: the ticket_called / ticket_recalled event
  bool live = true;     // call: false when recovered from the hub's log after a gap
  int64_t seq = 0;      // snapshot: the sequence number the new state is at
  std::optional<int64_t> hub_now_ms;  // the hub's clock when the display learned of it
};

// True for the events that are calls the wall announces.
bool is_call_event(const Event& e);

class HubFeed {
 public:
  // Installs the client's on_event / on_snapshot / on_change callbacks. wake is
  // called from the network thread whenever something is ready or changed.
  HubFeed(HubClient& client, std::function<void()> wake);
  ~HubFeed();
  HubFeed(const HubFeed&) = delete;
  HubFeed& operator=(const HubFeed&) = delete;

  // Items ready for the UI thread, oldest first: everything up to the first call
  // still waiting for the hub's time.
  std::vector<FeedItem> take_ready();

  struct Inbox;

 private:
  HubClient& client_;
  std::shared_ptr<Inbox> inbox_;  // shared with the callbacks, which may outlive this
};

}  // namespace antrian::display
