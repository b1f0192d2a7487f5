#pragma once
// antrian-display as a child process for end-to-end tests: started with extra
// environment (SDL drivers), its stdout read as JSON lines while it runs, each
// line stamped with when it arrived. Killed (SIGKILL) when the object goes away.
#include <sys/types.h>

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace antrian::display::test {

struct Line {
  nlohmann::json json;
  std::chrono::steady_clock::time_point at;
};

class DisplayProcess {
 public:
  DisplayProcess(std::vector<std::string> args, std::vector<std::pair<std::string, std::string>> env = {});
  ~DisplayProcess();
  DisplayProcess(const DisplayProcess&) = delete;
  DisplayProcess& operator=(const DisplayProcess&) = delete;

  // Waits until a line from index `from` on satisfies pred; returns its index.
  std::optional<std::size_t> wait_for(const std::function<bool(const nlohmann::json&)>& pred, int timeout_ms,
                                      std::size_t from = 0);
  // Reads whatever arrives within timeout_ms.
  void pump(int timeout_ms);
  const std::vector<Line>& lines() const { return lines_; }
  std::size_t count() const { return lines_.size(); }
  // Lines (so far) that satisfy pred.
  std::vector<nlohmann::json> all(const std::function<bool(const nlohmann::json&)>& pred) const;

  void pause();   // SIGSTOP
  void resume();  // SIGCONT
  // SIGTERM, then waits; returns the exit code (-1 if it had to be killed).
  int stop(int timeout_ms = 5000);
  // Waits for the process to end by itself; returns its exit code or -1 on timeout.
  int wait_exit(int timeout_ms);
  pid_t pid() const { return pid_; }

 private:
  void read_available();
  pid_t pid_ = -1;
  int out_ = -1;
  bool eof_ = false;
  std::string partial_;
  std::vector<Line> lines_;
};

// Predicates for the common lines.
std::function<bool(const nlohmann::json&)> is_view_where(std::function<bool(const nlohmann::json&)> f);
std::function<bool(const nlohmann::json&)> is_speech(const std::string& status, const std::string& ticket = {},
                                                     int recall = -1);

}  // namespace antrian::display::test
