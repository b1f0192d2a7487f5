// The satisfaction survey (SKM) from the ticket's QR page to the report's index:
// POST /api/t/<token>/survey, the hub's survey_submit rules, and /api/reports' "ikm".
#include <doctest/doctest.h>

#include <vector>

#include "web_fixture.h"

using namespace antrian::test;

namespace {

// Serves the next waiting ticket at loket 1 from call to finish.
void serve_next(WebHub& w) {
  w.command("call_next", {{"counter", 1}});
  w.command("start", {{"counter", 1}});
  w.command("finish", {{"counter", 1}});
}

httplib::Result answer(WebHub& w, const std::string& token, const json& body, httplib::Headers h = {}) {
  return w.http.Post(("/api/t/" + token + "/survey").c_str(), h, body.dump(), "application/json");
}

}  // namespace

TEST_CASE("survey: once per finished ticket from its QR page, bad answers change nothing, the IKM matches by hand") {
  WebHub w;
  // The hand-computed set of the unit test: IKM 82.64, grade B.
  const std::vector<json> set = {json::array({4, 4, 3, 4, 3, 4, 4, 3, 3}), json::array({3, 3, 3, 4, 3, 3, 4, 3, 2}),
                                 json::array({4, 3, 2, 4, 3, 4, 3, 3, 3}), json::array({3, 4, 3, 4, 4, 3, 4, 2, 3})};
  std::vector<std::string> tokens;
  for (int i = 0; i < 4; ++i) tokens.push_back(w.issue("A"));
  w.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});

  // Not finished yet: refused, and nothing is logged.
  int64_t seq = w.seq();
  auto r = answer(w, tokens[0], {{"answers", set[0]}});
  REQUIRE(r);
  CHECK(r->status == 409);
  CHECK(r->body.find("finished") != std::string::npos);
  CHECK(w.get_json("/api/t/" + tokens[0])["view"]["survey"].is_null());
  CHECK(w.seq() == seq);

  serve_next(w);
  CHECK(w.get_json("/api/t/" + tokens[0])["view"]["survey"] == "open");
  seq = w.seq();
  // Bad input: each refused with a reason a person can act on, nothing changed.
  struct Bad {
    json body;
    int status;
    const char* reason;
  };
  for (const Bad& b : {Bad{{{"answers", json::array({4, 4, 3})}}, 400, "has 3 scores, not 9"},
                       Bad{{{"answers", json::array({4, 5, 3, 4, 3, 4, 4, 3, 3})}}, 400, "score 2 (procedure) is 5"},
                       Bad{json::object(), 400, "answers: missing"},
                       Bad{{{"answers", set[0]}, {"name", "Budi"}}, 400, "(send only answers)"}}) {
    r = answer(w, tokens[0], b.body);
    REQUIRE(r);
    INFO(b.body.dump() << " -> " << r->body);
    CHECK(r->status == b.status);
    CHECK(r->body.find(b.reason) != std::string::npos);
  }
  r = answer(w, tokens[0], {{"answers", set[0]}}, {{"Origin", "http://evil.example"}});
  REQUIRE(r);
  CHECK(r->status == 403);
  r = answer(w, "0123456789abcdef0123456789abcdef", {{"answers", set[0]}});
  REQUIRE(r);
  CHECK(r->status == 404);
  CHECK(w.seq() == seq);

  // Answered: the page is public, so the reply names the ticket and no staff.
  r = answer(w, tokens[0], {{"answers", set[0]}});
  REQUIRE(r);
  INFO(r->body);
  CHECK(r->status == 200);
  CHECK(json::parse(r->body) == json{{"answered", true}, {"label", "A-001"}});
  CHECK(w.seq() == seq + 1);
  CHECK(w.get_json("/api/t/" + tokens[0])["view"]["survey"] == "answered");
  // Once per ticket.
  r = answer(w, tokens[0], {{"answers", set[1]}});
  REQUIRE(r);
  CHECK(r->status == 409);
  CHECK(r->body.find("already answered") != std::string::npos);
  CHECK(w.seq() == seq + 1);

  // The other three, the last one through the hub's own command by label (the kiosk's way).
  for (int i = 1; i < 4; ++i) serve_next(w);
  for (int i = 1; i < 3; ++i) {
    r = answer(w, tokens[std::size_t(i)], {{"answers", set[std::size_t(i)]}});
    REQUIRE(r);
    CHECK(r->status == 200);
  }
  w.command("survey_submit", {{"ticket", "A-004"}, {"answers", set[3]}});
  auto both = w.admin.request("survey_submit", {{"ticket", "A-004"}, {"token", tokens[3]}, {"answers", set[3]}});
  CHECK_FALSE(both.ok);
  CHECK(both.error.code == "bad_request");

  const AdminLogin a = w.login();
  const std::string today = w.get_json("/healthz")["day"];
  json rep = w.get_json("/api/reports?from=" + today, 200, &a);
  REQUIRE(rep["ikm"].is_array());
  REQUIRE(rep["ikm"].size() == 3);  // the office, service A, loket 1
  for (const json& row : rep["ikm"]) {
    INFO(row.dump());
    CHECK(row["responses"] == 4);
    CHECK(row["converted"].get<double>() == doctest::Approx(82.64));
    CHECK(row["grade"] == "B");
    CHECK(row["nrr"]["time"].get<double>() == doctest::Approx(2.75));
    CHECK(row["nrr"]["cost"].get<double>() == doctest::Approx(4.0));
  }
  CHECK(rep["ikm"][0]["group"] == "total");
  CHECK(rep["ikm"][1]["group"] == "service");
  CHECK(rep["ikm"][1]["key"] == "A");
  CHECK(rep["ikm"][2]["group"] == "loket");
  httplib::Headers h{{"Cookie", a.cookie}};
  auto csv = w.http.Get(("/api/reports.csv?table=ikm&from=" + today).c_str(), h);
  REQUIRE(csv);
  INFO(csv->body);
  CHECK(csv->status == 200);
  CHECK(csv->body.find("responses,nrr_requirements") != std::string::npos);
  CHECK(csv->body.find(",total,,") != std::string::npos);
  CHECK(csv->body.find(",4,3.50,3.50,2.75,4.00,3.25,3.50,3.75,2.75,2.75,3.31,82.64,B,Baik\r\n") != std::string::npos);
}
