#pragma once
// A bare DEALER socket for tests that must send exactly chosen bytes (bad frames,
// a repeated request id) instead of going through HubClient.
#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <zmq.hpp>
#include <zmq_addon.hpp>

namespace antrian::test {

class RawClient {
 public:
  explicit RawClient(const std::string& address) : sock_(ctx_, zmq::socket_type::dealer) {
    sock_.set(zmq::sockopt::linger, 0);
    sock_.connect(address);
  }
  void send_frames(const std::vector<std::string>& frames) {
    for (size_t i = 0; i < frames.size(); ++i)
      sock_.send(zmq::buffer(frames[i]), i + 1 < frames.size() ? zmq::send_flags::sndmore : zmq::send_flags::none);
  }
  // The reply's frames, or nothing within the timeout.
  std::optional<std::vector<std::string>> receive(int timeout_ms = 3000) {
    zmq::pollitem_t item{sock_.handle(), 0, ZMQ_POLLIN, 0};
    if (zmq::poll(&item, 1, std::chrono::milliseconds(timeout_ms)) == 0) return std::nullopt;
    std::vector<zmq::message_t> msgs;
    if (!zmq::recv_multipart(sock_, std::back_inserter(msgs))) return std::nullopt;
    std::vector<std::string> out;
    for (auto& m : msgs) out.push_back(m.to_string());
    return out;
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
  zmq::context_t ctx_{1};
  zmq::socket_t sock_;
};

}  // namespace antrian::test
