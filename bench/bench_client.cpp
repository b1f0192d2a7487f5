#include "bench_client.h"

#include <atomic>
#include <fstream>
#include <sstream>

#include <unistd.h>

namespace antrian::bench {

using json = nlohmann::json;

void curve_client(zmq::socket_t& s, const test::HubProcess& hub) {
  auto keys = load_client_keys(hub.admin_key_file(), hub.hub_key_file());
  if (!keys) throw RunFailed("cannot read the hub's admin key: " + keys.error().reason);
  s.set(zmq::sockopt::curve_serverkey, keys->hub_public_key);
  s.set(zmq::sockopt::curve_publickey, keys->public_key);
  s.set(zmq::sockopt::curve_secretkey, keys->secret_key);
}

Requester::Requester(const test::HubProcess& hub, int timeout_ms) : sock_(ctx_, zmq::socket_type::dealer) {
  static std::atomic<int> made{0};
  prefix_ = "bench" + std::to_string(::getpid()) + "-" + std::to_string(made++) + "-";
  curve_client(sock_, hub);
  sock_.set(zmq::sockopt::rcvtimeo, timeout_ms);
  sock_.set(zmq::sockopt::linger, 0);
  sock_.connect(hub.address());
}

json Requester::call(const std::string& cmd, json args, bool must_succeed) {
  const std::string id = prefix_ + std::to_string(next_++);
  sock_.send(zmq::buffer(json{{"v", 1}, {"id", id}, {"cmd", cmd}, {"role", "admin"}, {"args", std::move(args)}}.dump()));
  for (;;) {
    zmq::message_t m;
    if (!sock_.recv(m)) throw RunFailed(cmd + ": no reply from the hub within the timeout");
    if (m.size() == 0) throw RunFailed(cmd + ": the hub sent an empty reply");
    json r = json::parse(m.to_string_view(), nullptr, false);
    if (!r.is_object()) throw RunFailed(cmd + ": the reply is not JSON: " + m.to_string().substr(0, 200));
    if (r.value("id", "") != id) continue;  // a late answer to an earlier request
    if (must_succeed && !r.value("ok", false))
      throw RunFailed(cmd + " refused: " + r.value(json::json_pointer("/error/reason"), r.dump()));
    return r;
  }
}

double rss_mb(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/status");
  for (std::string line; std::getline(f, line);)
    if (line.rfind("VmRSS:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

double cpu_seconds(pid_t pid) {
  std::ifstream f("/proc/" + std::to_string(pid) + "/stat");
  std::string line;
  if (!std::getline(f, line)) return 0;
  // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
  std::istringstream rest(line.substr(line.rfind(')') + 2));
  std::string field;
  double ticks = 0;
  for (int i = 3; i <= 15 && rest >> field; ++i)
    if (i >= 14) ticks += std::stod(field);
  return ticks / double(::sysconf(_SC_CLK_TCK));
}

}  // namespace antrian::bench
