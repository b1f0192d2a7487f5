#pragma once
// What the hub bench talks to the hub with: a CURVE DEALER that sends one request and
// waits (never forever) for its reply, and the hub process's resident memory.
#include <sys/types.h>

#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>
#include <zmq.hpp>

#include "hub_process.h"

namespace antrian::bench {

// A failed run: the reason is printed and the bench exits non-zero.
struct RunFailed : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Sets a socket up as a CURVE client with the hub's own admin key.
void curve_client(zmq::socket_t& s, const test::HubProcess& hub);

class Requester {
 public:
  // Every request as the hub's admin key (admins may send every command).
  explicit Requester(const test::HubProcess& hub, int timeout_ms = 15000);
  // Sends and waits for the reply; a timeout, or a refusal when `must_succeed`,
  // throws RunFailed with the hub's reason.
  nlohmann::json call(const std::string& cmd, nlohmann::json args, bool must_succeed = true);

 private:
  zmq::context_t ctx_{1};
  zmq::socket_t sock_;
  long next_ = 0;
  std::string prefix_;
};

// VmRSS of a process in MB (0 when unknown).
double rss_mb(pid_t pid);
// CPU seconds a process has used so far, all its threads, user + system (0 when unknown).
double cpu_seconds(pid_t pid);

}  // namespace antrian::bench
