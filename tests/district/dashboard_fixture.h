#pragma once
// The district dashboard for a test: antrian-district serve against the test's
// PostgreSQL with a dashboard login and a district token; screenshots; forwarder
// arguments that also apply district notices and configuration to the hub.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <regex>

#include "district_fixture.h"

namespace antrian::test {

inline void save_png(const std::string& png, const std::string& name) {
  const char* env = std::getenv("ANTRIAN_SCREENSHOT_DIR");
  const std::filesystem::path dir = env && *env ? env : ANTRIAN_TEST_OUTPUT_DIR;
  std::filesystem::create_directories(dir);
  std::ofstream(dir / name, std::ios::binary) << png;
  CHECK(png.substr(1, 3) == "PNG");
}

struct Dashboard {
  std::unique_ptr<Child> proc;
  int port = 0;
  // extra: more flags for serve (e.g. --read-pg of a replica).
  Dashboard(District& d, const std::string& dir, const std::string& token, std::vector<std::string> extra = {}) {
    REQUIRE(district::add_dashboard_login(*d.admin, "dashboard", "dashboard-password-1"));
    std::ofstream(dir + "/token") << token << "\n";
    std::vector<std::string> args{ANTRIAN_DISTRICT_BIN, "serve", "--pg", d.pg.conninfo("dashboard", "dashboard-password-1"),
                                  "--port", "0", "--connected-within-s", "3", "--admin-token-file", dir + "/token"};
    // Open without signing in unless the test says otherwise (the login test does).
    if (std::find(extra.begin(), extra.end(), "--login") == extra.end()) args.push_back("--no-login");
    else extra.erase(std::find(extra.begin(), extra.end(), "--login"));
    args.insert(args.end(), extra.begin(), extra.end());
    proc = std::make_unique<Child>(args, dir + "/dashboard.log");
    std::smatch m;
    REQUIRE(wait_until([&] {
      const std::string log = proc->log();
      return std::regex_search(log, m, std::regex("\\{\"http\":(\\d+)\\}")) && (port = std::stoi(m[1])) > 0;
    }));
  }
  std::string base() const { return "http://127.0.0.1:" + std::to_string(port); }
};

inline std::vector<std::string> with_hub(const HubProcess& hub, const std::string& db, const std::string& conn) {
  std::vector<std::string> a = {ANTRIAN_FORWARDER_BIN, "--hub-db", db, "--pg", conn, "--batch", "500",
                                "--idle-ms", "100", "--max-backoff-ms", "300", "--catch-up-pause-ms", "0"};
  for (const std::string& k : hub.key_args("admin", "district-forwarder")) a.push_back(k);
  a.insert(a.end(), {"--hub", hub.address()});
  return a;
}

inline std::vector<std::string> with_hub(Site& s, const std::string& conn) { return with_hub(s.hub, s.db(), conn); }

}  // namespace antrian::test
