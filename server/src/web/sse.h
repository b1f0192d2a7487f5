#pragma once
// Server-sent events: one stream per open page. The stream sends the page's JSON
// (as `event: <name>`, data {"now": hub ms, "view": {...}}) at once and again
// whenever it changes after a hub event, and
// a small `event: ping` with the hub's clock at least every kPingInterval so a page
// can tell a live link from a dead one.
#include <httplib.h>

#include <chrono>
#include <functional>
#include <string>

#include "web/change_feed.h"

namespace antrian::web {

inline constexpr std::chrono::milliseconds kPingInterval{10'000};

// compute() returns the page's current JSON text (one line); now_ms() the hub's clock.
// When every stream slot is taken the answer is 503 with Retry-After, and the pages
// fall back to polling the JSON route.
void serve_sse(httplib::Response& res, ChangeFeed& feed, std::string event_name,
               std::function<std::string()> compute, std::function<int64_t()> now_ms);

}  // namespace antrian::web
