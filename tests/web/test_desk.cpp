// The information desk in /admin: a ticket of today found by its number, a no-show
// brought back into line (its status page stops saying it was missed), a loket left
// signed in closed by an admin; over HTTP and in real headless Chromium.
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;

namespace {

// A-001 called by loket 1 and marked a no-show; its status token.
std::string office_with_a_no_show(WebHub& w) {
  const std::string token = w.issue("A");
  w.issue("A");
  w.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  w.command("call_next", {{"counter", 1}});
  w.command("no_show", {{"counter", 1}});
  return token;
}

}  // namespace

TEST_CASE("admin desk: find by number, bring back a no-show, force a loket closed — over HTTP") {
  WebHub w;
  const std::string token = office_with_a_no_show(w);
  CHECK(w.get_json("/api/t/" + token)["view"]["state"] == "no_show");
  CHECK(w.get_json("/api/admin/ticket?number=A-001", 401).is_object());
  const AdminLogin a = w.login();
  json found = w.get_json("/api/admin/ticket?number=a-1", 200, &a);
  CHECK(found["ticket"]["label"] == "A-001");
  CHECK(found["ticket"]["state"] == "no_show");
  CHECK(found["counter_name"] == "Loket 1");
  CHECK(found["actions"] == json::array({"restore_no_show"}));
  CHECK_FALSE(found["ticket"].contains("token"));
  CHECK(w.get_json("/api/admin/ticket?number=siti", 400, &a)["reason"].get<std::string>().find("not a ticket number") !=
        std::string::npos);
  CHECK(w.get_json("/api/admin/ticket?number=A-099", 404, &a)["reason"] ==
        "no ticket A-099 today (today's A numbers go up to A-002)");
  CHECK(w.get_json("/api/admin/ticket", 400, &a)["reason"].get<std::string>().find("number") != std::string::npos);

  const int64_t before = w.seq();
  CHECK(w.post("/api/admin/restore-no-show", {{"ticket", "A-001"}}, &a, /*with_csrf=*/false)->status == 403);
  CHECK(w.post("/api/admin/restore-no-show", {{"ticket", "A-001"}, {"colour", "red"}}, &a)->status == 400);
  CHECK(w.seq() == before);
  auto r = w.post("/api/admin/restore-no-show", {{"ticket", "A-001"}}, &a);
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  // The status page: waiting again, first in line, not "missed".
  const json view = w.get_json("/api/t/" + token)["view"];
  CHECK(view["state"] == "waiting");
  CHECK(view["position"] == 1);
  CHECK(w.post("/api/admin/restore-no-show", {{"ticket", "A-001"}}, &a)->status == 409);  // not a no-show now

  // Loket 1 calls it again, then its PC "crashes": the admin closes the loket.
  w.command("call_next", {{"counter", 1}});
  CHECK(w.post("/api/admin/counters/2/force-sign-out", json::object(), &a)->status == 409);  // not signed in
  r = w.post("/api/admin/counters/1/force-sign-out", {{"reason", "PC mati"}}, &a);
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  CHECK(json::parse(r->body)["returned"] == "A-001");
  const json o = w.get_json("/api/admin/overview", 200, &a)["view"];
  for (const json& c : o["counters"])
    if (c["number"] == 1) CHECK(c["state"] == "closed");
  CHECK(w.get_json("/api/t/" + token)["view"]["state"] == "waiting");
  auto events = w.admin.request("events_since", {{"seq", before}});
  REQUIRE(events.ok);
  bool logged = false;
  for (const json& e : events.result["events"])
    logged |= e["type"] == "counter_changed" && e["data"]["what"] == "force_signed_out" &&
              e["actor"] == "admin:web:admin" && e["data"]["previous_staff"] == "demo1" && e["data"]["reason"] == "PC mati";
  CHECK(logged);
}

TEST_CASE("browser: the information desk in /admin finds A-001, brings it back and closes a loket") {
  WebHub w;
  const std::string token = office_with_a_no_show(w);
  Chromedriver driver;
  Browser b(driver, 1280, 1000, w.dir.path() + "/chrome-desk");
  b.go(w.base() + "/admin");
  REQUIRE(b.wait_for("document.getElementById('signin-staff')"));
  b.type("#signin-staff", "admin");
  b.type("#signin-pin", "admin1234");
  b.click("#signin-submit");
  REQUIRE(b.wait_for("document.getElementById('desk-number')"));
  // A number nobody has: the hub's reason.
  b.type("#desk-number", "A-077");
  b.click("#desk-find");
  REQUIRE(b.wait_for("document.getElementById('desk-error')"));
  CHECK(b.text("#desk-error").find("no ticket A-077 today") != std::string::npos);
  b.exec("document.getElementById('desk-number').value = '';");
  b.type("#desk-number", "a1");
  b.click("#desk-find");
  REQUIRE(b.wait_for("document.getElementById('desk-restore')"));
  CHECK(b.text("#desk-label") == "A-001");
  CHECK(b.text("#desk-ticket").find("Tidak hadir") != std::string::npos);
  CHECK(b.text("#desk-restore").find("Kembalikan ke antrian (s.d. 09:30)") != std::string::npos);
  CHECK(b.exists(".force-out[data-number='1']"));
  b.exec("document.getElementById('desk').scrollIntoView();");
  const std::string png = b.screenshot_png();
  const char* env = std::getenv("ANTRIAN_SCREENSHOT_DIR");
  const std::filesystem::path dir = env && *env ? env : ANTRIAN_TEST_OUTPUT_DIR;
  std::ofstream(dir / "web-admin-desk.png", std::ios::binary) << png;
  CHECK(png.substr(1, 3) == "PNG");

  b.click("#desk-restore");
  REQUIRE(b.wait_for("document.querySelector('#message.ok')"));
  CHECK(b.text("#message").find("A-001 kembali ke antrian") != std::string::npos);
  REQUIRE(b.wait_for("!document.getElementById('desk-restore') && document.getElementById('desk-ticket')"));
  CHECK(w.get_json("/api/t/" + token)["view"]["state"] == "waiting");

  b.type("#force-reason-1", "PC mati");
  b.click(".force-out[data-number='1']");
  REQUIRE(b.wait_for("!document.querySelector(\".force-out[data-number='1']\")"));
  const AdminLogin a = w.login();
  for (const json& c : w.get_json("/api/admin/overview", 200, &a)["view"]["counters"])
    if (c["number"] == 1) CHECK(c["state"] == "closed");
}
