#pragma once
// A district for a test: a real PostgreSQL with the centre's schema, real hubs on a
// pinned office morning, real forwarders.
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

#include "child.h"
#include "district_admin.h"
#include "hub_process.h"
#include "pg.h"
#include "pg_process.h"

namespace antrian::test {

// Wednesday 2 December 2026, 09:00 WIB: an ordinary office morning.
inline constexpr const char* kOfficeMorningMs = "1796176800000";

inline std::unique_ptr<district::Pg> must_connect(const std::string& conninfo) {
  auto c = district::Pg::connect(conninfo);
  if (!c) FAIL(c.error().reason);
  return std::move(*c);
}

inline std::string site_password(const std::string& site) { return "secret-of-" + site + "-123"; }

struct District {
  PgProcess pg;
  std::unique_ptr<district::Pg> admin = must_connect(pg.admin_conninfo());
  District() {
    auto r = district::setup_schema(*admin);
    if (!r) FAIL(r.error().reason);
  }
  // Adds the site; returns its forwarder's connection string.
  std::string add_site(const std::string& site) {
    auto r = district::add_site(*admin, site, "Kantor " + site, site_password(site));
    if (!r) FAIL(r.error().reason);
    return pg.conninfo(*r, site_password(site));
  }
  void reconnect() { admin = must_connect(pg.admin_conninfo()); }
  int64_t scalar(const std::string& sql, const std::vector<district::Param>& params = {}) {
    if (!admin->ok()) reconnect();
    auto r = admin->exec(sql, params);
    if (!r) FAIL(r.error().reason);
    return r->get_int(0, 0);
  }
  std::string text(const std::string& sql, const std::vector<district::Param>& params = {}) {
    if (!admin->ok()) reconnect();
    auto r = admin->exec(sql, params);
    if (!r) FAIL(r.error().reason);
    return r->get(0, 0);
  }
  int64_t events(const std::string& site) { return scalar("SELECT count(*) FROM district.events WHERE site = $1", {site}); }
  int64_t distinct_seqs(const std::string& site) {
    return scalar("SELECT count(DISTINCT seq) FROM district.events WHERE site = $1", {site});
  }
  int64_t acked(const std::string& site) {
    return scalar("SELECT acked_seq FROM district.site_status WHERE site = $1", {site});
  }
};

// A hub of a site with its own data dir, on the pinned morning.
struct Site {
  TempDir dir;
  HubProcess hub{dir.path(), {"--clock-start", kOfficeMorningMs}};
  std::string db() const { return dir.path() + "/antrian.db"; }
};

inline std::vector<std::string> forwarder_args(const Site& s, const std::string& conninfo, int batch,
                                               std::vector<std::string> extra = {}) {
  std::vector<std::string> a = {ANTRIAN_FORWARDER_BIN, "--hub-db", s.db(), "--pg", conninfo,
                                "--batch", std::to_string(batch), "--idle-ms", "100", "--max-backoff-ms", "300",
                                // back to back: these tests are about what arrives, not the pace
                                "--catch-up-pause-ms", "0"};
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

template <typename F>
bool wait_until(F f, int timeout_ms = 15000) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < end) {
    if (f()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return f();
}

}  // namespace antrian::test
