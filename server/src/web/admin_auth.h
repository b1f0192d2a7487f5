#pragma once
// Admin sign-in for the web: staff accounts with admin rights and their Argon2id
// PIN hash (the same accounts the lokets use). Routes:
//   POST /api/admin/login    {staff, pin} -> session cookie + CSRF token
//   POST /api/admin/logout
//   GET  /api/admin/session  who is signed in, and the CSRF token for the page
#include <httplib.h>

#include <optional>

#include "web/admin_sessions.h"
#include "web/web_context.h"

namespace antrian::web {

// The request's admin session, or nullopt after answering 401 (not signed in) or
// 403 (not an admin any more, cross-site request, or a missing or wrong CSRF token
// on a request that changes something).
std::optional<AdminSession> require_admin(WebContext& ctx, const httplib::Request& req, httplib::Response& res,
                                          bool changes_state);

// False when the request says it comes from another site (Origin or Referer).
bool same_origin(const httplib::Request& req);

void mount_admin_auth_routes(httplib::Server& server, WebContext& ctx);

}  // namespace antrian::web
