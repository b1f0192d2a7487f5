#include "zap_handler.h"

#include <spdlog/spdlog.h>
#include <zmq_addon.hpp>

namespace antrian {

ZapHandler::ZapHandler(zmq::context_t& ctx, std::function<bool(const std::string&)> allowed,
                       std::function<void()> on_refused)
    : socket_(ctx, zmq::socket_type::rep), allowed_(std::move(allowed)), on_refused_(std::move(on_refused)) {
  socket_.set(zmq::sockopt::linger, 0);
  // libzmq looks for the handler at this fixed address in the sockets' context.
  socket_.bind("inproc://zeromq.zap.01");
}

void ZapHandler::answer_pending() {
  for (int i = 0; i < 100; ++i) {
    std::vector<zmq::message_t> f;
    if (!zmq::recv_multipart(socket_, std::back_inserter(f), zmq::recv_flags::dontwait)) return;
    // version, request id, domain, address, identity, mechanism, credentials...
    std::string status = "400", text = "not a CURVE client", user;
    const std::string address = f.size() > 3 ? f[3].to_string() : "?";
    if (f.size() >= 7 && f[0].to_string() == "1.0" && f[5].to_string() == "CURVE" && f[6].size() == 32) {
      char z85[41];
      zmq_z85_encode(z85, static_cast<const uint8_t*>(f[6].data()), 32);
      if (allowed_(z85)) {
        status = "200", text = "OK", user = z85;
      } else {
        text = "unknown or revoked device key";
        // A refused device retries every second: say so once a minute per key.
        auto& last = last_logged_[z85];
        const auto now = std::chrono::steady_clock::now();
        if (now - last > std::chrono::minutes(1)) {
          spdlog::warn("refused a connection from {} with an unknown or revoked key {}", address, z85);
          last = now;
        }
        if (last_logged_.size() > 10000) last_logged_.clear();
      }
    }
    if (status != "200" && on_refused_) on_refused_();
    const std::string version = "1.0";
    const std::string request_id = f.size() > 1 ? f[1].to_string() : "";
    socket_.send(zmq::buffer(version), zmq::send_flags::sndmore);
    socket_.send(zmq::buffer(request_id), zmq::send_flags::sndmore);
    socket_.send(zmq::buffer(status), zmq::send_flags::sndmore);
    socket_.send(zmq::buffer(text), zmq::send_flags::sndmore);
    socket_.send(zmq::buffer(user), zmq::send_flags::sndmore);
    socket_.send(zmq::buffer(std::string()), zmq::send_flags::none);
  }
}

}  // namespace antrian
