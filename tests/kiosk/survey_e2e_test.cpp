// End to end: the real antrian-kiosk as the survey tablet (--survey, headless, driven
// by its automation) against a real hub on the pinned clock. A ticket is issued,
// called and finished; the citizen types its number on the tablet's keypad and
// answers the nine questions (going back once); the hub's report (/api/reports, its
// IKM) shows exactly those answers. The same number again is refused with the reason
// on screen before any question; a ticket still waiting is refused as not finished;
// and a submit the hub refuses (the QR page answered first) is said on screen.
#include <doctest/doctest.h>

#include <httplib.h>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "hub_process.h"
#include "kiosk_e2e.h"
#include "kiosk_process.h"

using namespace antrian::test;
using namespace kiosk_test;
using json = nlohmann::json;

namespace {

// Issued at the hub, called, served and finished at loket 1; its label.
std::string serve(antrian::HubClient& admin) {
  const std::string label = ok(admin, "issue", {{"service", "A"}})["ticket"]["label"];
  CHECK(ok(admin, "call_next", {{"counter", 1}})["ticket"]["label"] == label);
  ok(admin, "start", {{"counter", 1}});
  ok(admin, "finish", {{"counter", 1}});
  return label;
}

json view_of(KioskProcess& tablet) { return tablet.command("view")["view"]; }

// Types the number on the keypad and starts; waits for the screen the hub's answer gives.
void start_with(KioskProcess& tablet, const std::string& keys, const std::string& screen) {
  KIOSK_OK(tablet, "wait survey_start");
  for (char c : keys) KIOSK_OK(tablet, std::string("tap key:") + c);
  KIOSK_OK(tablet, "tap key:ok");
  KIOSK_OK(tablet, "wait " + screen);
}

// The IKM rows of the hub's report for the pinned day, as an admin reads them.
json ikm_rows(const HubProcess& hub) {
  httplib::Client http("127.0.0.1", hub.http_port());
  http.set_read_timeout(10, 0);
  auto login = http.Post("/api/admin/login", json{{"staff", "admin"}, {"pin", "admin1234"}}.dump(), "application/json");
  REQUIRE(login);
  REQUIRE(login->status == 200);
  const std::string set = login->get_header_value("Set-Cookie");
  httplib::Headers h{{"Cookie", set.substr(0, set.find(';'))}};
  auto rep = http.Get("/api/reports?from=2026-02-10", h);
  REQUIRE(rep);
  INFO(rep->body.substr(0, 400));
  REQUIRE(rep->status == 200);
  return json::parse(rep->body)["ikm"];
}

}  // namespace

TEST_CASE("e2e: survey tablet: a finished ticket answers on the kiosk program, the IKM shows it, a second time is refused") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub");
  antrian::HubClient admin(hub.client_options("admin", "survey-admin", false));
  ok(admin, "sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  const std::string first = serve(admin);
  CHECK(first == "A-001");

  KioskProcess tablet(kiosk_program_args(hub, "survey-e2e", {"--survey"}), dir.path() + "/tablet.log");
  KIOSK_OK(tablet, "wait survey_start 15");
  json v = view_of(tablet);
  CHECK(v["title"] == "Bagaimana layanan kami hari ini?");
  CHECK(v["primary_enabled"] == false);

  // "A" "1" on the keypad: the hub says the ticket may answer; nine questions follow.
  const size_t from = tablet.lines_seen();
  start_with(tablet, "A1", "survey_question");
  auto status = tablet.wait_for([](const json& j) { return j.value("request", "") == "survey_status"; }, 5000, from);
  REQUIRE(status);
  CHECK((*status)["survey"] == "open");
  v = view_of(tablet);
  CHECK(v["ticket"] == "Nomor antrian A-001");
  CHECK(v["progress"] == "Pertanyaan 1 dari 9");
  CHECK(v["title"] == "Persyaratan");
  REQUIRE(v["answers"].size() == 4);
  CHECK(v["answers"][3]["label"] == "Sangat sesuai");
  CHECK(v["answers"][3]["label_en"] == "Very fitting");

  // 2 on the first, back, then the nine answers the report must show.
  KIOSK_OK(tablet, "tap answer:2");
  CHECK(view_of(tablet)["step"] == 2);
  KIOSK_OK(tablet, "tap back");
  v = view_of(tablet);
  CHECK(v["step"] == 1);
  CHECK(v["answers"][1]["chosen"] == true);
  const std::vector<int> answers = {4, 4, 3, 4, 3, 4, 4, 3, 3};
  for (size_t i = 0; i < answers.size(); ++i) {
    if (i == 8) CHECK(view_of(tablet)["title"] == "Penanganan pengaduan");
    KIOSK_OK(tablet, "tap answer:" + std::to_string(answers[i]));
  }
  KIOSK_OK(tablet, "wait survey_thanks");
  auto sent = tablet.wait_for([](const json& j) { return j.value("request", "") == "survey_submit"; }, 5000, from);
  REQUIRE(sent);
  CHECK((*sent)["ok"] == true);
  CHECK(view_of(tablet)["body"].get<std::string>().find("A-001 sudah tersimpan") != std::string::npos);

  // The hub's report: one response, each element's mean is that answer; IKM by hand:
  // (4+4+3+4+3+4+4+3+3)/9 = 32/9 = 3.5556, x 25 = 88.89, grade A.
  json rows = ikm_rows(hub);
  REQUIRE(rows.size() == 3);  // the office, service A, loket 1
  for (const json& row : rows) {
    INFO(row.dump());
    CHECK(row["responses"] == 1);
    CHECK(row["nrr"]["requirements"].get<double>() == doctest::Approx(4.0));
    CHECK(row["nrr"]["time"].get<double>() == doctest::Approx(3.0));
    CHECK(row["nrr"]["complaints"].get<double>() == doctest::Approx(3.0));
    CHECK(row["converted"].get<double>() == doctest::Approx(88.89));
    CHECK(row["grade"] == "A");
  }

  // The same number again: refused before any question, the reason on screen.
  KIOSK_OK(tablet, "tap done");
  start_with(tablet, "A1", "survey_refused");
  v = view_of(tablet);
  CHECK(v["title"] == "Survei untuk nomor A-001 sudah diisi");
  CHECK(v["body"].get<std::string>().find("satu kali") != std::string::npos);

  // A ticket still waiting: not finished, said in words.
  const std::string waiting = ok(admin, "issue", {{"service", "A"}})["ticket"]["label"];
  CHECK(waiting == "A-002");
  KIOSK_OK(tablet, "tap done");
  start_with(tablet, "A2", "survey_refused");
  v = view_of(tablet);
  CHECK(v["title"] == "Survei belum dapat diisi");
  CHECK(v["body"].get<std::string>().find("Nomor A-002 masih menunggu dipanggil") == 0);

  // Served now and started on the tablet, but its QR page answers first: the tablet's
  // submit is refused by the hub, and the screen says the survey was answered already.
  KIOSK_OK(tablet, "tap done");
  CHECK(ok(admin, "call_next", {{"counter", 1}})["ticket"]["label"] == waiting);
  ok(admin, "start", {{"counter", 1}});
  ok(admin, "finish", {{"counter", 1}});
  start_with(tablet, "A2", "survey_question");
  for (int i = 0; i < 8; ++i) KIOSK_OK(tablet, "tap answer:1");
  ok(admin, "survey_submit", {{"ticket", waiting}, {"answers", {4, 4, 4, 4, 4, 4, 4, 4, 4}}});
  const size_t before = tablet.lines_seen();
  KIOSK_OK(tablet, "tap answer:1");
  KIOSK_OK(tablet, "wait survey_refused");
  auto refused = tablet.wait_for([](const json& j) { return j.value("request", "") == "survey_submit"; }, 5000, before);
  REQUIRE(refused);
  CHECK((*refused)["error"] == "illegal_state");
  CHECK((*refused)["reason"].get<std::string>().find("already answered") != std::string::npos);
  CHECK(view_of(tablet)["title"] == "Survei untuk nomor A-002 sudah diisi");
  // The report counts the QR page's answers, not the refused ones.
  rows = ikm_rows(hub);
  REQUIRE_FALSE(rows.empty());
  CHECK(rows[0]["responses"] == 2);
  CHECK(rows[0]["nrr"]["requirements"].get<double>() == doctest::Approx(4.0));
}

TEST_CASE("e2e: survey tablet: the hub gone at the submit, not saved is said, the answers kept and sent once it is back") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub");
  {
    antrian::HubClient admin(hub.client_options("admin", "survey-admin", false));
    ok(admin, "sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
    CHECK(serve(admin) == "A-001");
  }
  KioskProcess tablet(kiosk_program_args(hub, "survey-e2e", {"--survey"}), dir.path() + "/tablet.log");
  KIOSK_OK(tablet, "wait survey_start 15");
  start_with(tablet, "A1", "survey_question");
  for (int i = 0; i < 8; ++i) KIOSK_OK(tablet, "tap answer:3");

  // The hub dies before the ninth answer: the tablet retries its one request for about
  // 20 s, then says the answers are not saved (never "thank you"), and keeps them.
  hub.kill9();
  const size_t from = tablet.lines_seen();
  KIOSK_OK(tablet, "tap answer:2");
  {
    const json r = tablet.command("wait survey_unsent 30", 35000);
    INFO(tablet.transcript());
    REQUIRE(r.contains("ok"));
  }
  json v = view_of(tablet);
  CHECK(v["title"] == "Jawaban Anda belum tersimpan");
  CHECK(v["primary"] == "retry");
  auto lost = tablet.wait_for([](const json& j) { return j.value("request", "") == "survey_submit"; }, 1000, from);
  REQUIRE(lost);
  CHECK((*lost)["error"] == "unreachable");

  // The hub is back: the tablet sends the same answers by itself; the hub keeps them once.
  hub.restart();
  KIOSK_OK(tablet, "wait survey_thanks 20");
  antrian::HubClient admin(hub.client_options("admin", "survey-admin-2", false));
  CHECK(ok(admin, "survey_status", {{"ticket", "A-001"}})["survey"] == "answered");
  const json rows = ikm_rows(hub);
  REQUIRE_FALSE(rows.empty());
  CHECK(rows[0]["responses"] == 1);
  CHECK(rows[0]["nrr"]["requirements"].get<double>() == doctest::Approx(3.0));
  CHECK(rows[0]["nrr"]["complaints"].get<double>() == doctest::Approx(2.0));
}
