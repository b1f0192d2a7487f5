#pragma once
// A real antrian-counter process for end-to-end tests: headless (a script on
// stdin, or SDL's offscreen driver for --screenshot), its JSON step reports read
// line by line from stdout. Killed at the end if still running.
#include <sys/types.h>

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace antrian::counter::test {

class CounterProcess {
 public:
  // Starts antrian-counter with args; stdin stays open for send().
  explicit CounterProcess(std::vector<std::string> args);
  ~CounterProcess();
  CounterProcess(const CounterProcess&) = delete;
  CounterProcess& operator=(const CounterProcess&) = delete;

  // Writes one script line.
  void send(const std::string& line);
  // The next step report, or nullopt after timeout_ms (or at end of output).
  std::optional<nlohmann::json> next_report(int timeout_ms = 15000);
  // Sends a line and waits for its report.
  nlohmann::json step(const std::string& line, int timeout_ms = 15000);
  void close_stdin();
  // Waits for the exit; -1 on timeout (then kills it).
  int wait(int timeout_ms = 15000);
  const std::string& stderr_text();

 private:
  bool read_some(int timeout_ms);
  pid_t pid_ = -1;
  int in_ = -1, out_ = -1, err_ = -1;
  std::string out_buf_, err_buf_;
  bool out_eof_ = false;
};

}  // namespace antrian::counter::test
