#pragma once
// The hub: owns the state and the store, answers requests on a ROUTER socket,
// publishes events and heartbeats on a PUB socket (the zguide Clone pattern).
// Every accepted command: validate, append events, update tables, commit, reply,
// then publish. A reply therefore means the change is on disk.
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <memory>
#include <shared_mutex>
#include <string>
#include <thread>

#include <zmq.hpp>

#include "antrian/device_keys.h"
#include "antrian/model.h"
#include "antrian/office_config.h"
#include "antrian/office_time.h"
#include "antrian/protocol.h"
#include "antrian/store.h"
#include "hub_metrics.h"
#include "booking_desk.h"
#include "message_desk.h"
#include "zap_handler.h"

namespace antrian {

struct HubOptions {
  std::string bind = "127.0.0.1";
  int req_port = 5555;  // 0 = any free port
  int pub_port = 5556;  // 0 = any free port
  int http_port = 8080; // 0 = any free port, -1 = no HTTP
};

class Hub {
 public:
  // Opens the store, loads the state and applies the config when the database is
  // new or when `config_given` (an explicit --config file) differs from it.
  static Result<std::unique_ptr<Hub>> create(std::unique_ptr<Store> store, const OfficeConfig& cfg,
                                             bool config_given, const Clock& clock);
  ~Hub();

  // The hub's CURVE key pair (from its keys folder); set before bind().
  void set_server_keys(CurveKeyPair keys) { server_keys_ = std::move(keys); }
  // Keys for the hub's own web pages to connect to it (made fresh at every start,
  // never written down); the web link acts as whatever role it claims.
  ClientKeys internal_client_keys() const;
  // A new office has no admin key yet: registers the one in `key_file` (made when
  // missing), so antrian-ctl on the hub machine can register every other device.
  Result<Ok> ensure_admin_key(const std::string& key_file);

  // Binds the sockets (CURVE servers, checked by the ZAP handler); afterwards the ports are known.
  Result<Ok> bind(const HubOptions& opt);
  int req_port() const { return req_port_; }
  int pub_port() const { return pub_port_; }
  void set_http_port(int port) { http_port_ = port; }

  // Serves until stop() is called (from any thread or a signal handler).
  void run();

  // Thread-safe: a request made inside the hub (a probe's declaration), handled on
  // the hub's thread like any client's; `done` gets the reply there.
  void post(proto::Request req, std::function<void(const proto::Reply&)> done = {});
  // Hubs on a manual clock (the simulator) accept clock_set.
  void set_manual_clock(ManualClock* clock) { manual_clock_ = clock; }
  void stop() { stopping_ = true; }
  // Why run() returned on its own (empty after stop()): the hub cannot go on.
  const std::string& fatal_error() const { return fatal_error_; }

  // Called on the hub's thread each time a new forecast is in the state: the web's
  // pages read it there and are woken by events, which go out before the forecast is
  // made. Set to nullptr before whoever it calls goes away.
  void on_forecast(std::function<void()> f) {
    std::lock_guard l(on_forecast_mu_);
    on_forecast_ = std::move(f);
  }
  // For the HTTP side: read the state under a shared lock. The forecast of a batch is
  // made once the hub has had kForecastQuiet without a request (run()), after the
  // batch's events went out: a page woken by such an event waits for it (at most
  // kForecastWaitMs), so it never shows the wait of the state before.
  template <typename F>
  auto with_state(F&& f) const {
    std::shared_lock lock(state_mu_);
    const std::thread::id hub = hub_thread_;
    if (hub != std::thread::id{} && std::this_thread::get_id() != hub)
      forecast_made_.wait_for(lock, std::chrono::milliseconds(kForecastWaitMs),
                              [&] { return state_.forecast.seq >= state_.seq; });
    return f(state_);
  }
  static constexpr int kForecastWaitMs = 250;
  const Clock& clock() const { return clock_; }
  // The SQLite file, for read-only connections (reports) on other threads.
  const std::string& database_path() const { return database_path_; }
  void set_database_path(std::string p) { database_path_ = std::move(p); }
  HubMetrics& metrics() { return metrics_; }
  // The office sends messages to phones (a webhook or gammu in the config); set at create().
  bool sends_messages() const { return desk_ && desk_->sends(); }
  // Bookings (booking_desk.h) with the NIK hash key in key_file (made when missing).
  Result<Ok> open_bookings(const std::string& key_file);
  // Days personal data (numbers, bookers) is kept: the config's messages.retention_days.
  int personal_data_days() const { return desk_ ? desk_->retention_days() : 30; }

 private:
  Hub(std::unique_ptr<Store> store, OfficeState state, const Clock& clock);
  // Applies the events, plans the messages they cause (desk_) and stages or commits
  // both, with `priv` (phone numbers), in one transaction.
  Result<Ok> append(std::vector<Event> events, const std::string& request_id, const std::string& reply,
                    PrivateWrites priv = {});
  // A request from the network, from the client with this public key.
  std::string handle(const std::string& payload, const std::string& client_key, std::string& cmd_out, bool& ok_out);
  bool may_connect(const std::string& public_key) const;
  // After a revocation: every subscriber reconnects, and the ZAP handler keeps the revoked one out.
  void rebind_pub();
  void configure_pub();
  std::string fatal_error_;
  std::string answer(const proto::Request& req, bool& ok_out);
  void publish(const std::string& event_body);  // an event's public JSON
  void publish_pending();
  void heartbeat();
  // The forecast (forecast.h): remade when the state or the time moved on, and sent
  // on the "fc" topic once after a batch of changes.
  void refresh_forecast();
  void publish_forecast();
  std::pair<int64_t, int64_t> published_forecast_{-1, 0};  // seq and made_at last sent
  std::mutex on_forecast_mu_;
  std::function<void()> on_forecast_;
  bool forecast_due_ = false;                                   // a batch (run()) changed the state since
  std::chrono::steady_clock::time_point forecast_due_since_{};  // the first such batch
  std::chrono::steady_clock::time_point forecast_quiet_at_{};   // make it if nothing comes until then
  mutable std::condition_variable_any forecast_made_;           // with_state() waits on it
  std::atomic<std::thread::id> hub_thread_{};                    // run()'s, which makes the forecast

  std::unique_ptr<Store> store_;
  std::unique_ptr<MessageDesk> desk_;  // contacts and the outbox (message_desk.h)
  std::unique_ptr<BookingDesk> bookings_;  // who booked (booking_desk.h)
  OfficeState state_;
  mutable std::shared_mutex state_mu_;
  const Clock& clock_;
  HubMetrics metrics_;
  zmq::context_t ctx_{1};
  zmq::socket_t router_{ctx_, zmq::socket_type::router};
  zmq::socket_t pub_{ctx_, zmq::socket_type::pub};
  CurveKeyPair server_keys_, internal_keys_;
  std::unique_ptr<ZapHandler> zap_;
  std::string pub_endpoint_;
  int req_port_ = 0, pub_port_ = 0, http_port_ = -1;
  std::atomic<bool> stopping_{false};
  // Error answers are not stored on disk (they changed nothing); a short memory
  // keeps a retried failing request consistent while the hub runs.
  std::map<std::string, std::string> recent_errors_;
  std::vector<std::string> unpublished_;  // events' public JSON, in order
  // Group commit. While the run loop drains the requests that queued up during the
  // last commit, each one's changes are applied and staged; commit_staged() writes
  // them all in one transaction, and only then are their replies sent.
  bool grouping_ = false;
  std::vector<Store::Change> staged_;
  std::map<std::string, std::string> staged_replies_;  // request id -> reply, until on disk
  std::size_t unpublished_on_disk_ = 0;  // how many of unpublished_ are committed
  uint64_t commit_gen_ = 0;              // the commit the staged changes go into
  std::map<uint64_t, Error> failed_commits_;  // of this batch, by commit_gen_
  Result<Ok> commit_staged();
  // The store's work no reply waits for, after the replies: the current-state rows
  // of what was committed (a failure is logged, rate-limited, and tried again later)
  // and starting a long WAL over (Store::flush_entities, restart_wal_if_long).
  void settle_store();
  std::chrono::steady_clock::time_point rows_failed_logged_{};
  // What run() does once for the batches since the last time: the rows, the forecast.
  void after_batches();
  std::string database_path_;
  ManualClock* manual_clock_ = nullptr;
  int wake_pipe_[2] = {-1, -1};
  std::mutex posted_mu_;
  std::vector<std::pair<proto::Request, std::function<void(const proto::Reply&)>>> posted_;
  void run_posted();
  std::string clock_set(const proto::Request& req, bool& ok_out);
  // Appends issue_refused and stores `reply` with the request id; false if it could not.
  bool log_refusal(const proto::Request& req, const Error& e, const std::string& reply);
};

}  // namespace antrian
