#include "raw_limits.h"

#include <chrono>
#include <stdexcept>
#include <vector>

#include <zmq_addon.hpp>

#include "antrian/device_keys.h"

namespace antrian::bench {

namespace {
using Clk = std::chrono::steady_clock;
double ms_since(Clk::time_point t) { return std::chrono::duration<double, std::milli>(Clk::now() - t).count(); }
}  // namespace

RawLimits::RawLimits(const std::string& dir) {
  // CURVE on both ends (no ZAP handler: any key).
  const CurveKeyPair server = generate_curve_keys(), client = generate_curve_keys();
  router_.set(zmq::sockopt::curve_server, true);
  router_.set(zmq::sockopt::curve_secretkey, server.secret_key);
  router_.bind("tcp://127.0.0.1:*");
  const std::string ep = router_.get(zmq::sockopt::last_endpoint);
  echo_ = std::thread([this] {
    while (!stop_) {
      zmq::pollitem_t item{router_.handle(), 0, ZMQ_POLLIN, 0};
      zmq::poll(&item, 1, std::chrono::milliseconds(50));
      if (!(item.revents & ZMQ_POLLIN)) continue;
      std::vector<zmq::message_t> frames;
      if (!zmq::recv_multipart(router_, std::back_inserter(frames))) continue;
      zmq::send_multipart(router_, frames);
    }
  });
  dealer_.set(zmq::sockopt::curve_serverkey, server.public_key);
  dealer_.set(zmq::sockopt::curve_publickey, client.public_key);
  dealer_.set(zmq::sockopt::curve_secretkey, client.secret_key);
  dealer_.set(zmq::sockopt::rcvtimeo, 15000);
  dealer_.connect(ep);

  if (sqlite3_open((dir + "/raw.db").c_str(), &db_) != SQLITE_OK ||
      sqlite3_exec(db_, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                        "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, data TEXT)",
                   nullptr, nullptr, nullptr) != SQLITE_OK ||
      sqlite3_prepare_v2(db_, "INSERT INTO t (data) VALUES (?)", -1, &insert_, nullptr) != SQLITE_OK)
    throw std::runtime_error("raw SQLite in " + dir + ": " + sqlite3_errmsg(db_));
  for (int i = 0; i < 100; ++i) round_trip_ms();  // warm-up: the CURVE handshake and first buffers
}

RawLimits::~RawLimits() {
  stop_ = true;
  echo_.join();
  sqlite3_finalize(insert_);
  sqlite3_close(db_);
}

double RawLimits::round_trip_ms() {
  static const std::string payload(200, 'x');
  const auto t = Clk::now();
  dealer_.send(zmq::buffer(payload));
  zmq::message_t m;
  if (!dealer_.recv(m)) throw std::runtime_error("raw CURVE echo: no reply within 15 s");
  return ms_since(t);
}

double RawLimits::commit_ms() {
  static const std::string row(600, 'y');
  const auto t = Clk::now();
  sqlite3_exec(db_, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
  sqlite3_reset(insert_);
  sqlite3_bind_text(insert_, 1, row.c_str(), -1, SQLITE_STATIC);
  if (sqlite3_step(insert_) != SQLITE_DONE) throw std::runtime_error(std::string("raw insert: ") + sqlite3_errmsg(db_));
  if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK)
    throw std::runtime_error(std::string("raw commit: ") + sqlite3_errmsg(db_));
  return ms_since(t);
}

}  // namespace antrian::bench
