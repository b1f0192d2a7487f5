#pragma once
// The real antrian-kiosk for end-to-end tests: headless (SDL_VIDEODRIVER=offscreen),
// driven through its --automation commands on stdin, its JSON lines read from stdout;
// and a raw-TCP "printer" on a loopback port that records what it receives.
#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

namespace kiosk_test {

class KioskProcess {
 public:
  // Starts the kiosk with --automation and args; stderr goes to stderr_file.
  KioskProcess(std::vector<std::string> args, std::string stderr_file);
  ~KioskProcess();  // quit, then SIGKILL if it does not end within 3 s
  KioskProcess(const KioskProcess&) = delete;
  KioskProcess& operator=(const KioskProcess&) = delete;

  // Sends a command and waits for its {"ok":VERB} or {"error":VERB} line.
  nlohmann::json command(const std::string& line, int timeout_ms = 15000);
  // The first line (from index `from`) that satisfies pred, waiting up to timeout_ms.
  std::optional<nlohmann::json> wait_for(const std::function<bool(const nlohmann::json&)>& pred, int timeout_ms,
                                         size_t from = 0);
  size_t lines_seen();
  // Everything it printed so far (stdout lines and its log), for failure messages.
  std::string transcript();
  // Waits for the process to end; its exit code, or -1 on timeout/signal.
  int wait_exit(int timeout_ms);

 private:
  void send(const std::string& line);
  void read_lines();

  pid_t pid_ = -1;
  int in_ = -1, out_ = -1;
  std::string stderr_file_;
  std::mutex mu_;
  std::vector<nlohmann::json> lines_;
  std::string raw_;
  std::atomic<bool> stop_{false};
  std::thread reader_;
};

// A raw TCP printer on 127.0.0.1 (ephemeral port). It accepts any number of
// connections, records every byte, and answers each DLE EOT n with status(n), or stays
// silent when status returns -1.
class PrinterListener {
 public:
  explicit PrinterListener(std::function<int(int n)> status);
  ~PrinterListener();
  int port() const { return port_; }
  std::string address() const { return "tcp://127.0.0.1:" + std::to_string(port_); }
  std::string received();  // all bytes so far, every connection concatenated
  int connections();

 private:
  void serve();
  std::function<int(int)> status_;
  int fd_ = -1, port_ = 0;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::string data_;
  int connections_ = 0;
  std::thread thread_;
};

// Status bytes of a healthy printer, and of one out of paper (DLE EOT 4: bits 5+6).
int healthy_printer(int n);
int printer_without_paper(int n);

}  // namespace kiosk_test
