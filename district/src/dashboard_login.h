#pragma once
// Signing in to the district dashboard. Every page and every API answer needs a
// session (a random id in an HttpOnly, SameSite=Strict cookie, in memory: a restart
// signs everyone out), except the sign-in page, the style sheets and scripts, and
// /healthz. A page without a session is sent to /login; an API call gets 401.
// Guessing is slowed per address (an address over its limit is refused before the
// account is looked at, so one address cannot use up the account's budget and lock
// its owner out) and per account (slow guessing from many addresses). Publishing
// still needs the district token as well (X-District-Token).
#include <functional>
#include <memory>
#include <mutex>
#include <string>

#include "web/admin_sessions.h"
#include "web/rate_limiter.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace antrian::district {

class Pg;

class DashboardLogin {
 public:
  static constexpr const char* kCookie = "antrian_district";
  // with_db: runs a function with a database connection (the dashboard's read pool).
  using WithDb = std::function<void(httplib::Response&, const std::function<void(Pg&)>&)>;
  explicit DashboardLogin(WithDb with_db) : with_db_(std::move(with_db)) {}
  // /login, POST /api/login {user, password}, POST /api/logout, GET /api/session.
  void mount(httplib::Server& http);
  // True when the request may go on (signed in, or a path that needs no session);
  // otherwise it has answered (302 to /login for a page, 401 for the API).
  bool admit(const httplib::Request& req, httplib::Response& res);

 private:
  WithDb with_db_;
  web::AdminSessions sessions_;
  web::RateLimiter per_address_{5, 5};   // 5 at once, then 5 a minute
  web::RateLimiter per_account_{20, 10};  // every address together
  std::mutex kdf_mu_;                     // one Argon2 check at a time (64 MiB each)
};

}  // namespace antrian::district
