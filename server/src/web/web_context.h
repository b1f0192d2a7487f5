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
#include "web/front_publisher.h"
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
  // Set when the web front (nginx + nchan) runs in front: it publishes the live
  // pages, and the client's address comes from the front's X-Real-IP.
  std::unique_ptr<FrontPublisher> front;

  // Ticket status lookups. Phones behind one NAT share an address, so a found
  // token is limited per token (one phone reloading) and per address only as
  // generously as a hall full of phones needs; lookups of tokens that match no
  // ticket (typos, guessing) have a small budget per address that never blocks
  // valid tokens. Guessing a 128-bit token is hopeless anyway; this keeps it quiet.
  RateLimiter status_addr_limiter{600, 600};
  RateLimiter status_token_limiter{20, 30};
  RateLimiter miss_limiter{10, 2};
  // Sign-in: attempts per address (5 at once, then 1 a minute), and failed attempts
  // per staff id (20, then 5 a minute). An address over its limit is refused before
  // the account is touched, so one address can never use up an admin's budget.
  RateLimiter login_ip_limiter{5, 1};
  RateLimiter login_staff_limiter{20, 5};
  // Argon2id needs 64 MiB per check: one at a time.
  std::mutex kdf_mu;

  int64_t now() const { return hub.clock().now_ms(); }
  // The client's address: the front's X-Real-IP when the request came through it
  // (from this machine, with a front configured), else the socket's peer.
  std::string client_addr(const httplib::Request& req) const;
};

// Route groups (one file each).
void mount_status_routes(httplib::Server& server, WebContext& ctx);
void mount_display_routes(httplib::Server& server, WebContext& ctx);
void mount_admin_routes(httplib::Server& server, WebContext& ctx);
void mount_report_routes(httplib::Server& server, WebContext& ctx);
void mount_contact_routes(httplib::Server& server, WebContext& ctx);  // messages to phones
void mount_booking_routes(httplib::Server& server, WebContext& ctx);  // bookings with check-in
void mount_comeback_routes(httplib::Server& server, WebContext& ctx);  // the come-back list (status page)
void mount_comeback_page_routes(httplib::Server& server, WebContext& ctx);  // a come-back code's own page (/k)

void mount_front_routes(httplib::Server& server, WebContext& ctx);
// The front asks before a live stream opens (front_routes.cpp): 200 = subscribe,
// anything else is passed on to the browser as it is.
void authorize_ticket_stream(WebContext& ctx, const httplib::Request& req, httplib::Response& res,
                             const std::string& token);
void authorize_display_stream(WebContext& ctx, httplib::Response& res, std::string_view raw_query);

// The admin hall's view (the admin page and its live channel).
nlohmann::json overview(const OfficeState& s, int64_t now);

// Serves a page file rendered with its strings (404 page when missing).
void send_page(httplib::Response& res, const WebContext& ctx, const char* file);

}  // namespace antrian::web
