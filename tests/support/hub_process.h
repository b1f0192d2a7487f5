#pragma once
// A real antrian-server process for end-to-end tests: ephemeral loopback ports, a
// temporary data dir, killed (SIGKILL) or stopped at the end.
#include <sys/types.h>

#include <cstdint>

#include <string>
#include <vector>

#include "antrian/hub_client.h"

namespace antrian::test {

// A fresh directory under /tmp (or under `base`), removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  explicit TempDir(const std::string& base);
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Test hubs never read the real clock: the office's hours, quotas and the day
// rollover would make a test pass in the morning and fail in the afternoon.
// kPinnedMorningMs is Tuesday 10 February 2026, 09:00 WIB: an ordinary working day.
constexpr int64_t kPinnedMorningMs = 1'770'688'800'000;
// The same pinned Tuesday at hh:mm office time (WIB); hh may be 24+ for the next day.
int64_t pinned_office_time_ms(int hh, int mm);
// The flags that start a hub's clock at `start_ms` (running at real speed).
std::vector<std::string> clock_at(int64_t start_ms);
// Writes the default office with hours 00-24 into `dir` and returns {"--config", FILE}:
// for tests about something else than office hours (numbering at midnight).
std::vector<std::string> all_day_office(const std::string& dir);

class HubProcess {
 public:
  // Starts antrian-server --data-dir DIR --port 0 ... and waits for its JSON line.
  // extra_args are appended (e.g. {"--config", file} or clock_at(...)). Unless they
  // set the clock (--clock-start, --manual-clock, --clock-speed), the hub runs from
  // kPinnedMorningMs; restart() carries its clock on from where it was, so time never
  // runs backwards across a kill.
  // req_port 0 picks a free port (the event and HTTP ports are always free ones).
  // The program is this build's antrian-server, or $ANTRIAN_SERVER_BIN when set.
  explicit HubProcess(std::string data_dir, std::vector<std::string> extra_args = {}, int req_port = 0);
  ~HubProcess();

  // Restarts on the same ports as before (the data dir is kept).
  void restart();
  void kill9();       // SIGKILL, no chance to clean up
  void terminate();   // SIGTERM and wait
  bool running() const { return pid_ > 0; }

  std::string address() const { return "tcp://127.0.0.1:" + std::to_string(req_port_); }
  int req_port() const { return req_port_; }
  int pub_port() const { return pub_port_; }
  int http_port() const { return http_port_; }
  pid_t pid() const { return pid_; }

  // Device keys. The hub makes keys/hub.key, keys/hub.pub and an admin key in its
  // data dir; key_file() registers a new device key through antrian-ctl (or reuses
  // the file made before for the same name) and returns its path.
  std::string hub_key_file() const { return data_dir_ + "/keys/hub.pub"; }
  std::string admin_key_file() const { return data_dir_ + "/keys/admin.key"; }
  std::string key_file(const std::string& role, const std::string& name, int counter = 0) const;
  // Flags that let a program connect to this hub as `role` with a device key of its
  // own, registered for it: {"--key", FILE, "--hub-key", FILE}. A counter's key is
  // bound to its loket (`counter`).
  std::vector<std::string> key_args(const std::string& role, const std::string& name, int counter = 0) const;
  // Options for an in-process HubClient with its own registered key.
  HubClientOptions client_options(const std::string& role, const std::string& name, bool mirror = true,
                                  int timeout_ms = 1500, int retries = 2, int counter = 0) const;
  const std::string& data_dir() const { return data_dir_; }

 private:
  void start(int req, int pub, int http);
  std::vector<std::string> clock_args() const;
  std::string data_dir_;
  std::vector<std::string> extra_;
  // The pinned clock: where it started and when (steady time) the hub first started.
  int64_t clock_start_ms_ = 0;
  int64_t steady_start_ms_ = 0;
  pid_t pid_ = -1;
  int req_port_ = 0, pub_port_ = 0, http_port_ = 0;
};

struct ProcessResult {
  int exit_code = -1;
  std::string out, err;
};

// Runs a program to completion (stdin from /dev/null), capturing its output.
ProcessResult run_process(const std::vector<std::string>& argv, int timeout_ms = 20000);

// antrian-ctl against a hub with its admin key: run_ctl(hub, {"--json", "issue", "A"}).
ProcessResult run_ctl(const HubProcess& hub, std::vector<std::string> args);

}  // namespace antrian::test
