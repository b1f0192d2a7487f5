#pragma once
// A real hub with its web for the HTTP tests: an httplib client, a hub client for
// commands, admin sign-in with the session cookie and CSRF token, and the hub's
// sequence number (unchanged sequence = the hub changed nothing).
#include <doctest/doctest.h>
#include <httplib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "antrian/office_config.h"
#include "hub_process.h"

namespace antrian::test {

using json = nlohmann::json;

// The default office sending through a webhook nobody answers (port 9, discard): the
// hub takes phone numbers (contact_set) and every delivery attempt fails.
inline std::string office_with_dead_webhook(const std::string& dir) {
  json cfg = json::parse(antrian::default_office_json());
  cfg["messages"] = {{"webhook", {{"url", "http://127.0.0.1:9/never"}}}};
  std::filesystem::create_directories(dir);
  const std::string path = dir + "/office-messages.json";
  std::ofstream(path) << cfg.dump();
  return path;
}

struct AdminLogin {
  std::string cookie;  // "antrian_admin=<id>"
  std::string csrf;
};

struct WebHub {
  explicit WebHub(std::vector<std::string> extra_args = {})
      : hub(dir.path(), std::move(extra_args)),
        http("127.0.0.1", hub.http_port()),
        admin(hub.client_options("admin", "web-test", /*mirror=*/false)) {
    http.set_read_timeout(10, 0);
    http.set_keep_alive(false);
  }

  std::string base() const { return "http://127.0.0.1:" + std::to_string(hub.http_port()); }

  // Issues a ticket and returns its status token.
  std::string issue(const std::string& service) {
    auto r = admin.request("issue", {{"service", service}});
    REQUIRE(r.ok);
    return r.result["ticket"]["token"].get<std::string>();
  }
  void command(const std::string& cmd, json args) {
    auto r = admin.request(cmd, std::move(args));
    INFO(cmd << ": " << r.error.reason);
    REQUIRE(r.ok);
  }

  int64_t seq() {
    auto r = http.Get("/healthz");
    REQUIRE(r);
    return json::parse(r->body)["seq"].get<int64_t>();
  }

  json get_json(const std::string& path, int expect_status = 200, const AdminLogin* who = nullptr) {
    httplib::Headers h;
    if (who) h.emplace("Cookie", who->cookie);
    auto r = http.Get(path.c_str(), h);
    REQUIRE(r);
    INFO(path << " -> " << r->status << " " << r->body.substr(0, 300));
    CHECK(r->status == expect_status);
    return json::parse(r->body, nullptr, false);
  }

  AdminLogin login(const std::string& staff = "admin", const std::string& pin = "admin1234") {
    auto r = http.Post("/api/admin/login", json{{"staff", staff}, {"pin", pin}}.dump(), "application/json");
    REQUIRE(r);
    INFO(r->body);
    REQUIRE(r->status == 200);
    const std::string set = r->get_header_value("Set-Cookie");
    AdminLogin a;
    a.cookie = set.substr(0, set.find(';'));
    a.csrf = json::parse(r->body)["csrf"].get<std::string>();
    return a;
  }

  // A JSON POST as a signed-in admin; with_csrf false leaves the token out.
  httplib::Result post(const std::string& path, const json& body, const AdminLogin* who, bool with_csrf = true,
                       httplib::Headers extra = {}) {
    httplib::Headers h = std::move(extra);
    if (who) h.emplace("Cookie", who->cookie);
    if (who && with_csrf) h.emplace("X-CSRF-Token", who->csrf);
    return http.Post(path.c_str(), h, body.dump(), "application/json");
  }

  TempDir dir;
  HubProcess hub;
  httplib::Client http;
  HubClient admin;
};

}  // namespace antrian::test
