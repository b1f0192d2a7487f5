// A come-back code's own page (issue 17): /k/<code> and /api/k/<code>, the page the
// kiosk slip's QR opens. Against a real hub: the entry waiting with its place, a
// number left for the invitation (never shown back whole, nowhere public), the
// invitation's window once printing is back; a malformed code is 400, an unknown one
// 404, and too many misses 429, each changing nothing. The page in headless Chromium:
// typing the code, the entry, the invitation, axe, a phone-sized screenshot.
#include <thread>

#include "antrian/office_time.h"
#include "axe_check.h"
#include "browser_shots.h"
#include "hub_process.h"
#include "web_fixture.h"
#include "webdriver.h"

using namespace antrian;
using namespace antrian::test;

namespace {

// Printing halts at 08:40: service B gives no numbers, so the kiosk offers the list.
struct HaltedOffice {
  TempDir cfg_dir;
  WebHub w{{"--config", office_with_dead_webhook(cfg_dir.path()), "--manual-clock", "--clock-start",
            std::to_string(pinned_office_time_ms(8, 40))}};
  json halt;

  HaltedOffice() {
    halt = w.admin.request("disruption_set", {{"resource", "printers"}, {"level", "down"},
                                              {"message_id", "Printer kartu rusak"}}).result;
    REQUIRE(halt.contains("disruption"));
  }
  std::string join() {  // as the kiosk does it
    auto r = w.admin.request("comeback_join", {{"service", "B"}, {"via", "kiosk"}});
    INFO(r.error.reason);
    REQUIRE(r.ok);
    return r.result["code"];
  }
  // 09:00 the printers are back and a loket serves B: the hub invites the list.
  void printing_back() {
    w.command("clock_set", {{"now", pinned_office_time_ms(9, 0)}});
    w.command("sign_in", {{"counter", 2}, {"staff", "demo1"}, {"pin", "1234"}});
    w.command("disruption_clear", {{"id", halt["disruption"]["id"]}});
  }
  json wait_invited(const std::string& code) {
    json v;
    for (int i = 0; i < 60; ++i) {
      v = w.get_json("/api/k/" + code)["view"];
      if (v["state"] == "invited") break;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return v;
  }
};

// A well-formed code nobody holds.
std::string unused_code(const std::string& a, const std::string& b) {
  for (std::string c : {"222222", "333333", "444444"})
    if (c != a && c != b) return c;
  return "555555";
}

}  // namespace

TEST_CASE("comeback code: /api/k/<code> shows a come-back entry waiting, then invited, takes a number, refuses bad codes") {
  HaltedOffice o;
  const std::string first = o.join();
  const std::string code = o.join();
  WebHub& w = o.w;

  json v = w.get_json("/api/k/" + code)["view"];
  CHECK(v["code"] == code);
  CHECK(v["state"] == "waiting");
  CHECK(v["position"] == 2);  // the first joiner is invited first
  CHECK(v["service"]["code"] == "B");
  CHECK(v["service"]["name_id"] == "Pencetakan e-KTP");
  CHECK(v["via"] == "kiosk");
  CHECK(v["window_id"] == "");
  CHECK(v["office"]["offset_h"] == 7);
  // Typed as on the paper: lower case, with a space or a dash.
  std::string typed = code.substr(0, 3) + "-" + code.substr(3);
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  CHECK(w.get_json("/api/k/" + typed)["view"]["code"] == code);

  // Bad input: answered with the reason, nothing changes.
  const int64_t seq = w.seq();
  json bad = w.get_json("/api/k/ABC", 400);
  CHECK(bad["error"] == "bad_request");
  CHECK(bad["reason"].get<std::string>().find("K7M2QX") != std::string::npos);
  CHECK(w.get_json("/api/k/O0O0O0", 400)["error"] == "bad_request");  // look-alikes are no code
  CHECK(w.get_json("/api/k/" + unused_code(first, code), 404)["error"] == "not_found");
  auto post = [&w](const std::string& path, const std::string& body) {
    auto r = w.http.Post(path.c_str(), body, "application/json");
    REQUIRE(r);
    return r;
  };
  auto wrong_phone = post("/api/k/" + code + "/contact", R"({"phone":"12345"})");
  CHECK(wrong_phone->status == 400);
  CHECK(wrong_phone->body.find("12345") == std::string::npos);  // the reason, not an echo
  CHECK(post("/api/k/" + code + "/contact", R"({"phone":"0812 3456 7890","name":"x"})")->status == 400);
  CHECK(post("/api/k/" + unused_code(first, code) + "/contact", R"({"phone":"0812 3456 7890"})")->status == 404);
  CHECK(post("/api/k/ABC/contact", R"({"phone":"0812 3456 7890"})")->status == 400);
  CHECK(w.seq() == seq);

  // A number for the invitation: the hub keeps it, shows it back masked only.
  auto saved = post("/api/k/" + code + "/contact", R"({"phone":"0812 3456 7890"})");
  INFO(saved->body);
  REQUIRE(saved->status == 200);
  CHECK(json::parse(saved->body)["phone"] == "+62812****7890");
  CHECK(w.seq() > seq);  // contact_added, without the number
  CHECK(w.http.Get(("/api/k/" + code).c_str())->body.find("3456") == std::string::npos);
  CHECK(w.http.Get("/api/state")->body.find("3456") == std::string::npos);

  o.printing_back();
  v = o.wait_invited(code);
  REQUIRE(v["state"] == "invited");
  CHECK(v["position"].is_null());
  CHECK(v["window_id"].get<std::string>().rfind("Datang antara 09:00", 0) == 0);
  CHECK(v["window_en"].get<std::string>().rfind("Come between 09:00", 0) == 0);
  CHECK(v["window_until"].get<int64_t>() > v["window_from"].get<int64_t>());

  // Guessing: after the address's budget for misses, unknown codes wait; a held code
  // still answers.
  int limited = 0;
  for (int i = 0; i < 15; ++i) {
    auto r = w.http.Get(("/api/k/" + unused_code(first, code)).c_str());
    REQUIRE(r);
    if (r->status == 429) {
      ++limited;
      CHECK_FALSE(r->get_header_value("Retry-After").empty());
    }
  }
  CHECK(limited > 0);
  CHECK(w.get_json("/api/k/" + code)["view"]["state"] == "invited");
}

TEST_CASE("browser: the come-back code's page: typed code, place on the list, the invitation, a number left") {
  HaltedOffice o;
  o.join();
  const std::string code = o.join();
  WebHub& w = o.w;
  Chromedriver driver;
  Browser phone(driver, 412, 915, w.dir.path() + "/chrome-phone");

  // A mistyped code is answered beside the form, where it can be typed again.
  phone.go(w.base() + "/k");
  REQUIRE(phone.wait_for("document.getElementById('code-input')"));
  CHECK(axe_violations(phone) == "");
  phone.type("#code-input", "k7m0");
  phone.click("#code-show");
  REQUIRE(phone.wait_for("document.getElementById('code-error').textContent.length > 0"));
  CHECK(phone.text("#code-error").find("K7M2QX") != std::string::npos);
  CHECK(phone.exec("return document.getElementById('contact').hidden;") == true);

  std::string typed = code;
  for (char& c : typed) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  phone.exec("document.getElementById('code-input').value = ''; return true;");
  phone.type("#code-input", typed);
  phone.click("#code-show");
  REQUIRE(phone.wait_for("document.getElementById('entry-state')"));
  CHECK(phone.exec("return location.pathname;") == "/k/" + code);
  CHECK(phone.text("#entry").find("Urutan Anda di daftar: 2") != std::string::npos);
  CHECK(phone.text("#entry").find("Pencetakan e-KTP") != std::string::npos);
  CHECK(phone.text("#entry-state").find("Menunggu undangan") != std::string::npos);
  CHECK(phone.exec("return document.querySelector('#entry-state .en').getAttribute('lang');") == "en");

  // The number for the invitation: a wrong one refused, a right one shown masked.
  REQUIRE(phone.wait_for("document.getElementById('contact-phone')"));
  phone.type("#contact-phone", "0812 3456 7890");
  phone.click("#contact-save");
  REQUIRE(phone.wait_for("document.getElementById('contact').textContent.indexOf('+62812****7890') >= 0"));
  CHECK(phone.text("#contact").find("Undangan dikirim ke") != std::string::npos);
  CHECK(axe_violations(phone) == "");

  o.printing_back();
  REQUIRE(o.wait_invited(code)["state"] == "invited");
  phone.refresh();
  REQUIRE(phone.wait_for("document.getElementById('entry').textContent.indexOf('Datang antara 09:00') >= 0"));
  CHECK(phone.text("#entry-state").find("Diundang") != std::string::npos);
  CHECK(phone.text("#entry").find("Punya kode?") != std::string::npos);
  CHECK(axe_violations(phone) == "");
  phone.exec("document.activeElement.blur(); window.scrollTo(0, 0); return true;");
  save_png(phone.screenshot_png(), "web-comeback-code.png");
}
