#pragma once
// A program of ours run as a child for a test (the forwarder, the dashboard): its
// stderr goes to a log file that a failing check can print; killed at the end.
#include <sys/types.h>

#include <string>
#include <vector>

namespace antrian::test {

class Child {
 public:
  Child(std::vector<std::string> argv, std::string log_file);
  ~Child();
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;
  void kill9();
  void terminate();  // SIGTERM, waits up to 5 s, then SIGKILL
  // Waits for the exit; the exit code, -1 on timeout, 128+N when killed by signal N.
  int wait(int timeout_ms);
  bool running();
  std::string log() const;
  pid_t pid() const { return pid_; }

 private:
  std::string log_;
  pid_t pid_ = -1;
  int status_ = -1;
};

}  // namespace antrian::test
