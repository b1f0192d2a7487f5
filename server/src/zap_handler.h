#pragma once
// The hub's ZAP handler (ZeroMQ RFC 27): libzmq asks it, for every new CURVE
// connection to the request or event socket, whether the client's public key may
// connect. Registered, not revoked keys (and the hub's own web link) may; the
// answer's User-Id is the key, which the hub reads from every request it receives.
#include <chrono>
#include <functional>
#include <map>
#include <string>

#include <zmq.hpp>

namespace antrian {

class ZapHandler {
 public:
  // `allowed(z85_public_key)` answers whether a key may connect.
  ZapHandler(zmq::context_t& ctx, std::function<bool(const std::string&)> allowed, std::function<void()> on_refused);
  zmq::socket_t& socket() { return socket_; }
  // Answers every queued ZAP request (call when the socket is readable).
  void answer_pending();

 private:
  zmq::socket_t socket_;
  std::function<bool(const std::string&)> allowed_;
  std::function<void()> on_refused_;
  std::map<std::string, std::chrono::steady_clock::time_point> last_logged_;
};

}  // namespace antrian
