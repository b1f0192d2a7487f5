#include "web/front_publisher.h"

#include <spdlog/spdlog.h>

#include <vector>

#include "antrian/queue_rules.h"
#include "web/ticket_status.h"
#include "web/web_context.h"

namespace antrian::web {
namespace {

using json = nlohmann::json;
using namespace std::chrono_literals;

// The clock channel's ping: pages call a hub silent for 25 s lost.
constexpr auto kPingEvery = 10s;
// Views with times in them (waits) are recomputed this often even without events.
constexpr auto kRefreshEvery = 30s;
// After a failed publish (front restarting): try again this soon, then send all.
constexpr auto kRetryEvery = 1s;

std::string message(const json& view, int64_t now) {
  return "{\"now\":" + std::to_string(now) + ",\"view\":" + view.dump(-1, ' ', false, json::error_handler_t::replace) + "}";
}

}  // namespace

FrontPublisher::FrontPublisher(WebContext& ctx, std::string socket_path) : ctx_(ctx), socket_(std::move(socket_path)) {}

FrontPublisher::~FrontPublisher() { stop(); }

void FrontPublisher::start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { run(); });
}

void FrontPublisher::stop() {
  {
    std::lock_guard l(stop_mu_);
    stopping_ = true;
  }
  stop_cv_.notify_all();
  ctx_.feed.stop();
  if (thread_.joinable()) thread_.join();
}

void FrontPublisher::run() {
  auto last_ping = std::chrono::steady_clock::now() - kPingEvery;
  auto last_full = std::chrono::steady_clock::now();
  uint64_t seen = 0;
  bool warned = false;
  for (;;) {
    {
      std::lock_guard l(stop_mu_);
      if (stopping_) return;
    }
    const auto now = std::chrono::steady_clock::now();
    const bool ping = now - last_ping >= kPingEvery;
    const bool refresh = now - last_full >= kRefreshEvery;
    const uint64_t version = ctx_.feed.version();
    if (version != seen || ping || refresh) {
      std::string error;
      std::lock_guard l(mu_);
      if (pass(ping, error)) {
        seen = version;
        if (ping) {
          last_ping = now;
          read_figures();
        }
        if (refresh) last_full = now;
        if (warned) spdlog::info("web front: publishing again to {}", socket_.path());
        warned = false;
        ok_ = true;
      } else {
        ok_ = false;
        last_.clear();  // the front may have restarted empty: send everything when back
        if (!warned) spdlog::warn("web front: {}; live pages wait until it is back (the office is not affected)", error);
        warned = true;
      }
    }
    std::unique_lock l(stop_mu_);
    if (stopping_) return;
    l.unlock();
    if (!ok_) {
      std::unique_lock s(stop_mu_);
      stop_cv_.wait_for(s, kRetryEvery, [this] { return stopping_; });
    } else {
      ctx_.feed.wait_newer(seen, 1s);
    }
  }
}

void FrontPublisher::read_figures() {
  std::string nchan, nginx, error;
  std::optional<FrontFigures> f;
  if (socket_.get("/status/streams", nchan, error) && socket_.get("/status/connections", nginx, error))
    if (auto with_streams = parse_nchan_status(nchan)) f = parse_nginx_status(nginx, *with_streams);
  if (!f && figures_) spdlog::warn("web front: its status pages did not answer ({}); /metrics leaves them out", error);
  figures_ = f;
}

std::optional<FrontFigures> FrontPublisher::figures() const {
  std::lock_guard l(mu_);
  return figures_;
}

bool FrontPublisher::pass(bool ping, std::string& error) {
  ++passes_;
  const auto started = std::chrono::steady_clock::now();
  const int64_t now = ctx_.now();
  // Copy the state under the hub's lock, compute outside it: the hub keeps answering.
  const OfficeState s = ctx_.hub.with_state([](const OfficeState& st) { return st; });
  const auto calls = ctx_.calls.recent(50);
  std::vector<NchanMessage> batch;
  auto add = [&](const std::string& channel, const char* event, const json& view) {
    std::string dump = view.dump(-1, ' ', false, json::error_handler_t::replace);
    auto it = last_.find(channel);
    if (it != last_.end() && it->second == dump) return;
    batch.push_back({channel, event, message(view, now)});
    last_[channel] = std::move(dump);
  };
  // TVs and the admin hall first: one view each, and a TV must speak the call at once.
  for (const auto& [channel, f] : displays_) add(channel, "display", display_view(s, f, calls, now));
  if (admin_) add("admin", "overview", overview(s, now));
  if (ping) batch.push_back({"clock", "ping", "{\"now\":" + std::to_string(now) + "}"});
  if (!socket_.publish(batch, error)) return false;
  std::size_t changed = batch.size();
  sent_ += int64_t(batch.size());
  batch.clear();

  // Then every ticket's page. Each service's notice and queue are worked out once
  // per pass, not once per ticket; views go out in slices as they are ready.
  std::unordered_map<std::string, const Ticket*> newest;  // a transfer keeps the token
  for (const auto& [_, t] : s.tickets) {
    if (!valid_token_format(t.token)) continue;
    const Ticket*& slot = newest[t.token];
    if (!slot || t.id > slot->id) slot = &t;
  }
  std::unordered_map<std::string, json> notices;
  std::unordered_map<int64_t, int> ahead;
  for (const auto& [code, _] : s.services) {
    notices[code] = ticket_notice(s, code, now);
    const auto queue = waiting_in_service(s, code);
    for (std::size_t i = 0; i < queue.size(); ++i) ahead[queue[i]->id] = int(i);
  }
  for (const auto& [token, t] : newest) {
    auto n = notices.find(t->service);
    if (n == notices.end()) n = notices.emplace(t->service, ticket_notice(s, t->service, now)).first;
    const auto a = ahead.find(t->id);
    const TicketFigures known{n->second, a == ahead.end() ? 0 : a->second};
    add("t." + token, "ticket", ticket_status_of(s, *t, now, &known));
    if (batch.size() >= 256) {
      if (!socket_.publish(batch, error)) return false;
      changed += batch.size();
      sent_ += int64_t(batch.size());
      batch.clear();
    }
  }
  // Earlier days' tickets whose come-back entry is open; each is let go after its
  // entry closed and that last view went out.
  for (auto it = past_.begin(); it != past_.end();) {
    if (newest.count(it->first)) {
      it = past_.erase(it);
      continue;
    }
    add("t." + it->first, "ticket", past_ticket_view(s, it->second, now));
    it = comeback_open_for(s, it->second) ? std::next(it) : past_.erase(it);
  }
  if (!socket_.publish(batch, error)) return false;
  changed += batch.size();
  sent_ += int64_t(batch.size());
  const auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
  if (std::chrono::steady_clock::now() - started > 300ms)
    spdlog::info("web front: {} views, {} changed, published in {} ms", newest.size() + displays_.size(), changed,
                 ms(std::chrono::steady_clock::now() - started));
  return true;
}

bool FrontPublisher::publish_locked(const std::string& channel, const char* event, const json& view,
                                    std::string& reason) {
  std::vector<NchanMessage> one{{channel, event, message(view, ctx_.now())}};
  if (!socket_.publish(one, reason)) {
    last_.clear();
    return false;
  }
  last_[channel] = view.dump(-1, ' ', false, json::error_handler_t::replace);
  ++sent_;
  return true;
}

bool FrontPublisher::ensure_ticket(const std::string& token, const json& view, std::string& reason) {
  std::lock_guard l(mu_);
  const std::string channel = "t." + token;
  if (last_.count(channel)) return true;  // already current in the front
  return publish_locked(channel, "ticket", view, reason);
}

void FrontPublisher::follow_past_ticket(const std::string& token, const Ticket& t) {
  std::lock_guard l(mu_);
  if (past_.size() >= kMaxPastTickets && !past_.count(token)) return;  // the page still polls
  past_[token] = t;
}

bool FrontPublisher::ensure_display(const std::string& channel, const WebDisplayFilter& f, std::string& reason) {
  std::lock_guard l(mu_);
  if (!displays_.count(channel)) {
    if (displays_.size() >= kMaxDisplayChannels) {
      reason = "this hub already serves " + std::to_string(kMaxDisplayChannels) +
               " different display filters; use one of the filters other TVs use";
      return false;
    }
    displays_.emplace(channel, f);
  }
  if (last_.count(channel)) return true;
  const auto calls = ctx_.calls.recent(50);
  const int64_t now = ctx_.now();
  json view = ctx_.hub.with_state([&](const OfficeState& s) { return display_view(s, f, calls, now); });
  return publish_locked(channel, "display", view, reason);
}

bool FrontPublisher::ensure_admin(std::string& reason) {
  std::lock_guard l(mu_);
  admin_ = true;
  if (last_.count("admin")) return true;
  const int64_t now = ctx_.now();
  json view = ctx_.hub.with_state([&](const OfficeState& s) { return overview(s, now); });
  return publish_locked("admin", "overview", view, reason);
}

int64_t FrontPublisher::messages_sent() const {
  std::lock_guard l(mu_);
  return sent_;
}
int64_t FrontPublisher::passes() const {
  std::lock_guard l(mu_);
  return passes_;
}
bool FrontPublisher::connected() const {
  std::lock_guard l(mu_);
  return ok_;
}

}  // namespace antrian::web
