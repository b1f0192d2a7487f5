#pragma once
// A real antrian-server process for end-to-end tests: ephemeral loopback ports, a
// temporary data dir, killed (SIGKILL) or stopped at the end.
#include <sys/types.h>

#include <string>
#include <vector>

#include "antrian/hub_client.h"

namespace antrian::test {

// A fresh directory under /tmp, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

class HubProcess {
 public:
  // Starts antrian-server --data-dir DIR --port 0 ... and waits for its JSON line.
  // extra_args are appended (e.g. {"--config", file} or {"--clock-start", "..."}).
  // req_port 0 picks a free port (the event and HTTP ports are always free ones).
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
  std::string data_dir_;
  std::vector<std::string> extra_;
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
