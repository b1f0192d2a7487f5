#pragma once
// Talking to systemd (sd_notify) from antrian's long-running programs.
//
// Under a unit with Type=notify, systemd starts the next units only after ready(),
// shows status() in `systemctl status`, and with WatchdogSec= kills and restarts a
// program that stops calling watchdog_ping(): a hung hub or a frozen screen comes back
// by itself. Outside systemd (no NOTIFY_SOCKET) every call does nothing, so tests, the
// demo and a hub started by hand behave as before.
//
// Thread-safe; the environment is read once, on first use.
#include <chrono>
#include <optional>
#include <string_view>

namespace antrian::service {

// True when started by systemd with a notification socket (NOTIFY_SOCKET).
bool under_systemd();

// READY=1: the program serves (the hub: sockets and HTTP listen; a screen: the first
// frame is on screen). Only the first call sends anything.
void ready();

// STOPPING=1: a clean shutdown has begun (not a crash).
void stopping();

// STATUS=text: one line for `systemctl status`, e.g. the ports the hub listens on.
void status(std::string_view text);

// The interval at which watchdog_ping() really sends: half of WATCHDOG_USEC, as
// sd_watchdog_enabled(3) advises. nullopt when this process has no watchdog.
std::optional<std::chrono::milliseconds> watchdog_interval();

// WATCHDOG=1, at most once per watchdog_interval(); cheap to call from every loop
// iteration. Returns how long until a ping is due again (so a loop that sleeps knows
// when to wake up), or nullopt when there is no watchdog.
std::optional<std::chrono::milliseconds> watchdog_ping();

}  // namespace antrian::service
