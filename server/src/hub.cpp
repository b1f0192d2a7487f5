#include "hub.h"

#include <spdlog/spdlog.h>
#include <zmq_addon.hpp>

#include <fcntl.h>
#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "antrian/booking.h"
#include "antrian/capacity.h"
#include "antrian/comeback.h"
#include "antrian/commands.h"
#include "antrian/device_auth.h"
#include "antrian/event_text.h"
#include "antrian/forecast.h"
#include "antrian/model_json.h"
#include "antrian/office_view.h"
#include "antrian/service_notify.h"
#include "antrian/snapshot_view.h"

namespace antrian {
namespace {

using Clk = std::chrono::steady_clock;
constexpr std::size_t kTrimAfterBytes = 256 * 1024;
constexpr int kForecastDeferMs = 100;
// The forecast after a batch waits for this much quiet first: a counter's next call,
// sent as soon as its screen saw the last event, is answered before the forecast's
// play instead of behind it (the web waits for it: Hub::with_state).
constexpr auto kForecastQuiet = std::chrono::microseconds(2000);

}  // namespace

Hub::Hub(std::unique_ptr<Store> store, OfficeState state, const Clock& clock)
    : store_(std::move(store)), state_(std::move(state)), clock_(clock), internal_keys_(generate_curve_keys()) {
  if (::pipe2(wake_pipe_, O_NONBLOCK | O_CLOEXEC) != 0) throw std::runtime_error("cannot create a pipe");
}

Hub::~Hub() {
  ::close(wake_pipe_[0]);
  ::close(wake_pipe_[1]);
}

void Hub::post(proto::Request req, std::function<void(const proto::Reply&)> done) {
  {
    std::lock_guard l(posted_mu_);
    posted_.emplace_back(std::move(req), std::move(done));
  }
  const char b = 1;
  [[maybe_unused]] auto n = ::write(wake_pipe_[1], &b, 1);
}

void Hub::run_posted() {
  char buf[64];
  while (::read(wake_pipe_[0], buf, sizeof buf) > 0) {}
  decltype(posted_) batch;
  {
    std::lock_guard l(posted_mu_);
    batch.swap(posted_);
  }
  for (auto& [req, done] : batch) {
    bool ok = false;
    const std::string reply = answer(req, ok);
    if (ok && req.cmd == proto::cmd::key_revoke) rebind_pub();
    publish_pending();
    if (!ok) spdlog::warn("{} by {} refused: {}", req.cmd, req.args.value("client", "hub"), reply);
    if (done)
      if (auto r = proto::decode_reply(reply)) done(*r);
  }
  publish_forecast();
}

bool Hub::log_refusal(const proto::Request& req, const Error& e, const std::string& reply) {
  // Refused tickets are part of the day's story (reports show them), so they are logged.
  const std::string service = req.args.value("service", "");
  if (!state_.services.count(service)) return false;
  auto it = state_.refused_today.find(service);
  const int n = (it == state_.refused_today.end() ? 0 : it->second) + 1;
  Event ev;
  ev.at = clock_.now_ms();
  ev.type = std::string(proto::ev::issue_refused);
  ev.actor = req.role + (req.args.contains("client") && req.args["client"].is_string() ? ":" + req.args["client"].get<std::string>() : "");
  const CapacityLeft left = tickets_left_today(state_, service, clock_.now_ms());
  std::string limited_by = left.tickets && *left.tickets <= 0 ? std::string(to_string(left.limited_by)) : "numbers";
  if (e.code == proto::err::office_closed) limited_by = "closed";
  if (e.code == proto::err::service_halted) limited_by = "service_off";
  ev.data = {{"service", service}, {"reason", e.reason}, {"limited_by", limited_by}, {"refused", {{service, n}}}};
  // The refusal is stored with its request id, like any answer that wrote to the log:
  // a retry (also after a restart) gets this answer and counts nothing twice.
  if (auto r = append({ev}, req.id, reply); !r) {
    spdlog::warn("could not log a refused ticket: {}", r.error().reason);
    return false;
  }
  return true;
}

Result<Ok> Hub::append(std::vector<Event> events, const std::string& request_id, const std::string& reply,
                       PrivateWrites priv) {
  if (events.empty() && priv.empty()) return Ok{};
  int64_t seq = state_.seq;
  std::string day = state_.day;
  for (Event& e : events) {
    e.seq = ++seq;
    if (e.data.contains("day")) day = e.data["day"].get<std::string>();
  }
  const auto before = desk_ ? desk_->statuses(state_) : std::map<std::string, ServiceStatus>{};
  {
    std::unique_lock lock(state_mu_);
    for (const Event& e : events) apply_event(state_, e);
  }
  // The messages these events cause go into the same transaction (outbox.h).
  if (desk_) desk_->plan(state_, events, before, clock_.now_ms(), priv);
  // Encoded once here (event_text.h): the store's rows are slices of the text, and its
  // public part goes to every subscriber, after the reply is sent (see run()): the reply
  // is the commit's receipt.
  std::vector<EventText> texts;
  texts.reserve(events.size());
  for (const Event& e : events) {
    texts.push_back(encode_event(e));
    unpublished_.push_back(std::move(texts.back().public_json));
  }
  if (!request_id.empty()) staged_replies_[request_id] = reply;
  staged_.push_back({std::move(events), std::move(day), request_id, reply, std::move(priv), std::move(texts)});
  // Outside the request loop (start-up, heartbeat, posted requests): on disk now;
  // when that fails, commit_staged() goes back to what the disk holds.
  if (grouping_) return Ok{};
  auto r = commit_staged();
  settle_store();
  return r;
}

void Hub::after_batches() {
  // The rows first: a web page that waits for this forecast (with_state) reads them too.
  settle_store();
  publish_forecast();
  forecast_due_ = false;
}

void Hub::settle_store() {
  store_->restart_wal_if_long();
  auto r = store_->flush_entities();
  if (r) return;
  // The events are on disk: their rows are tried again with the next ones, and a
  // restart replays them from the log. Said once a minute, not once a batch.
  const auto now = Clk::now();
  if (now - rows_failed_logged_ < std::chrono::minutes(1)) return;
  rows_failed_logged_ = now;
  spdlog::error("writing the current-state rows failed (the event log has them): {}", r.error().reason);
}

Result<Ok> Hub::commit_staged() {
  if (staged_.empty()) return Ok{};
  const uint64_t gen = commit_gen_++;
  const std::size_t gen_size = staged_.size();
  auto r = store_->commit(staged_);
  staged_.clear();
  staged_replies_.clear();
  if (r) {
    unpublished_on_disk_ = unpublished_.size();
    return Ok{};
  }
  // Nothing of the group is on disk: forget its events and go back to what is.
  failed_commits_.emplace(gen, r.error());
  unpublished_.resize(std::min(unpublished_on_disk_, unpublished_.size()));
  spdlog::error("{} grouped changes failed to save: {}", gen_size, r.error().reason);
  auto loaded = store_->load();
  if (!loaded) {
    fatal_error_ = "the database cannot be read back after a failed commit: " + loaded.error().reason;
    spdlog::critical("{}", fatal_error_);
    stopping_ = true;
    return r;
  }
  std::unique_lock lock(state_mu_);
  state_ = std::move(*loaded);
  if (desk_) desk_->reload(state_.day);  // its messages did not reach the disk either
  return r;
}

void Hub::refresh_forecast() {
  const int64_t now = clock_.now_ms();
  if (forecast_current(state_, now)) return;
  // Made on the hub's thread, the only one that changes the state: reading it needs no lock.
  Forecast f = compute_forecast(state_, now);
  {
    std::unique_lock lock(state_mu_);
    state_.forecast = std::move(f);
  }
  forecast_made_.notify_all();
  std::lock_guard l(on_forecast_mu_);
  if (on_forecast_) on_forecast_();
}

void Hub::publish_forecast() {
  refresh_forecast();
  if (state_.forecast.seq == published_forecast_.first && state_.forecast.made_at == published_forecast_.second) return;
  published_forecast_ = {state_.forecast.seq, state_.forecast.made_at};
  const std::string body = forecast_text(state_.forecast);
  pub_.send(zmq::buffer(proto::kTopicForecast), zmq::send_flags::sndmore);
  pub_.send(zmq::buffer(body), zmq::send_flags::none);
}

void Hub::publish_pending() {
  for (const std::string& body : unpublished_) publish(body);
  unpublished_.clear();
  unpublished_on_disk_ = 0;
}

void Hub::publish(const std::string& body) {
  pub_.send(zmq::buffer(proto::kTopicEvent), zmq::send_flags::sndmore);
  pub_.send(zmq::buffer(body), zmq::send_flags::none);
}

std::string Hub::answer(const proto::Request& req, bool& ok_out) {
  using namespace proto;
  auto fail = [&](const Error& e) {
    ok_out = false;
    return encode_reply(error_reply(req.id, e));
  };
  if (!is_known_role(req.role))
    return fail(make_error(std::string(err::forbidden), "unknown role \"" + req.role + "\" (kiosk, counter, display or admin)"));
  if (!is_known_command(req.cmd))
    return fail(make_error(std::string(err::unknown_command), "unknown command \"" + req.cmd + "\""));
  if (!role_allows(req.role, req.cmd))
    return fail(make_error(std::string(err::forbidden), "a " + req.role + " may not " + req.cmd));
  if (auto fields = check_args(req); !fields) return fail(fields.error());
  const int64_t now = clock_.now_ms();
  if (req.cmd == cmd::hello) {
    ok_out = true;
    return encode_reply(ok_reply(req.id, {{"protocol", kVersion}, {"office", state_.office.name},
                                          {"pub_port", pub_port_}, {"http_port", http_port_},
                                          {"seq", state_.seq}, {"now", now}}));
  }
  if (req.cmd == cmd::clock_set) return clock_set(req, ok_out);
  if (req.cmd == cmd::snapshot) {
    refresh_forecast();
    // What screens draw; the day's closed history is paged with `history`.
    ok_out = true;
    return encode_reply(ok_reply(req.id, {{"seq", state_.seq}, {"now", now}, {"state", snapshot_json(state_)},
                                          {"hours", to_json(office_hours_summary(state_, now))}}));
  }
  if (req.cmd == cmd::history) {
    auto after = req.args.find("after_id");
    if (after == req.args.end() || !after->is_number_integer() || after->get<int64_t>() < 0)
      return fail(make_error(std::string(err::bad_request), "args.after_id: must be a whole number >= 0 (0 = from the first)"));
    int limit = kHistoryPageMax;
    if (auto l = req.args.find("limit"); l != req.args.end()) {
      if (!l->is_number_integer() || l->get<int64_t>() < 1 || l->get<int64_t>() > kHistoryPageMax)
        return fail(make_error(std::string(err::bad_request),
                               "args.limit: must be a whole number from 1 to " + std::to_string(kHistoryPageMax)));
      limit = l->get<int>();
    }
    nlohmann::json page = history_page(state_, after->get<int64_t>(), limit);
    page["seq"] = state_.seq;
    ok_out = true;
    return encode_ok_reply(req.id, page);
  }
  if (req.cmd == cmd::events_since) {
    auto from = req.args.find("seq");
    if (from == req.args.end() || !from->is_number_integer() || from->get<int64_t>() < 0)
      return fail(make_error(std::string(err::bad_request), "args.seq: must be a whole number >= 0"));
    // The log is read from disk: what this batch staged goes there first.
    if (auto r = commit_staged(); !r) return fail(r.error());
    auto events = store_->events_after(from->get<int64_t>(), kMaxEventsPerReply);
    if (!events) return fail(events.error());
    nlohmann::json list = nlohmann::json::array();
    for (const Event& e : *events) list.push_back(event_to_json(e, true));
    const bool more = !events->empty() && events->back().seq < state_.seq;
    ok_out = true;
    return encode_reply(ok_reply(req.id, {{"events", list}, {"last_seq", state_.seq}, {"more", more}}));
  }
  // A retry of a request already answered gets the first answer and acts no more.
  if (auto it = recent_errors_.find(req.id); it != recent_errors_.end()) {
    ok_out = false;
    return it->second;
  }
  if (auto it = staged_replies_.find(req.id); it != staged_replies_.end()) {
    ok_out = true;
    return it->second;
  }
  if (auto stored = store_->find_reply(req.id)) {
    auto r = decode_reply(*stored);
    ok_out = r && r->ok;  // a stored refusal (issue_refused) stays a refusal
    return *stored;
  }
  CommandContext ctx{now, req.role, req.args.value("client", "")};
  // An issue's promised wait is the forecast's figure: read from the forecast when it is
  // up to date, else its one run played by the command (new_ticket_wait_now), not the
  // whole forecast remade for every issue of a group.
  PrivateWrites priv;  // a contact command's phone numbers, beside its events
  if (MessageDesk::reads_database(req.cmd))
    if (auto r = commit_staged(); !r) return fail(r.error());
  const bool booking_desk = BookingDesk::handles(req.cmd);
  if (booking_desk && !bookings_)
    return fail(make_error(std::string(err::illegal_state), "this hub was started without its booking key"));
  if (booking_desk)  // it reads booking_people: what this batch staged goes there first
    if (auto r = commit_staged(); !r) return fail(r.error());
  auto decision = booking_desk                   ? bookings_->decide(state_, req, ctx, priv)
                  : MessageDesk::handles(req.cmd) ? desk_->decide(state_, req, ctx, priv)
                                                  : decide(state_, req, ctx);
  if (!decision) {
    Error refusal = decision.error();
    const std::string& code = refusal.code;
    // A refused citizen may join the come-back list: the reply says so (comeback.h).
    if (req.cmd == cmd::issue && (code == err::quota_exhausted || code == err::service_halted) &&
        req.args.contains("service") && req.args["service"].is_string())
      refusal.comeback_can_join = comeback_can_join(state_, req.args["service"].get<std::string>(), now);
    std::string reply = fail(refusal);
    // Every ticket the office could not give is counted, whatever the reason (after hours too).
    if (req.cmd == cmd::issue && (code == err::quota_exhausted || code == err::office_closed || code == err::service_halted) &&
        log_refusal(req, decision.error(), reply))
      return reply;  // stored on disk with its request id
    if (recent_errors_.size() > 10000) recent_errors_.clear();
    recent_errors_[req.id] = reply;
    return reply;
  }
  if (decision->events.empty()) {
    ok_out = true;
    return encode_ok_reply(req.id, decision->result);
  }
  decision->result["seq"] = state_.seq + int64_t(decision->events.size());
  const std::string reply = encode_ok_reply(req.id, decision->result);
  if (auto r = append(std::move(decision->events), req.id, reply, std::move(priv)); !r) {
    spdlog::error("{} failed to save: {}", req.cmd, r.error().reason);
    ok_out = false;
    return encode_reply(error_reply(req.id, r.error()));  // not cached: a retry may succeed
  }
  ok_out = true;
  return reply;
}

std::string Hub::handle(const std::string& payload, const std::string& client_key, std::string& cmd_out,
                        bool& ok_out) {
  auto req = proto::decode_request(payload);
  if (!req) {
    metrics_.record_malformed();
    ok_out = false;
    cmd_out = "malformed";
    // Echo the id when the JSON had one, so the client can match the error.
    std::string id;
    // (Parsed only up to a size worth parsing; an oversized request gets no id back.)
    auto j = payload.size() <= 16u * 1024 * 1024 ? nlohmann::json::parse(payload, nullptr, false) : nlohmann::json();
    if (j.is_object() && j.contains("id") && j["id"].is_string() && j["id"].get<std::string>().size() <= 128)
      id = j["id"].get<std::string>();
    return proto::encode_reply(proto::error_reply(id, req.error()));
  }
  cmd_out = req->cmd.size() <= 32 && proto::is_known_command(req->cmd) ? req->cmd : "unknown";
  if (client_key != internal_keys_.public_key) {
    if (auto allowed = authorize_request(state_, *req, client_key); !allowed) {
      ok_out = false;
      return proto::encode_reply(proto::error_reply(req->id, allowed.error()));
    }
    // The log names the device by its registered key, whatever name it gives itself.
    if (req->args.is_object())
      if (const DeviceKey* k = find_active_key(state_, client_key)) req->args["client"] = k->name;
  }
  const std::string reply = answer(*req, ok_out);
  if (ok_out && req->cmd == proto::cmd::key_revoke) rebind_pub();
  return reply;
}

void Hub::run() {
  hub_thread_ = std::this_thread::get_id();
  auto next_beat = Clk::now();
  while (!stopping_) {
    const auto now = Clk::now();
    if (now >= next_beat) {
      heartbeat();
      next_beat = now + std::chrono::milliseconds(proto::kHeartbeatIntervalMs);
    }
    zmq::pollitem_t items[] = {{router_.handle(), 0, ZMQ_POLLIN, 0}, {nullptr, wake_pipe_[0], ZMQ_POLLIN, 0},
                               {zap_->socket().handle(), 0, ZMQ_POLLIN, 0}};
    auto wait = std::chrono::duration_cast<std::chrono::milliseconds>(next_beat - Clk::now());
    if (forecast_due_)  // wake when the quiet is over (rounded up: poll counts whole ms)
      wait = std::min(wait, std::chrono::ceil<std::chrono::milliseconds>(forecast_quiet_at_ - Clk::now()));
    try {
      zmq::poll(items, 3, std::chrono::milliseconds(std::clamp<int64_t>(wait.count(), 0, 200)));
    } catch (const zmq::error_t& e) {
      if (e.num() == EINTR) continue;
      throw;
    }
    // Made once nothing came for kForecastQuiet after the last batch; under a steady
    // stream of requests, after a batch (below), never before requests already waiting.
    if (forecast_due_ && !(items[0].revents & ZMQ_POLLIN) && Clk::now() >= forecast_quiet_at_) after_batches();
    if (items[2].revents & ZMQ_POLLIN) zap_->answer_pending();
    if (items[1].revents & ZMQ_POLLIN) run_posted();
    if (!(items[0].revents & ZMQ_POLLIN)) continue;
    // Drain what queued up (during the last commit, say), deciding one request at a
    // time against the state with the earlier ones applied; then one commit for all
    // of them, then their replies, then their events.
    struct Outgoing {
      std::vector<zmq::message_t> envelope;
      std::string reply, cmd;
      bool ok = false, staged = false;
      uint64_t gen = 0;
      Clk::time_point started;
    };
    std::vector<Outgoing> out;
    grouping_ = true;
    for (int i = 0; i < 1000; ++i) {
      std::vector<zmq::message_t> frames;
      if (!zmq::recv_multipart(router_, std::back_inserter(frames), zmq::recv_flags::dontwait)) break;
      const auto started = Clk::now();
      // Envelope: identity [, empty delimiter from REQ sockets], payload.
      if (frames.size() < 2 || frames.size() > 3 || (frames.size() == 3 && frames[1].size() != 0)) {
        metrics_.record_malformed();
        if (frames.size() > 1) {
          const std::string reply = proto::encode_reply(proto::error_reply(
              "", make_error(std::string(proto::err::bad_request), "a request is exactly one frame of JSON")));
          router_.send(frames[0], zmq::send_flags::sndmore);
          // A REQ client's envelope has an empty delimiter: without it the REQ socket
          // would drop the answer and the client would only time out.
          if (frames[1].size() == 0) router_.send(zmq::message_t(), zmq::send_flags::sndmore);
          router_.send(zmq::buffer(reply), zmq::send_flags::dontwait);
        }
        continue;
      }
      Outgoing o;
      o.started = started;
      // The ZAP handler put the client's public key on every message of its connection.
      std::string client_key;
      try {
        client_key = frames.back().gets("User-Id");
      } catch (const zmq::error_t&) {
      }
      o.reply = handle(frames.back().to_string(), client_key, o.cmd, o.ok);
      // A reply made while changes wait for the disk stands only if they get there.
      o.staged = !staged_.empty();
      o.gen = commit_gen_;
      frames.pop_back();
      o.envelope = std::move(frames);
      out.push_back(std::move(o));
    }
    grouping_ = false;
    commit_staged();
    std::size_t largest = 0;
    for (Outgoing& o : out) {
      if (o.staged)
        if (auto f = failed_commits_.find(o.gen); f != failed_commits_.end()) {
          auto r = proto::decode_reply(o.reply);
          o.reply = proto::encode_reply(proto::error_reply(r ? r->id : "", f->second));  // not cached: a retry may succeed
          o.ok = false;
        }
      for (auto& f : o.envelope) router_.send(f, zmq::send_flags::sndmore);
      router_.send(zmq::buffer(o.reply), zmq::send_flags::dontwait);
      largest = std::max(largest, o.reply.size());
      metrics_.record_request(o.cmd, o.ok, std::chrono::duration<double>(Clk::now() - o.started).count());
    }
    failed_commits_.clear();
    publish_pending();
    // Right after a commit, before the next can come: a long WAL is started over here.
    store_->restart_wal_if_long();
    // The state's rows and the forecast once for what was drained, when the hub has been
    // quiet for kForecastQuiet (the poll above): the next request (a loket's next call,
    // sent as soon as its screen saw this event) is not kept waiting behind them. Under
    // a steady stream, after a batch once put off kForecastDeferMs.
    if (!forecast_due_) forecast_due_since_ = Clk::now();
    forecast_due_ = true;
    forecast_quiet_at_ = Clk::now() + kForecastQuiet;
    if (Clk::now() - forecast_due_since_ > std::chrono::milliseconds(kForecastDeferMs)) after_batches();
    // A large reply (a page of the log) leaves freed memory behind: give it back.
    if (largest > kTrimAfterBytes) ::malloc_trim(0);
  }
}

}  // namespace antrian
