#pragma once
// What the web's routes share: the hub, the link to it, the live-page feed, the call
// log and audio, admin sessions and the rate limits. One per hub, owned by WebApp.
#include <httplib.h>

#include <memory>
#include <mutex>
#include <string>

#include "hub.h"
#include "web/admin_sessions.h"
#include "web/call_audio.h"
#include "web/call_log.h"
#include "web/change_feed.h"
#include "web/hub_link.h"
#include "web/page_renderer.h"
#include "web/rate_limiter.h"

namespace antrian::web {

// Live pages (server-sent event streams) at once; each holds one HTTP thread.
inline constexpr int kMaxLiveStreams = 128;
// HTTP worker threads: every live page plus room for ordinary requests.
inline constexpr int kHttpThreads = kMaxLiveStreams + 32;

struct WebContext {
  explicit WebContext(Hub& h) : hub(h), pages(default_web_root()) {}

  Hub& hub;
  ChangeFeed feed{kMaxLiveStreams};
  CallLog calls;
  CallAudio audio;
  AdminSessions sessions;
  PageRenderer pages;
  std::unique_ptr<HubLink> link;  // set once the hub's ports are bound

  // Ticket status lookups per address: 30 at once, then one a second.
  RateLimiter status_limiter{30, 60};
  // Lookups of tokens that match no ticket, per address: 10, then 2 a minute.
  // Guessing a 128-bit token is hopeless anyway; this keeps the hub quiet.
  RateLimiter miss_limiter{10, 2};
  // Sign-in attempts per address and per staff id: 5 / 10 at once, then 1 a minute.
  RateLimiter login_ip_limiter{5, 1};
  RateLimiter login_staff_limiter{10, 1};
  // Argon2id needs 64 MiB per check: one at a time.
  std::mutex kdf_mu;

  int64_t now() const { return hub.clock().now_ms(); }
};

// Route groups (one file each).
void mount_status_routes(httplib::Server& server, WebContext& ctx);
void mount_display_routes(httplib::Server& server, WebContext& ctx);
void mount_admin_routes(httplib::Server& server, WebContext& ctx);
void mount_report_routes(httplib::Server& server, WebContext& ctx);

// Serves a page file rendered with its strings (404 page when missing).
void send_page(httplib::Response& res, const WebContext& ctx, const char* file);

}  // namespace antrian::web
