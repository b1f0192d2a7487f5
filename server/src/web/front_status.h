#pragma once
// What the web front (nginx + nchan) says about itself, for /metrics: how many live
// pages are subscribed and how nginx's connections are spread (reading a request,
// writing an answer or a stream, idle keep-alive). Read from the front's status
// pages on the publisher socket; parsed here, with no I/O, so it is unit-tested.
#include <cstdint>
#include <optional>
#include <string>

namespace antrian::web {

struct FrontFigures {
  int64_t subscribers = 0;  // live streams (phones, TVs, admin halls) held by nchan
  int64_t channels = 0;     // channels with a message kept (tickets, displays, admin, clock)
  int64_t active = 0;       // nginx's client connections, all states
  int64_t reading = 0;      // reading a request header (a slow-drip socket sits here)
  int64_t writing = 0;      // writing an answer, which includes every open stream
  int64_t waiting = 0;      // idle keep-alive connections
};

// nchan_stub_status text ("subscribers: 12" lines); nullopt when a field is missing.
std::optional<FrontFigures> parse_nchan_status(const std::string& text, FrontFigures into = {});
// nginx stub_status text ("Active connections: 3 ... Reading: 0 Writing: 1 Waiting: 2").
std::optional<FrontFigures> parse_nginx_status(const std::string& text, FrontFigures into = {});

}  // namespace antrian::web
