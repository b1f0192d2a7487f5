#pragma once
// A phone on Wi-Fi whose link can drop, for tests of what the web front does with a
// client that vanishes without a word (no FIN, no RST), as a phone does when it leaves
// the hall's Wi-Fi.
//
// The test enters a network of its own (a network namespace; through a user namespace
// when it is not root, so no privileges are needed), and the phone is a process in a
// second namespace behind a veth pair: the front at 10.66.0.1, the phone at 10.66.0.2.
// Cutting the phone's link drops every packet both ways, as the air does.
#include <sys/types.h>

#include <string>

namespace antrian::test {

// Moves this process into a network of its own with loopback up. Must be called
// before the process starts any thread. Returns an empty string, or why it could not.
std::string enter_private_network();

class PhoneOnWifi {
 public:
  static constexpr const char* kFrontAddress = "10.66.0.1";
  static constexpr const char* kPhoneAddress = "10.66.0.2";

  // Forks the phone (call it before the test starts any thread) and links it.
  PhoneOnWifi();
  ~PhoneOnWifi();
  PhoneOnWifi(const PhoneOnWifi&) = delete;
  PhoneOnWifi& operator=(const PhoneOnWifi&) = delete;

  // Why the phone could not be set up ("" when it is up).
  const std::string& error() const { return error_; }
  // Opens a live stream (GET path on kFrontAddress:port) and keeps it open; returns
  // the HTTP status once the front answered and the first event arrived (0: none in 5 s).
  int open_stream(int port, const std::string& path);
  // The phone's Wi-Fi: down drops every packet, up lets them through again.
  bool wifi(bool up);

 private:
  std::string ask(const std::string& line);
  pid_t pid_ = -1;
  int fd_ = -1;
  std::string error_;
};

}  // namespace antrian::test
