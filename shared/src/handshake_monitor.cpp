#include "handshake_monitor.h"

#include <zmq_addon.hpp>

#include <atomic>
#include <cstring>
#include <vector>

namespace antrian::detail {

bool HandshakeMonitor::watch(zmq::context_t& ctx, zmq::socket_t& socket) {
  static std::atomic<uint64_t> n{0};
  const std::string addr = "inproc://hub-client-handshakes-" + std::to_string(n++);
  monitor_.reset();
  if (zmq_socket_monitor(socket.handle(), addr.c_str(),
                         ZMQ_EVENT_HANDSHAKE_SUCCEEDED | ZMQ_EVENT_HANDSHAKE_FAILED_AUTH |
                             ZMQ_EVENT_HANDSHAKE_FAILED_PROTOCOL | ZMQ_EVENT_HANDSHAKE_FAILED_NO_DETAIL) != 0)
    return false;
  monitor_ = std::make_unique<zmq::socket_t>(ctx, zmq::socket_type::pair);
  monitor_->set(zmq::sockopt::linger, 0);
  monitor_->connect(addr);
  return true;
}

std::optional<HandshakeMonitor::Outcome> HandshakeMonitor::read() {
  std::optional<Outcome> latest;
  std::vector<zmq::message_t> frames;
  while (monitor_ && (frames.clear(), zmq::recv_multipart(*monitor_, std::back_inserter(frames), zmq::recv_flags::dontwait))) {
    if (frames.empty() || frames[0].size() < 6) continue;
    uint16_t event = 0;
    uint32_t value = 0;
    std::memcpy(&event, frames[0].data(), 2);
    std::memcpy(&value, static_cast<const char*>(frames[0].data()) + 2, 4);
    Outcome o;
    if (event == ZMQ_EVENT_HANDSHAKE_SUCCEEDED) {
      o.succeeded = true;
    } else if (event == ZMQ_EVENT_HANDSHAKE_FAILED_AUTH) {
      o.key_refused = true;
      o.problem = "the hub refused this device's key (unknown or revoked, code " + std::to_string(value) +
                  "): ask the office admin to register it (antrian-ctl key-add)";
    } else {
      // Also seen when the hub dies or stalls mid-handshake: a hint, not a verdict.
      o.problem = "the secure handshake with the hub failed: the hub may be restarting, or --hub-key is not "
                  "this hub's key (its keys/hub.pub)";
    }
    latest = o;
  }
  return latest;
}

}  // namespace antrian::detail
