#include "hub_link.h"

namespace antrian::counter {

HubLink::HubLink(HubClientOptions options) : client_(std::make_unique<HubClient>(std::move(options))) {
  client_->on_change([this] { arrived(); });
}

HubLink::~HubLink() { client_.reset(); }

void HubLink::set_waker(std::function<void()> wake) {
  std::lock_guard l(mu_);
  wake_ = std::move(wake);
}

void HubLink::arrived() {
  std::function<void()> wake;
  {
    std::lock_guard l(mu_);
    ++arrivals_;
    wake = wake_;
  }
  cv_.notify_all();
  if (wake) wake();
}

void HubLink::pump(ConsoleModel& model, const Mirror& m) {
  std::vector<std::pair<uint64_t, proto::Reply>> replies;
  {
    std::lock_guard l(mu_);
    replies.swap(replies_);
  }
  for (const auto& [token, reply] : replies) model.on_reply(token, reply, m);
  model.on_mirror(m);
  for (Outgoing& out : model.take_outbox()) {
    const uint64_t token = out.token;
    client_->request_async(out.cmd, std::move(out.args), [this, token](const proto::Reply& r) {
      {
        std::lock_guard l(mu_);
        replies_.push_back({token, r});
      }
      arrived();
    });
  }
}

void HubLink::wait(int timeout_ms) {
  std::unique_lock l(mu_);
  cv_.wait_for(l, std::chrono::milliseconds(timeout_ms), [&] { return arrivals_ != seen_; });
  seen_ = arrivals_;
}

}  // namespace antrian::counter
