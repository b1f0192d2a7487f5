#pragma once
// Bare DEALER sockets for tests that must send exactly chosen bytes (bad frames,
// a repeated request id) instead of going through HubClient. Each request goes out
// on a connection with a device key of the role it claims (a counter's key is for
// the loket given, 1 unless said), so the hub judges the bytes, not a role mismatch; frames that name no
// known role go out with the hub's admin key.
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <zmq.hpp>
#include <zmq_addon.hpp>

#include "antrian/device_keys.h"
#include "antrian/protocol.h"
#include "hub_process.h"

namespace antrian::test {

class RawClient {
 public:
  explicit RawClient(const HubProcess& hub, int counter_loket = 1) : hub_(hub), loket_(counter_loket) {}
  void send_frames(const std::vector<std::string>& frames) {
    std::string role = "admin";
    if (!frames.empty()) {
      auto j = nlohmann::json::parse(frames.front(), nullptr, false);
      if (j.is_object() && j.contains("role") && j["role"].is_string() && proto::is_known_role(j["role"].get<std::string>()))
        role = j["role"].get<std::string>();
    }
    last_ = &socket_for(role);
    for (size_t i = 0; i < frames.size(); ++i)
      last_->send(zmq::buffer(frames[i]), i + 1 < frames.size() ? zmq::send_flags::sndmore : zmq::send_flags::none);
  }
  // The reply's frames, or nothing within the timeout.
  std::optional<std::vector<std::string>> receive(int timeout_ms = 3000) {
    if (!last_) return std::nullopt;
    zmq::pollitem_t item{last_->handle(), 0, ZMQ_POLLIN, 0};
    if (zmq::poll(&item, 1, std::chrono::milliseconds(timeout_ms)) == 0) return std::nullopt;
    std::vector<zmq::message_t> msgs;
    if (!zmq::recv_multipart(*last_, std::back_inserter(msgs))) return std::nullopt;
    std::vector<std::string> out;
    for (auto& m : msgs) out.push_back(m.to_string());
    return out;
  }
  int loket() const { return loket_; }
  // Registers (and connects with) the keys of these roles now: registering a key is
  // an event, which a test counting events wants behind it.
  void prepare(const std::vector<std::string>& roles) {
    for (const std::string& r : roles) socket_for(r);
  }
  // Sends one request and returns the decoded reply (throws if none).
  nlohmann::json request(const std::string& id, const std::string& cmd, nlohmann::json args,
                         const std::string& role = "admin") {
    send_frames({nlohmann::json{{"v", 1}, {"id", id}, {"cmd", cmd}, {"role", role}, {"args", args}}.dump()});
    auto reply = receive();
    if (!reply || reply->empty()) throw std::runtime_error("no reply to " + cmd);
    return nlohmann::json::parse(reply->back());
  }

 private:
  zmq::socket_t& socket_for(const std::string& role) {
    auto& s = sockets_[role];
    if (s) return *s;
    const std::string file = role == "admin" ? hub_.admin_key_file()
                         : role == "counter" ? hub_.key_file(role, "raw-counter-" + std::to_string(loket_), loket_)
                                             : hub_.key_file(role, "raw-" + role);
    auto keys = load_client_keys(file, hub_.hub_key_file());
    if (!keys) throw std::runtime_error(keys.error().reason);
    s = std::make_unique<zmq::socket_t>(ctx_, zmq::socket_type::dealer);
    s->set(zmq::sockopt::linger, 0);
    s->set(zmq::sockopt::curve_serverkey, keys->hub_public_key);
    s->set(zmq::sockopt::curve_publickey, keys->public_key);
    s->set(zmq::sockopt::curve_secretkey, keys->secret_key);
    s->connect(hub_.address());
    return *s;
  }

  const HubProcess& hub_;
  int loket_;
  zmq::context_t ctx_{1};
  std::map<std::string, std::unique_ptr<zmq::socket_t>> sockets_;
  zmq::socket_t* last_ = nullptr;
};

}  // namespace antrian::test
