// The hub's setup: opening on its database (the office from the config, the day
// started before "ready"), its sockets and their CURVE keys, the admin key for
// antrian-ctl on this machine. What it does once running is in hub.cpp.
#include "hub.h"

#include <spdlog/spdlog.h>

#include <malloc.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "antrian/booking.h"
#include "antrian/commands.h"
#include "antrian/device_auth.h"
#include "antrian/model_json.h"

namespace antrian {
namespace {

int bound_port(zmq::socket_t& s) {
  const std::string ep = s.get(zmq::sockopt::last_endpoint);
  return std::stoi(ep.substr(ep.rfind(':') + 1));
}

bool office_matches(const OfficeState& s, const OfficeConfig& cfg) {
  if (to_json(s.office) != to_json(cfg.office) || s.services.size() != cfg.services.size() ||
      s.counters.size() != cfg.counters.size())
    return false;
  for (const Service& x : cfg.services) {
    auto it = s.services.find(x.code);
    if (it == s.services.end() || to_json(it->second) != to_json(x)) return false;
  }
  for (const Counter& c : cfg.counters) {
    auto it = s.counters.find(c.number);
    if (it == s.counters.end() || it->second.services != c.services || it->second.name != c.name) return false;
  }
  for (const Closure& c : cfg.closures)  // a date new in the config
    if (!s.closures.count(c.date)) return false;
  return true;
}

}  // namespace

Result<std::unique_ptr<Hub>> Hub::create(std::unique_ptr<Store> store, const OfficeConfig& cfg, bool config_given,
                                         const Clock& clock) {
  auto loaded = store->load();
  if (!loaded) return loaded.error();
  std::unique_ptr<Hub> hub(new Hub(std::move(store), std::move(*loaded), clock));
  const bool fresh = hub->state_.seq == 0;
  if (fresh || (config_given && !office_matches(hub->state_, cfg))) {
    spdlog::info("{}: office \"{}\"", fresh ? "new database, setting up" : "config changed, updating",
                 cfg.office.name);
    if (auto r = hub->append(configure_office_events(hub->state_, cfg, clock.now_ms()), "", ""); !r) return r.error();
  }
  // Start the business day before saying "ready", so what clients see first is settled.
  if (auto day = day_rollover_event(hub->state_, clock.now_ms()))
    if (auto r = hub->append({*day}, "", ""); !r) return r.error();
  auto desk = MessageDesk::create(*hub->store_, cfg.messages, hub->state_.day);
  if (!desk) return desk.error();
  hub->desk_ = std::move(*desk);
  hub->unpublished_.clear();  // nobody is subscribed yet
  hub->unpublished_on_disk_ = 0;
  ::malloc_trim(0);  // loading a long day read every row: give the memory back
  if (auto r = hub->store_->prune_requests(clock.now_ms() - 2LL * 86'400'000); !r)
    spdlog::warn("could not forget old request ids: {}", r.error().reason);
  return hub;
}

Result<Ok> Hub::open_bookings(const std::string& key_file) {
  auto desk = BookingDesk::create(*store_, *desk_, key_file);
  if (!desk) return desk.error();
  bookings_ = std::move(*desk);
  return Ok{};
}

Result<Ok> Hub::bind(const HubOptions& opt) {
  if (server_keys_.secret_key.empty()) return make_error("bind", "the hub has no CURVE key pair (set_server_keys)");
  try {
    zap_ = std::make_unique<ZapHandler>(ctx_, [this](const std::string& key) { return may_connect(key); },
                                        [this] { metrics_.record_refused_connection(); });
    router_.set(zmq::sockopt::curve_server, true);
    router_.set(zmq::sockopt::curve_secretkey, server_keys_.secret_key);
    router_.set(zmq::sockopt::zap_domain, "antrian");
    configure_pub();
    router_.set(zmq::sockopt::linger, 0);
    router_.set(zmq::sockopt::router_mandatory, false);
    // No transport limit: a request of any size is read and answered with bad_request
    // naming kMaxRequestBytes (a limit here would drop the connection, and with it the
    // next request, without a word). Only registered device keys get this far.
    router_.set(zmq::sockopt::maxmsgsize, int64_t(-1));
    auto ep = [&](int port) { return "tcp://" + opt.bind + ":" + (port == 0 ? std::string("*") : std::to_string(port)); };
    router_.bind(ep(opt.req_port));
    pub_.bind(ep(opt.pub_port));
  } catch (const zmq::error_t& e) {
    return make_error("bind", std::string("cannot listen on ") + opt.bind + ": " + e.what() +
                                  " (is another hub running? choose other ports with --port)");
  }
  req_port_ = bound_port(router_);
  pub_port_ = bound_port(pub_);
  pub_endpoint_ = pub_.get(zmq::sockopt::last_endpoint);
  return Ok{};
}

ClientKeys Hub::internal_client_keys() const {
  return {internal_keys_.public_key, internal_keys_.secret_key, server_keys_.public_key};
}

bool Hub::may_connect(const std::string& public_key) const {
  return public_key == internal_keys_.public_key || find_active_key(state_, public_key) != nullptr;
}

Result<Ok> Hub::ensure_admin_key(const std::string& key_file) {
  // Whoever can read the hub's data folder is its admin: the key in `key_file` is
  // made when missing and registered when the database does not know it (a new
  // office, a database restored on a new machine, a deleted key file).
  KeyFile k;
  if (std::filesystem::exists(key_file)) {
    auto read = read_key_file(key_file, true);
    if (!read) return read.error();
    k = *read;
    for (const auto& [_, known] : state_.device_keys) {
      if (known.public_key != k.keys.public_key) continue;
      // Revoked on purpose: an admin cut this file off; it stays cut off.
      if (known.revoked || known.role != proto::role::admin)
        spdlog::warn("{} holds the key of {}, which is {}; antrian-ctl cannot use it (remove the file and restart "
                     "the hub for a new admin key)", key_file, known.name, known.revoked ? "revoked" : "not an admin key");
      return Ok{};
    }
  } else {
    k = {generate_curve_keys(), "admin-local", std::string(proto::role::admin), 0};
    if (auto w = write_key_file(key_file, k, true); !w) return w.error();
  }
  proto::Request req;
  req.id = "bootstrap-admin-key-" + std::to_string(clock_.now_ms()) + "-" + std::to_string(::getpid());
  req.cmd = std::string(proto::cmd::key_add);
  req.role = std::string(proto::role::admin);
  std::string name = k.name.empty() ? "admin-local" : k.name;
  for (int n = 2; state_.device_keys.count(name) && !state_.device_keys.at(name).revoked; ++n)
    name = "admin-local-" + std::to_string(n);
  req.args = {{"name", name}, {"role", proto::role::admin}, {"public_key", k.keys.public_key}, {"client", "hub"}};
  bool ok = false;
  const std::string reply = answer(req, ok);
  unpublished_.clear();  // nobody is subscribed yet
  unpublished_on_disk_ = 0;
  if (!ok) {
    auto r = proto::decode_reply(reply);
    return make_error(std::string(proto::err::auth_failed),
                      "could not register the admin key " + key_file + ": " + (r ? r->error.reason : reply));
  }
  spdlog::info("registered the admin key {} (for antrian-ctl on this machine)", key_file);
  return Ok{};
}

void Hub::configure_pub() {
  pub_.set(zmq::sockopt::curve_server, true);
  pub_.set(zmq::sockopt::curve_secretkey, server_keys_.secret_key);
  pub_.set(zmq::sockopt::zap_domain, "antrian");
  pub_.set(zmq::sockopt::linger, 0);
  pub_.set(zmq::sockopt::sndhwm, 100000);
}

void Hub::rebind_pub() {
  // Closing the socket drops every subscriber; each reconnects through the ZAP handler,
  // which keeps the revoked one out. Displays refill the gap from the log.
  pub_.close();
  pub_ = zmq::socket_t(ctx_, zmq::socket_type::pub);
  configure_pub();
  // The old listener is closed by libzmq's I/O thread: the port may need a moment.
  std::string why = "the port stayed in use";
  for (int attempt = 0; attempt < 100; ++attempt) {
    try {
      pub_.bind(pub_endpoint_);
      return;
    } catch (const zmq::error_t& e) {
      why = e.what();
      if (e.num() != EADDRINUSE) break;
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  // A hub without its event socket would leave every screen offline while looking
  // healthy: stop instead, so systemd (or the operator) starts it again.
  fatal_error_ = "cannot listen again for events on " + pub_endpoint_ + " after a key was revoked: " + why;
  spdlog::critical("{}", fatal_error_);
  stopping_ = true;
}

}  // namespace antrian
