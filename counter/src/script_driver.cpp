#include "script_driver.h"

#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

namespace antrian::counter {
namespace {

int64_t mono_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

// Reads what stdin has now (without blocking); complete lines go to the runner.
// Returns false at end of input.
bool read_stdin_lines(ScriptRunner& runner, std::string& partial, int& line_no) {
  pollfd p{0, POLLIN, 0};
  if (::poll(&p, 1, 0) <= 0) return true;
  char buf[4096];
  const ssize_t n = ::read(0, buf, sizeof buf);
  if (n <= 0) {
    if (!partial.empty()) partial += '\n';
    else return false;
  } else {
    partial.append(buf, static_cast<std::size_t>(n));
  }
  std::size_t nl;
  while ((nl = partial.find('\n')) != std::string::npos) {
    const std::string line = partial.substr(0, nl);
    partial.erase(0, nl + 1);
    ++line_no;
    auto steps = parse_script(line);
    if (!steps) {
      runner.reject(line_no, line, steps.error());
      continue;
    }
    for (ScriptStep& s : *steps) s.line = line_no;
    runner.append(std::move(*steps));
  }
  return n > 0;
}

}  // namespace

int run_script(HubLink& link, ConsoleModel& model, ScriptRunner& runner, bool stream_stdin) {
  bool input_open = stream_stdin;
  std::string partial;
  int line_no = 0;
  while (true) {
    if (input_open) input_open = read_stdin_lines(runner, partial, line_no);
    bool finished = false;
    link.with_mirror(model, [&](ConsoleModel& m, const Mirror& mirror) { finished = runner.poll(m, mirror, mono_ms()); });
    for (const auto& report : runner.take_reports()) std::printf("%s\n", report.dump().c_str());
    std::fflush(stdout);
    if (finished && !input_open) break;
    link.wait(input_open ? 20 : 50);
  }
  return runner.failures();
}

}  // namespace antrian::counter
