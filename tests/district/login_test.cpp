// Signing in to the district dashboard: accounts made by `antrian-district add-user`
// (Argon2id hashes in PostgreSQL), every page and API behind a session, the sign-in
// page in Chromium, and guessing from one address that cannot lock the real user out.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <doctest/doctest.h>
#include <httplib.h>

#include <fstream>

#include "dashboard_fixture.h"
#include "district_fixture.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;

namespace {

// POST /api/login from another loopback address (127.0.0.2): another machine as far
// as the dashboard can tell. Returns the HTTP status.
int login_from(const char* source, int port, const std::string& user, const std::string& password) {
  const int s = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in from{};
  from.sin_family = AF_INET;
  ::inet_pton(AF_INET, source, &from.sin_addr);
  REQUIRE(::bind(s, reinterpret_cast<sockaddr*>(&from), sizeof from) == 0);
  sockaddr_in to{};
  to.sin_family = AF_INET;
  to.sin_port = htons(uint16_t(port));
  ::inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
  REQUIRE(::connect(s, reinterpret_cast<sockaddr*>(&to), sizeof to) == 0);
  const std::string body = nlohmann::json{{"user", user}, {"password", password}}.dump();
  const std::string req = "POST /api/login HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                          "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
                          "\r\nConnection: close\r\n\r\n" + body;
  REQUIRE(::send(s, req.data(), req.size(), 0) == ssize_t(req.size()));
  std::string reply;
  char buf[4096];
  for (ssize_t n; (n = ::recv(s, buf, sizeof buf, 0)) > 0;) reply.append(buf, size_t(n));
  ::close(s);
  REQUIRE(reply.rfind("HTTP/1.1 ", 0) == 0);
  return std::stoi(reply.substr(9, 3));
}

int add_user(District& d, const std::string& dir, const std::string& user, const std::string& password) {
  std::ofstream(dir + "/pw") << password << "\n";
  Child c({ANTRIAN_DISTRICT_BIN, "add-user", "--pg", d.pg.admin_conninfo(), "--user", user, "--password-file", dir + "/pw",
           "--name", "Kabid Pelayanan"},
          dir + "/add-user.log");
  return c.wait(30000);
}

}  // namespace

TEST_CASE("district: the dashboard needs a sign-in and one address guessing cannot lock the real user out") {
  District d;
  d.add_site("kec-utara");
  TempDir web;
  // Accounts: bad names and short passwords refused with the reason, nothing stored.
  CHECK(add_user(d, web.path(), "Kepala Dinas", "a-long-enough-password") == 1);
  CHECK(add_user(d, web.path(), "kadis", "short") == 1);
  {
    std::ifstream log(web.path() + "/add-user.log");
    std::string text((std::istreambuf_iterator<char>(log)), {});
    CHECK(text.find("at least 12 characters") != std::string::npos);
  }
  CHECK(d.scalar("SELECT count(*) FROM district.dashboard_users") == 0);
  REQUIRE(add_user(d, web.path(), "kadis", "sandi-kadis-2026") == 0);
  CHECK(d.text("SELECT pwhash FROM district.dashboard_users WHERE name = 'kadis'").rfind("$argon2id$", 0) == 0);

  Dashboard dash(d, web.path(), "district-token-0123456789", {"--login"});
  httplib::Client http("127.0.0.1", dash.port);
  // Nothing without a session but the sign-in page, its scripts and /healthz.
  auto sites = http.Get("/api/sites");
  REQUIRE(sites);
  CHECK(sites->status == 401);
  for (const char* path : {"/", "/reports/month", "/site/kec-utara"}) {
    auto page = http.Get(path);
    REQUIRE(page);
    CHECK(page->status == 302);
    CHECK(page->get_header_value("Location").rfind("/login?next=", 0) == 0);
  }
  CHECK(http.Get("/api/report/month.csv?month=2026-12")->status == 401);
  CHECK(http.Get("/login")->status == 200);
  CHECK(http.Get("/static/district.css")->status == 200);
  CHECK(http.Get("/healthz")->status == 200);
  // Bad sign-ins: the reason, no session.
  auto bad = http.Post("/api/login", R"({"user":"kadis"})", "application/json");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  auto wrong = http.Post("/api/login", R"({"user":"kadis","password":"not-the-password"})", "application/json");
  REQUIRE(wrong);
  CHECK(wrong->status == 401);
  CHECK(wrong->get_header_value("Set-Cookie").empty());
  auto cross = http.Post("/api/login", {{"Origin", "http://evil.example"}}, R"({"user":"kadis","password":"sandi-kadis-2026"})",
                         "application/json");
  REQUIRE(cross);
  CHECK(cross->status == 403);

  // Someone at another address guesses: after a few tries that address is refused
  // (429) before the account is looked at ...
  int refused = 0;
  for (int i = 0; i < 12; ++i) refused += login_from("127.0.0.2", dash.port, "kadis", "guess-" + std::to_string(i)) == 429;
  CHECK(refused >= 6);
  // ... and the real user, at their own address, still signs in.
  auto ok = http.Post("/api/login", R"({"user":"kadis","password":"sandi-kadis-2026"})", "application/json");
  REQUIRE(ok);
  REQUIRE_MESSAGE(ok->status == 200, ok->body);
  const std::string cookie = ok->get_header_value("Set-Cookie");
  CHECK(cookie.find("HttpOnly") != std::string::npos);
  CHECK(cookie.find("SameSite=Strict") != std::string::npos);
  const std::string session = cookie.substr(0, cookie.find(';'));
  httplib::Headers with{{"Cookie", session}};
  auto in = http.Get("/api/sites", with);
  REQUIRE(in);
  CHECK(in->status == 200);
  CHECK(in->body.find("kec-utara") != std::string::npos);
  // A forged session is nothing; signing out ends the real one.
  CHECK(http.Get("/api/sites", {{"Cookie", "antrian_district=0123456789abcdef0123456789abcdef"}})->status == 401);
  CHECK(http.Post("/api/logout", with, "", "application/json")->status == 200);
  CHECK(http.Get("/api/sites", with)->status == 401);

  // In Chromium: sent to the sign-in page, signed in, back on the page asked for.
  Chromedriver driver;
  Browser b(driver, 1200, 800, web.path() + "/chrome");
  b.go(dash.base() + "/reports/month?month=2026-12");
  REQUIRE(b.wait_for("location.pathname == '/login'"));
  b.type("#login [name=user]", "kadis");
  b.type("#login [name=password]", "wrong-password-here");
  b.click("#login button[type=submit]");
  REQUIRE(b.wait_for("!document.getElementById('problem').hidden"));
  CHECK(b.text("#problem").find("kata sandi salah") != std::string::npos);
  save_png(b.screenshot_png(), "district-login.png");
  b.exec("document.querySelector('#login [name=password]').value = '';");
  b.type("#login [name=password]", "sandi-kadis-2026");
  b.click("#login button[type=submit]");
  REQUIRE(b.wait_for("location.pathname == '/reports/month' && document.body.getAttribute('data-ready') == '2026-12'"));
}
