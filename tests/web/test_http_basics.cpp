// What every route shares: security headers, clear errors (pages for browsers, JSON
// for scripts, never a stack trace), size limits, static files, and /metrics read by
// Prometheus' own parser.
#include <fstream>

#include "web_fixture.h"

using namespace antrian::test;

TEST_CASE("basics: security headers on pages, the API, static files and errors") {
  WebHub w;
  for (const char* path : {"/", "/display", "/admin", "/reports", "/api/display", "/static/common.js",
                           "/static/style.css", "/no/such/page", "/healthz"}) {
    auto r = w.http.Get(path);
    REQUIRE(r);
    INFO(path);
    CHECK(r->get_header_value("Content-Security-Policy").find("default-src 'self'") == 0);
    CHECK(r->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(r->get_header_value("X-Frame-Options") == "DENY");
    CHECK(r->get_header_value("Referrer-Policy") == "no-referrer");
    CHECK(r->get_header_value_count("Cache-Control") == 1);
  }
  auto js = w.http.Get("/static/common.js");
  CHECK(js->get_header_value("Content-Type").find("javascript") != std::string::npos);
  CHECK(js->get_header_value("Cache-Control").find("max-age") != std::string::npos);
  CHECK(w.http.Get("/api/display")->get_header_value("Cache-Control") == "no-store");
}

TEST_CASE("basics: the pages render their strings from the table, nothing left unfilled") {
  WebHub w;
  for (const char* path : {"/", "/display", "/admin", "/reports"}) {
    auto r = w.http.Get(path);
    REQUIRE(r);
    INFO(path);
    CHECK(r->status == 200);
    CHECK(r->body.find("{{") == std::string::npos);
    CHECK(r->body.find("<script src=\"http") == std::string::npos);  // nothing from the internet
  }
  CHECK(w.http.Get("/admin")->body.find("Admin Antrian") != std::string::npos);
}

TEST_CASE("basics: errors are clear pages for browsers and JSON for scripts, without internals") {
  WebHub w;
  httplib::Headers browser{{"Accept", "text/html,application/xhtml+xml"}};
  auto page = w.http.Get("/nothing/here", browser);
  REQUIRE(page);
  CHECK(page->status == 404);
  CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
  CHECK(page->body.find("Page not found") != std::string::npos);
  auto api = w.http.Get("/api/nothing", browser);
  CHECK(api->status == 404);
  CHECK(json::parse(api->body)["error"] == "not_found");
  auto script = w.http.Get("/nothing/here");
  CHECK(json::parse(script->body).contains("reason"));
  // Wrong methods and oversized bodies.
  auto del = w.http.Delete("/api/admin/staff");
  CHECK(del->status >= 400);
  CHECK(del->status < 500);
  const std::string huge(100 * 1024, 'x');
  auto big = w.http.Post("/api/admin/login", huge, "application/json");
  REQUIRE(big);
  CHECK(big->status == 413);
  auto bad_json = w.http.Post("/api/admin/login", "{\"staff\":", "application/json");
  CHECK(bad_json->status == 400);
  for (const httplib::Result* r : {&page, &api, &script, &big, &bad_json}) {
    CHECK((*r)->body.find("exception") == std::string::npos);
    CHECK((*r)->body.find(".cpp") == std::string::npos);
  }
}

TEST_CASE("basics: the existing routes keep working") {
  WebHub w;
  w.issue("A");
  json state = w.get_json("/api/state");
  CHECK(state["tickets"].size() == 1);
  CHECK_FALSE(state["tickets"][0].contains("token"));
  CHECK(w.get_json("/healthz")["ok"] == true);
}

TEST_CASE("basics: /metrics passes promtool check metrics") {
  WebHub w;
  w.issue("A");
  w.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  w.command("call_next", {{"counter", 1}});
  auto r = w.http.Get("/metrics");
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(r->body.find("antrian_web_live_streams 0") != std::string::npos);
  CHECK(r->body.find("antrian_tickets_refused_today{service=\"A\"} 0") != std::string::npos);
  const std::string file = w.dir.path() + "/metrics.txt";
  std::ofstream(file) << r->body;
  // promtool reads the exposition on stdin; run it through a shell for the redirect.
  ProcessResult p = run_process({"/bin/sh", "-c", "promtool check metrics < '" + file + "'"});
  INFO("promtool: " << p.out << p.err);
  CHECK(p.exit_code == 0);
  CHECK(p.err.find("error") == std::string::npos);
}
