#pragma once
// antrian-ctl internals: the command table, output formatting and `watch`.
#include <functional>
#include <string>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "antrian/device_keys.h"
#include "antrian/key_options.h"
#include "antrian/protocol.h"

namespace antrian::ctl {

// Exit codes scripts can rely on.
enum Exit : int { kOk = 0, kRefused = 1, kUsage = 2, kUnreachable = 3 };

struct Globals {
  std::string hub = "tcp://127.0.0.1:5555";
  std::string role;      // default: the role written in the key file, else admin
  KeyFlags key_flags;     // --key (this client's key file), --hub-key (the hub's public key)
  ClientKeys keys;       // both, once read
  std::string client = "antrian-ctl";
  bool json = false;
  int timeout_ms = 1500;
  int retries = 2;
};

// A command ready to send: the protocol command and its arguments.
struct Plan {
  std::string cmd;
  nlohmann::json args = nlohmann::json::object();
  // Local steps: `before` runs first and returns an exit code to stop with, or -1
  // to go on to the hub; `after` gets the hub's reply (or the unreachable one).
  std::function<int(const struct Globals&)> before;
  std::function<void(const proto::Reply&)> after;
  // Arguments that are times relative to now ("back in 45 minutes") are filled in on
  // the hub's clock, never this machine's: ctl asks the hub's time (hello) first.
  std::function<void(nlohmann::json& args, int64_t hub_now_ms)> at_hub_time;
  bool brief = false;  // print the short form (booking-day --counts)
};

// Registers the subcommands; each sets `plan` when chosen.
void add_commands(CLI::App& app, Plan& plan);
void add_key_commands(CLI::App& app, Plan& plan);  // ctl_keys.cpp
void add_desk_commands(CLI::App& app, Plan& plan);  // ctl_desk.cpp
void print_found_ticket(const nlohmann::json& result);  // ticket_find, ctl_desk.cpp
void add_contact_commands(CLI::App& app, Plan& plan);  // ctl_contacts.cpp
void add_comeback_commands(CLI::App& app, Plan& plan);  // ctl_comeback.cpp
void add_booking_commands(CLI::App& app, Plan& plan);  // ctl_booking.cpp
// The bookings' replies for people; false when `cmd` is not a booking command.
bool print_booking_reply(const std::string& cmd, const nlohmann::json& result, bool brief);

// Prints a reply for people (or as JSON) and returns the exit code.
int print_reply(const std::string& cmd, const proto::Reply& reply, bool as_json, bool brief = false);

// Human text for one event ("10:41:02  A-001 dipanggil ke Loket 3").
std::string describe_event(const nlohmann::json& event, int tz_offset_hours);

struct WatchOptions {
  int max_events = 0;    // 0 = until interrupted
  double seconds = 0;    // 0 = until interrupted
};
void add_watch(CLI::App& app, WatchOptions& opt, bool& chosen);
int run_watch(const Globals& g, const WatchOptions& opt);

}  // namespace antrian::ctl
