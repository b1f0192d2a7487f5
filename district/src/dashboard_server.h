#pragma once
// antrian-district's web server: the district dashboard (every site on one page, live
// by polling JSON), a site's page, reports with CSV, and district notices.
#include <atomic>
#include <memory>
#include <string>

#include "dashboard_cache.h"
#include "dashboard_data.h"
#include "dashboard_login.h"

namespace httplib {
class Server;
}

namespace antrian::district {

struct DashboardOptions {
  std::string pg;               // the dashboard's PostgreSQL login (conninfo): the primary
  std::string read_pg;          // where the pages read from (a streaming replica); "" = pg
  std::string bind = "127.0.0.1";
  int port = 8090;              // 0: a free port (printed as {"http":N} when ready)
  std::string admin_token;      // publishing notices needs it (X-District-Token); empty: read only
  std::string web_root;         // the pages (district/web)
  DashboardSettings settings;
  int refresh_ms = 1000;        // the live pictures are made this often (dashboard_cache.h); 0: per request
  bool require_login = true;    // false: open to anyone who reaches it (a closed LAN's wall monitor, tests)
};

class DashboardServer {
 public:
  explicit DashboardServer(DashboardOptions o);
  ~DashboardServer();
  // Binds; returns the port, or -1 with the reason in `error`.
  int bind(std::string& error);
  void serve();  // blocks until stop()
  void stop();

  struct ConnectionPool;

 private:
  void routes();
  DashboardOptions o_;
  std::unique_ptr<httplib::Server> http_;
  std::unique_ptr<ConnectionPool> pool_;       // the primary: publishing
  std::unique_ptr<ConnectionPool> read_pool_;  // the replica (or the primary): every page
  std::unique_ptr<DashboardCache> cache_;
  std::unique_ptr<DashboardLogin> login_;  // null with require_login false
};

std::string default_district_web_root();

}  // namespace antrian::district
