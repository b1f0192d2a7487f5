#pragma once
// Watches a client socket's CURVE handshakes (zmq_socket_monitor), so a key the hub
// refused is reported at once instead of as a silent timeout. Private to antrian_core.
#include <memory>
#include <optional>
#include <string>

#include <zmq.hpp>

namespace antrian::detail {

class HandshakeMonitor {
 public:
  struct Outcome {
    bool succeeded = false;     // the hub accepted our key
    bool key_refused = false;   // the hub's ZAP handler said no: unknown or revoked key
    std::string problem;        // what to tell a person; empty when succeeded
  };
  // Starts watching `socket` (replacing any earlier watch); false if libzmq refused.
  bool watch(zmq::context_t& ctx, zmq::socket_t& socket);
  // The socket to poll for ZMQ_POLLIN, or nullptr.
  zmq::socket_t* socket() { return monitor_.get(); }
  // The newest handshake outcome among the queued monitor events, if any.
  std::optional<Outcome> read();

 private:
  std::unique_ptr<zmq::socket_t> monitor_;
};

}  // namespace antrian::detail
