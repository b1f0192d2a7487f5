#include "antrian/display/hub_feed.h"

#include "antrian/hub_client.h"
#include "antrian/protocol.h"

namespace antrian::display {

bool is_call_event(const Event& e) {
  return e.type == proto::ev::ticket_called || e.type == proto::ev::ticket_recalled;
}

struct HubFeed::Inbox {
  std::mutex mu;
  std::deque<FeedItem> items;
  bool asking_time = false;  // a hello is on its way
  std::function<void()> wake;
  bool closed = false;

  // Gives every call still without a time the hub's answer. Called with mu held.
  void stamp(int64_t hub_now) {
    for (FeedItem& it : items)
      if (it.kind == FeedItem::Kind::call && !it.hub_now_ms) it.hub_now_ms = hub_now;
  }
};

HubFeed::HubFeed(HubClient& client, std::function<void()> wake)
    : client_(client), inbox_(std::make_shared<Inbox>()) {
  inbox_->wake = std::move(wake);
  std::weak_ptr<Inbox> weak = inbox_;
  HubClient* c = &client_;

  // Asks the hub for its clock; the answer stamps every call waiting for it. If a
  // call arrives while a question is out, the answer (given after that call was
  // published, or a round trip before it at worst) serves it too.
  auto ask_time = [weak, c]() {
    c->request_async(proto::cmd::hello, nlohmann::json::object(), [weak, c](const proto::Reply& r) {
      auto inbox = weak.lock();
      if (!inbox) return;
      const int64_t now = r.ok && r.result.contains("now") && r.result["now"].is_number_integer()
                              ? r.result["now"].get<int64_t>()
                              : c->hub_now_ms();
      std::function<void()> wake;
      {
        std::lock_guard l(inbox->mu);
        inbox->asking_time = false;
        inbox->stamp(now);
        if (inbox->closed) return;
        wake = inbox->wake;
      }
      if (wake) wake();
    });
  };

  client_.on_event([weak, ask_time](const Event& e, bool live) {
    if (!is_call_event(e)) return;  // other events only change the mirror, read directly
    auto inbox = weak.lock();
    if (!inbox) return;
    bool ask = false;
    {
      std::lock_guard l(inbox->mu);
      FeedItem it;
      it.kind = FeedItem::Kind::call;
      it.event = e;
      it.live = live;
      inbox->items.push_back(std::move(it));
      if (!inbox->asking_time) ask = inbox->asking_time = true;
    }
    if (ask) ask_time();
  });
  client_.on_snapshot([weak, c]() {
    auto inbox = weak.lock();
    if (!inbox) return;
    {
      std::lock_guard l(inbox->mu);
      FeedItem it;
      it.kind = FeedItem::Kind::snapshot;
      it.seq = c->seq();  // the client set it from this snapshot before calling us
      it.hub_now_ms = c->hub_now_ms();  // fresh: the snapshot reply carried the hub's time
      inbox->items.push_back(std::move(it));
    }
  });
  client_.on_change([weak]() {
    auto inbox = weak.lock();
    if (!inbox) return;
    std::function<void()> wake;
    {
      std::lock_guard l(inbox->mu);
      if (inbox->closed) return;
      wake = inbox->wake;
    }
    if (wake) wake();
  });
}

HubFeed::~HubFeed() {
  {
    std::lock_guard l(inbox_->mu);
    inbox_->closed = true;
  }
  client_.on_event({});
  client_.on_snapshot({});
  client_.on_change({});
}

std::vector<FeedItem> HubFeed::take_ready() {
  std::vector<FeedItem> out;
  std::lock_guard l(inbox_->mu);
  while (!inbox_->items.empty()) {
    FeedItem& front = inbox_->items.front();
    if (front.kind == FeedItem::Kind::call && !front.hub_now_ms) break;  // keeps the order
    out.push_back(std::move(front));
    inbox_->items.pop_front();
  }
  return out;
}

}  // namespace antrian::display
