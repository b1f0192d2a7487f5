#include "antrian/hub_client.h"

#include <fcntl.h>
#include <unistd.h>

#include <spdlog/spdlog.h>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <future>
#include <map>
#include <random>
#include <thread>

#include "antrian/event_head.h"
#include "antrian/model_json.h"
#include "antrian/office_time.h"
#include "antrian/snapshot_view.h"
#include "handshake_monitor.h"

namespace antrian {
namespace {

using Clk = std::chrono::steady_clock;
using json = nlohmann::json;

struct Pending {
  std::string id;
  std::string payload;
  int attempts = 0;
  bool sent = false;
  Clk::time_point deadline;
  std::function<void(const proto::Reply&)> done;
};

}  // namespace

bool parse_hub_address(const std::string& address, std::string& host, int& port, std::string& error) {
  const std::string prefix = "tcp://";
  const auto colon = address.rfind(':');
  if (address.rfind(prefix, 0) != 0 || colon == std::string::npos || colon <= prefix.size()) {
    error = "hub address must look like tcp://HOST:PORT, not \"" + address + "\"";
    return false;
  }
  host = address.substr(prefix.size(), colon - prefix.size());
  const std::string p = address.substr(colon + 1);
  if (p.empty() || p.size() > 5 || p.find_first_not_of("0123456789") != std::string::npos ||
      std::stoi(p) < 1 || std::stoi(p) > 65535) {
    error = "hub port must be 1..65535 in \"" + address + "\"";
    return false;
  }
  port = std::stoi(p);
  return true;
}

struct HubClient::Impl {
  HubClientOptions opt;
  std::string host;
  int port = 0;
  zmq::context_t ctx{1};
  std::unique_ptr<zmq::socket_t> dealer, sub;
  detail::HandshakeMonitor handshakes;
  // The hub's answer to our CURVE handshake: set when it refused our key.
  mutable std::mutex problem_mu;
  std::string problem;
  int wake_pipe[2] = {-1, -1};
  std::mutex queue_mu;
  std::vector<Pending> submitted;
  std::map<std::string, Pending> inflight;
  std::string id_prefix;
  std::atomic<uint64_t> next_id{1};
  std::atomic<bool> stopping{false};
  std::thread thread;

  // Mirror.
  mutable std::shared_mutex state_mu;
  OfficeState state;
  std::atomic<bool> online{false}, synced{false};
  std::atomic<int64_t> seq{0}, hub_offset_ms{0};
  std::atomic<int> http_port{-1};
  int pub_port = 0;
  Clk::time_point last_heard{}, next_hello{};
  bool hello_inflight = false, recovering = false;
  std::vector<Event> buffered;  // events that arrived while a snapshot/recovery was under way
  uint64_t snapshot_gen = 0;     // a history page belongs to the snapshot it followed

  std::mutex cb_mu;
  std::function<void()> change_cb, snapshot_cb;
  std::function<void(const Event&, bool)> event_cb;

  void wake() {
    const char b = 1;
    [[maybe_unused]] auto n = ::write(wake_pipe[1], &b, 1);
  }
  void notify_change() {
    std::function<void()> f;
    { std::lock_guard l(cb_mu); f = change_cb; }
    if (f) f();
  }

  std::string new_id() { return id_prefix + "-" + std::to_string(next_id++); }

  void submit(std::string_view cmd, json args, std::function<void(const proto::Reply&)> done,
              std::string request_id = {}) {
    if (!opt.client_name.empty() && !args.contains("client")) args["client"] = opt.client_name;
    proto::Request r;
    r.id = request_id.empty() ? new_id() : std::move(request_id);
    r.cmd = std::string(cmd);
    r.role = opt.role;
    r.args = std::move(args);
    Pending p;
    p.id = r.id;
    p.payload = proto::encode_request(r);
    p.done = std::move(done);
    {
      std::lock_guard l(queue_mu);
      submitted.push_back(std::move(p));
    }
    wake();
  }

  void set_curve(zmq::socket_t& s) {
    s.set(zmq::sockopt::curve_serverkey, opt.keys.hub_public_key);
    s.set(zmq::sockopt::curve_publickey, opt.keys.public_key);
    s.set(zmq::sockopt::curve_secretkey, opt.keys.secret_key);
  }

  void set_problem(std::string p) {
    std::lock_guard l(problem_mu);
    if (p == problem) return;
    if (!p.empty()) spdlog::warn("{}", p);
    problem = std::move(p);
  }

  // A refused key fails what is waiting at once; other handshake failures (also seen
  // while the hub restarts) only leave a hint for the timeout's message.
  void on_handshake() {
    auto o = handshakes.read();
    if (!o) return;
    set_problem(o->problem);
    if (o->key_refused) fail_all_inflight();
  }

  void fail_all_inflight() {
    std::string reason;
    {
      std::lock_guard l(problem_mu);
      reason = problem;
    }
    auto failed = std::move(inflight);
    inflight.clear();
    for (auto& [_, p] : failed) p.done(proto::error_reply(p.id, make_error(std::string(proto::err::auth_failed), reason)));
  }

  void new_dealer() {
    dealer = std::make_unique<zmq::socket_t>(ctx, zmq::socket_type::dealer);
    set_curve(*dealer);
    handshakes.watch(ctx, *dealer);
    dealer->set(zmq::sockopt::linger, 0);
    dealer->set(zmq::sockopt::immediate, 1);  // queue only on a live connection: no stale sends
    dealer->set(zmq::sockopt::reconnect_ivl, 100);
    dealer->set(zmq::sockopt::reconnect_ivl_max, 1000);
    dealer->connect("tcp://" + host + ":" + std::to_string(port));
  }

  void new_sub(int pub) {
    sub = std::make_unique<zmq::socket_t>(ctx, zmq::socket_type::sub);
    set_curve(*sub);
    sub->set(zmq::sockopt::linger, 0);
    sub->set(zmq::sockopt::reconnect_ivl, 100);
    sub->set(zmq::sockopt::reconnect_ivl_max, 1000);
    sub->set(zmq::sockopt::rcvhwm, 100000);
    if (opt.forecasts) {
      sub->set(zmq::sockopt::subscribe, "");
    } else {  // filtered at the hub: no forecast is even encrypted for this client
      sub->set(zmq::sockopt::subscribe, proto::kTopicEvent);
      sub->set(zmq::sockopt::subscribe, proto::kTopicHeartbeat);
    }
    sub->connect("tcp://" + host + ":" + std::to_string(pub));
    pub_port = pub;
  }

  void try_send_unsent() {
    for (auto& [id, p] : inflight) {
      if (p.sent) continue;
      if (dealer->send(zmq::buffer(p.payload), zmq::send_flags::dontwait)) p.sent = true;
    }
  }

  void check_timeouts(Clk::time_point now) {
    bool resend = false;
    std::vector<Pending> failed;
    for (auto it = inflight.begin(); it != inflight.end();) {
      if (now < it->second.deadline) { ++it; continue; }
      if (it->second.attempts < opt.retries) {
        it->second.attempts += 1;
        resend = true;
        ++it;
      } else {
        failed.push_back(std::move(it->second));
        it = inflight.erase(it);
      }
    }
    if (resend) {
      // Lazy Pirate: a fresh socket drops whatever the old one had queued.
      new_dealer();
      for (auto& [id, p] : inflight) {
        p.sent = false;
        p.deadline = now + std::chrono::milliseconds(opt.request_timeout_ms);
      }
    }
    if (failed.empty()) return;
    std::string hint;
    {
      std::lock_guard l(problem_mu);
      hint = problem.empty() ? "check that antrian-server runs and the network is up" : problem;
    }
    for (Pending& p : failed)
      p.done(proto::error_reply(p.id, make_error(std::string(proto::err::unreachable),
                                                 "the queue server did not answer (" + host + ":" + std::to_string(port) +
                                                     "); " + hint)));
  }

  // --- mirror -------------------------------------------------------------
  // hub_at: the hub's time in a message sent just now (heartbeats, replies), 0 for
  // messages that may have waited in a buffer (events), which would make the
  // estimate of the hub's clock run late.
  void heard(int64_t hub_at) {
    last_heard = Clk::now();
    if (hub_at > 0) hub_offset_ms = hub_at - real_now_ms();
    if (!online) {
      online = true;
      // Back after silence: catch up at once instead of waiting for the next heartbeat.
      if (synced && !recovering) request_events_since();
      notify_change();
    }
  }

  void start_hello() {
    hello_inflight = true;
    submit(proto::cmd::hello, json::object(), [this](const proto::Reply& r) {
      hello_inflight = false;
      if (!r.ok) return;
      const int pub = r.result.value("pub_port", 0);
      http_port = r.result.value("http_port", -1);
      heard(r.result.value("now", int64_t(0)));
      if (!sub || pub != pub_port) {
        new_sub(pub);
        request_snapshot();
      } else if (!synced && !recovering) {
        request_snapshot();
      }
    });
  }

  void request_snapshot() {
    recovering = true;
    submit(proto::cmd::snapshot, json::object(), [this](const proto::Reply& r) {
      if (!r.ok) { recovering = false; synced = false; return; }
      try {
        if (opt.keep_state) {
          OfficeState fresh = state_from_json(r.result.at("state"));
          {
            std::unique_lock l(state_mu);
            state = std::move(fresh);
          }
          ++snapshot_gen;
          // The snapshot carries what screens draw; the day's older closed tickets follow in pages.
          if (opt.full_day && r.result.at("state").value("closed_left_out", int64_t(0)) > 0)
            request_history(0, snapshot_gen);
          seq = state.seq;
        } else {
          seq = r.result.at("seq").get<int64_t>();
        }
        synced = true;
        recovering = false;
        heard(r.result.value("now", int64_t(0)));
      } catch (const std::exception& e) {
        spdlog::error("snapshot from the hub could not be read: {}", e.what());
        recovering = false;
        return;
      }
      std::function<void()> f;
      { std::lock_guard l(cb_mu); f = snapshot_cb; }
      if (f) f();
      drain_buffered();
      notify_change();
    });
  }

  void request_history(int64_t after_id, uint64_t gen) {
    submit(proto::cmd::history, {{"after_id", after_id}}, [this, gen](const proto::Reply& r) {
      if (gen != snapshot_gen || !r.ok) return;  // a newer snapshot started its own paging
      try {
        {
          std::unique_lock l(state_mu);
          merge_history(state, r.result.at("tickets"));
        }
        if (r.result.value("more", false)) request_history(r.result.at("next_after").get<int64_t>(), gen);
      } catch (const std::exception& e) {
        spdlog::warn("a page of the day's history could not be read: {}", e.what());
        return;
      }
      notify_change();
    });
  }

  void request_events_since() {
    recovering = true;
    submit(proto::cmd::events_since, {{"seq", seq.load()}}, [this](const proto::Reply& r) {
      recovering = false;
      if (!r.ok) { request_snapshot(); return; }
      try {
        for (const json& j : r.result.at("events")) {
          Event e = event_from_json(j);
          if (e.seq == seq + 1) apply(e, false);
        }
      } catch (const std::exception&) {
        request_snapshot();
        return;
      }
      if (r.result.value("more", false)) request_events_since();
      else drain_buffered();
      notify_change();
    });
  }

  void apply(const Event& e, bool live) {
    if (opt.keep_state) {
      std::unique_lock l(state_mu);
      apply_event(state, e);
    }
    seq = e.seq;
    std::function<void(const Event&, bool)> f;
    { std::lock_guard l(cb_mu); f = event_cb; }
    if (f) f(e, live);
  }

  void drain_buffered() {
    std::sort(buffered.begin(), buffered.end(), [](const Event& a, const Event& b) { return a.seq < b.seq; });
    std::vector<Event> rest = std::move(buffered);
    buffered.clear();
    for (const Event& e : rest) on_event(e);
  }

  void on_event(const Event& e) {
    if (!synced || recovering) { buffered.push_back(e); return; }
    if (e.seq <= seq) return;  // already have it
    if (e.seq == seq + 1) { apply(e, true); notify_change(); return; }
    buffered.push_back(e);  // a gap: fetch what is missing from the hub's log
    request_events_since();
  }

  void on_live_event(Event e) {
    heard(0);
    const auto& drop = opt.drop_events_for_test;
    if (std::find(drop.begin(), drop.end(), e.seq) != drop.end()) return;
    on_event(e);
  }

  void on_sub_message() {
    std::vector<zmq::message_t> frames;
    while (frames.clear(), zmq::recv_multipart(*sub, std::back_inserter(frames), zmq::recv_flags::dontwait)) {
      if (frames.size() == 2) {
        const std::string topic = frames[0].to_string();
        if (topic == proto::kTopicEvent && !opt.keep_state)
          if (auto head = scan_event_head(frames[1].to_string_view())) {
            const auto& wanted = opt.event_data_for;
            if (std::find(wanted.begin(), wanted.end(), head->type) == wanted.end()) {
              Event e;  // seq and type are all this client needs of it
              e.seq = head->seq;
              e.type = std::move(head->type);
              on_live_event(std::move(e));
              continue;
            }
          }
        json body = json::parse(frames[1].to_string_view(), nullptr, false);
        if (body.is_object()) {
          if (topic == proto::kTopicHeartbeat) {
            heard(body.value("at", int64_t(0)));
            const int64_t hub_seq = body.value("seq", int64_t(0));
            if (synced && !recovering && hub_seq != seq) hub_seq > seq ? request_events_since() : request_snapshot();
          } else if (topic == proto::kTopicForecast) {
            // The hub's estimated waits: taken as they come (they are the hub's figure
            // for its latest state, which this mirror reaches through the events).
            try {
              Forecast f = forecast_from_json(body);
              {
                std::unique_lock l(state_mu);
                state.forecast = std::move(f);
              }
              if (synced) notify_change();
            } catch (const std::exception& ex) {
              spdlog::warn("ignored an unreadable forecast: {}", ex.what());
            }
          } else if (topic == proto::kTopicEvent) {
            try {
              on_live_event(event_from_json(body));
            } catch (const std::exception& ex) {
              spdlog::warn("ignored an unreadable event: {}", ex.what());
            }
          }
        }
      }
    }
  }

  void loop() {
    new_dealer();
    while (!stopping) {
      {
        std::lock_guard l(queue_mu);
        const auto now = Clk::now();
        for (Pending& p : submitted) {
          p.deadline = now + std::chrono::milliseconds(opt.request_timeout_ms);
          inflight.emplace(p.id, std::move(p));
        }
        submitted.clear();
      }
      try_send_unsent();
      bool unsent = false;
      for (auto& [_, p] : inflight) unsent |= !p.sent;

      // Request socket and wake pipe always; the handshake monitor and the event socket when they exist.
      zmq::pollitem_t items[4] = {{dealer->handle(), 0, ZMQ_POLLIN, 0}, {nullptr, wake_pipe[0], ZMQ_POLLIN, 0}};
      int n = 2, mon_at = -1, sub_at = -1;
      if (handshakes.socket()) items[mon_at = n++] = {handshakes.socket()->handle(), 0, ZMQ_POLLIN, 0};
      if (sub) items[sub_at = n++] = {sub->handle(), 0, ZMQ_POLLIN, 0};
      zmq::poll(items, n, std::chrono::milliseconds(unsent ? 10 : 100));
      if (mon_at >= 0 && (items[mon_at].revents & ZMQ_POLLIN)) on_handshake();
      if (items[1].revents & ZMQ_POLLIN) {
        char buf[256];
        while (::read(wake_pipe[0], buf, sizeof buf) > 0) {}
      }
      if (items[0].revents & ZMQ_POLLIN) {
        zmq::message_t msg;
        while (dealer->recv(msg, zmq::recv_flags::dontwait)) {
          auto reply = proto::decode_reply(msg.to_string_view());
          if (!reply) continue;
          auto it = inflight.find(reply->id);
          if (it == inflight.end()) continue;  // answer to a request already given up or answered
          auto done = std::move(it->second.done);
          inflight.erase(it);
          done(*reply);
        }
      }
      if (sub_at >= 0 && (items[sub_at].revents & ZMQ_POLLIN)) on_sub_message();
      const auto now = Clk::now();
      check_timeouts(now);
      if (opt.mirror) {
        if (online && now - last_heard > std::chrono::milliseconds(proto::kOfflineAfterMs)) {
          online = false;
          notify_change();
        }
        if (!hello_inflight && (!online || !synced) && now >= next_hello) {
          next_hello = now + std::chrono::milliseconds(1000);
          start_hello();
        }
      }
    }
    for (auto& [_, p] : inflight)
      p.done(proto::error_reply(p.id, make_error(std::string(proto::err::unreachable), "the client is shutting down")));
    inflight.clear();
  }
};

HubClient::HubClient(HubClientOptions opt) : impl_(std::make_unique<Impl>()) {
  impl_->opt = std::move(opt);
  std::string error;
  if (!parse_hub_address(impl_->opt.hub, impl_->host, impl_->port, error)) throw std::invalid_argument(error);
  const ClientKeys& k = impl_->opt.keys;
  if (k.empty() || !is_curve_key(k.public_key) || !is_curve_key(k.secret_key) || !is_curve_key(k.hub_public_key))
    throw std::invalid_argument("no valid device key: give --key FILE and --hub-key FILE (see docs/INSTALL.md)");
  if (::pipe2(impl_->wake_pipe, O_NONBLOCK | O_CLOEXEC) != 0) throw std::runtime_error("cannot create a pipe");
  std::random_device rd;
  impl_->id_prefix = impl_->opt.role + "-" + std::to_string((uint64_t(rd()) << 32) | rd());
  impl_->thread = std::thread([this] { impl_->loop(); });
}

HubClient::~HubClient() {
  impl_->stopping = true;
  impl_->wake();
  if (impl_->thread.joinable()) impl_->thread.join();
  ::close(impl_->wake_pipe[0]);
  ::close(impl_->wake_pipe[1]);
}

proto::Reply HubClient::request(std::string_view cmd, json args) {
  auto promise = std::make_shared<std::promise<proto::Reply>>();
  auto future = promise->get_future();
  impl_->submit(cmd, std::move(args), [promise](const proto::Reply& r) { promise->set_value(r); });
  return future.get();
}

proto::Reply HubClient::request_with_id(std::string_view cmd, json args, std::string request_id) {
  auto promise = std::make_shared<std::promise<proto::Reply>>();
  auto future = promise->get_future();
  impl_->submit(cmd, std::move(args), [promise](const proto::Reply& r) { promise->set_value(r); }, std::move(request_id));
  return future.get();
}

void HubClient::request_async(std::string_view cmd, json args, std::function<void(const proto::Reply&)> done) {
  impl_->submit(cmd, std::move(args), std::move(done));
}

bool HubClient::online() const { return impl_->online; }
bool HubClient::synced() const { return impl_->synced; }
int64_t HubClient::seq() const { return impl_->seq; }
int HubClient::http_port() const { return impl_->http_port; }
std::string HubClient::connection_problem() const {
  std::lock_guard l(impl_->problem_mu);
  return impl_->problem;
}
int64_t HubClient::hub_now_ms() const { return real_now_ms() + impl_->hub_offset_ms; }

OfficeState HubClient::state_copy() const {
  std::shared_lock l(impl_->state_mu);
  return impl_->state;
}

std::shared_lock<std::shared_mutex> HubClient::lock_state() const { return std::shared_lock(impl_->state_mu); }
const OfficeState& HubClient::state_ref() const { return impl_->state; }

void HubClient::on_change(std::function<void()> f) {
  std::lock_guard l(impl_->cb_mu);
  impl_->change_cb = std::move(f);
}
void HubClient::on_event(std::function<void(const Event&, bool)> f) {
  std::lock_guard l(impl_->cb_mu);
  impl_->event_cb = std::move(f);
}
void HubClient::on_snapshot(std::function<void()> f) {
  std::lock_guard l(impl_->cb_mu);
  impl_->snapshot_cb = std::move(f);
}

}  // namespace antrian
