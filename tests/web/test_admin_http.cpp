// Admin sign-in, sessions, CSRF and every admin action against a real hub: actions go
// through the hub's rules; bad input is a 4xx and changes nothing.
#include "web_fixture.h"

using namespace antrian::test;

TEST_CASE("admin: sign-in with an admin account — wrong PIN, unknown or non-admin staff are refused") {
  WebHub w;
  const AdminLogin a = w.login();
  CHECK(a.csrf.size() == 32);
  CHECK(a.cookie.rfind("antrian_admin=", 0) == 0);
  auto r = w.http.Post("/api/admin/login", json{{"staff", "admin"}, {"pin", "admin1234"}}.dump(), "application/json");
  const std::string set = r->get_header_value("Set-Cookie");
  CHECK(set.find("HttpOnly") != std::string::npos);
  CHECK(set.find("SameSite=Strict") != std::string::npos);
  json s = w.get_json("/api/admin/session", 200, &a);
  CHECK(s["staff"]["id"] == "admin");
  CHECK(s["csrf"] == a.csrf);

  for (const json& body : {json{{"staff", "admin"}, {"pin", "wrong"}}, json{{"staff", "nobody"}, {"pin", "1234"}},
                           json{{"staff", "demo1"}, {"pin", "1234"}}}) {  // demo1 is staff, not admin
    auto bad = w.http.Post("/api/admin/login", body.dump(), "application/json");
    REQUIRE(bad);
    INFO(body.dump());
    CHECK(bad->status == 401);
    CHECK_FALSE(bad->has_header("Set-Cookie"));
  }
  for (const std::string& body : {std::string("{}"), std::string("[1]"), std::string("not json"),
                                  json{{"staff", 5}, {"pin", "x"}}.dump()}) {
    auto bad = w.http.Post("/api/admin/login", body, "application/json");
    REQUIRE(bad);
    CHECK(bad->status == 400);
  }
  auto form = w.http.Post("/api/admin/login", "staff=admin&pin=admin1234", "application/x-www-form-urlencoded");
  CHECK(form->status == 415);
}

TEST_CASE("admin: repeated wrong PINs are rate limited, even the right one then") {
  WebHub w;
  int refused = 0, limited = 0;
  for (int i = 0; i < 7; ++i) {
    auto r = w.http.Post("/api/admin/login", json{{"staff", "admin"}, {"pin", "guess" + std::to_string(i)}}.dump(),
                         "application/json");
    REQUIRE(r);
    refused += r->status == 401;
    limited += r->status == 429;
  }
  CHECK(refused == 5);
  CHECK(limited == 2);
  auto r = w.http.Post("/api/admin/login", json{{"staff", "admin"}, {"pin", "admin1234"}}.dump(), "application/json");
  CHECK(r->status == 429);
  CHECK(r->has_header("Retry-After"));
}

TEST_CASE("admin: every admin route needs a session — a signed-out session is dead") {
  WebHub w;
  for (const char* path : {"/api/admin/session", "/api/admin/overview", "/api/admin/events", "/api/reports",
                           "/api/reports.csv?table=services"}) {
    auto r = w.http.Get(path);
    REQUIRE(r);
    INFO(path);
    CHECK(r->status == 401);
  }
  const int64_t before = w.seq();
  for (const char* path : {"/api/admin/disruptions", "/api/admin/disruptions/1", "/api/admin/disruptions/1/clear",
                           "/api/admin/resources/blangko", "/api/admin/announcement", "/api/admin/staff",
                           "/api/admin/service", "/api/admin/counter", "/api/admin/bulk-move", "/api/admin/logout"}) {
    auto r = w.post(path, {{"text", "x"}}, nullptr);
    REQUIRE(r);
    INFO(path);
    CHECK(r->status == 401);
  }
  CHECK(w.seq() == before);
  AdminLogin a = w.login();
  auto out = w.post("/api/admin/logout", json::object(), &a);
  CHECK(out->status == 200);
  w.get_json("/api/admin/overview", 401, &a);
}

TEST_CASE("admin: changes without the CSRF token, with a wrong one or from another site are refused") {
  WebHub w;
  const AdminLogin a = w.login();
  const int64_t before = w.seq();
  auto none = w.post("/api/admin/announcement", {{"text", "a"}}, &a, /*with_csrf=*/false);
  CHECK(none->status == 403);
  CHECK(json::parse(none->body)["error"] == "csrf");
  AdminLogin wrong = a;
  wrong.csrf = std::string(32, '0');
  CHECK(w.post("/api/admin/announcement", {{"text", "b"}}, &wrong)->status == 403);
  auto cross = w.post("/api/admin/announcement", {{"text", "c"}}, &a, true, {{"Origin", "http://evil.example"}});
  CHECK(cross->status == 403);
  auto cross_login = w.http.Post("/api/admin/login", {{"Origin", "http://evil.example"}},
                                 json{{"staff", "admin"}, {"pin", "admin1234"}}.dump(), "application/json");
  CHECK(cross_login->status == 403);
  CHECK(w.seq() == before);
  // The same request with the token and our own origin goes through.
  auto ok = w.post("/api/admin/announcement", {{"text", "d"}}, &a, true, {{"Origin", w.base()}});
  CHECK(ok->status == 200);
  CHECK(w.seq() == before + 1);
}

TEST_CASE("admin: declare, edit and clear a disruption through the hub's rules") {
  WebHub w;
  const AdminLogin a = w.login();
  auto r = w.post("/api/admin/disruptions",
                  {{"resource", "siak"}, {"level", "down"}, {"message_id", "SIAK putus"}, {"message_en", "SIAK down"},
                   {"expected_minutes", 90}},
                  &a);
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  const json d = json::parse(r->body)["disruption"];
  const int64_t id = d["id"];
  CHECK(d["declared_by"] == "admin:web:admin");  // the log says who did it
  const int64_t end = d["expected_end"];
  json o = w.get_json("/api/admin/overview", 200, &a)["view"];
  CHECK(o["disruptions"][0]["message_id"] == "SIAK putus");
  CHECK(o["services"][0]["status"] == "halted");

  r = w.post("/api/admin/disruptions/" + std::to_string(id), {{"expected_minutes", 30}}, &a);
  REQUIRE(r->status == 200);
  CHECK(json::parse(r->body)["disruption"]["expected_end"].get<int64_t>() < end);
  r = w.post("/api/admin/disruptions/" + std::to_string(id), {{"expected_minutes", nullptr}}, &a);
  REQUIRE(r->status == 200);
  CHECK(json::parse(r->body)["disruption"]["expected_end"].is_null());

  const int64_t before = w.seq();
  for (const json& bad : {json{{"resource", "nope"}, {"level", "down"}}, json{{"resource", "siak"}, {"level", "bad"}},
                          json{{"resource", "siak"}, {"level", "down"}, {"expected_minutes", -5}},
                          json{{"resource", "siak"}, {"level", "down"}, {"expected_minutes", "soon"}},
                          json{{"resource", "siak"}, {"level", "down"}, {"colour", "red"}},
                          json{{"resource", "siak"}, {"level", "down"}, {"services", {"Q"}}}}) {
    auto b = w.post("/api/admin/disruptions", bad, &a);
    REQUIRE(b);
    INFO(bad.dump() << " -> " << b->body);
    CHECK(b->status >= 400);
    CHECK(b->status < 500);
    CHECK(json::parse(b->body).contains("reason"));
  }
  CHECK(w.post("/api/admin/disruptions/999/clear", json::object(), &a)->status == 404);
  CHECK(w.post("/api/admin/disruptions/" + std::to_string(id), json::object(), &a)->status == 400);
  CHECK(w.seq() == before);

  r = w.post("/api/admin/disruptions/" + std::to_string(id) + "/clear", json::object(), &a);
  REQUIRE(r->status == 200);
  CHECK(json::parse(r->body)["disruption"]["active"] == false);
  CHECK(w.post("/api/admin/disruptions/" + std::to_string(id) + "/clear", json::object(), &a)->status == 409);
}

TEST_CASE("admin: blangko stock, printers, the announcement and staff accounts") {
  WebHub w;
  const AdminLogin a = w.login();
  auto r = w.post("/api/admin/resources/blangko", {{"stock_add", 500}}, &a);
  REQUIRE(r->status == 200);
  CHECK(json::parse(r->body)["resource"]["stock"] == 2500);
  CHECK(w.post("/api/admin/resources/printers", {{"working", 2}, {"total", 6}}, &a)->status == 200);
  CHECK(w.post("/api/admin/announcement", {{"text", "Layanan KK sampai 14.00"}}, &a)->status == 200);
  CHECK(w.post("/api/admin/staff", {{"id", "budi"}, {"name", "Budi"}, {"pin", "5678"}}, &a)->status == 200);
  json o = w.get_json("/api/admin/overview", 200, &a)["view"];
  CHECK(o["announcement"] == "Layanan KK sampai 14.00");
  bool found = false;
  for (const json& m : o["staff"]) {
    CHECK_FALSE(m.contains("pin_hash"));
    found |= m["id"] == "budi";
  }
  CHECK(found);
  for (const json& res : o["resources"])
    if (res["id"] == "printers") CHECK(res["working"] == 2);

  const int64_t before = w.seq();
  struct Bad {
    std::string path;
    json body;
  };
  for (const Bad& b : {Bad{"/api/admin/resources/blangko", {{"stock_add", -999999}}},
                       Bad{"/api/admin/resources/blangko", {{"stock", "many"}}},
                       Bad{"/api/admin/resources/blangko", json::object()},
                       Bad{"/api/admin/resources/printers", {{"working", 9}}},
                       Bad{"/api/admin/resources/nope", {{"stock", 1}}},
                       Bad{"/api/admin/announcement", {{"text", std::string(600, 'x')}}},
                       Bad{"/api/admin/announcement", {{"text", 5}}},
                       Bad{"/api/admin/staff", {{"id", "bad id!"}, {"name", "X"}, {"pin", "1234"}}},
                       Bad{"/api/admin/staff", {{"id", "new"}, {"name", "X"}, {"pin", "12"}}},
                       Bad{"/api/admin/staff", {{"id", "admin"}, {"admin", false}}},
                       Bad{"/api/admin/staff", {{"id", "admin"}, {"active", false}}}}) {
    auto resp = w.post(b.path, b.body, &a);
    REQUIRE(resp);
    INFO(b.path << " " << b.body.dump().substr(0, 80) << " -> " << resp->body);
    CHECK(resp->status >= 400);
    CHECK(resp->status < 500);
  }
  CHECK(w.seq() == before);
  // The new admin can sign in once made admin by another admin.
  CHECK(w.post("/api/admin/staff", {{"id", "budi"}, {"admin", true}}, &a)->status == 200);
  w.login("budi", "5678");
}

TEST_CASE("admin: a demoted admin's session stops working at once") {
  WebHub w;
  const AdminLogin a = w.login();
  CHECK(w.post("/api/admin/staff", {{"id", "kepala"}, {"name", "Kepala"}, {"pin", "9999"}, {"admin", true}}, &a)
            ->status == 200);
  const AdminLogin k = w.login("kepala", "9999");
  CHECK(w.post("/api/admin/staff", {{"id", "kepala"}, {"admin", false}}, &a)->status == 200);
  w.get_json("/api/admin/overview", 403, &k);
}

namespace {
json find_row(const json& list, const char* key, const json& value) {
  for (const json& x : list)
    if (x[key] == value) return x;
  return nullptr;
}
}  // namespace

TEST_CASE("admin: services and lokets need a session and the CSRF token") {
  WebHub w;
  const int64_t before = w.seq();
  CHECK(w.post("/api/admin/service", {{"code", "A"}, {"daily_quota", 5}}, nullptr)->status == 401);
  CHECK(w.post("/api/admin/counter", {{"number", 1}, {"name", "X"}}, nullptr)->status == 401);
  const AdminLogin a = w.login();
  auto r = w.post("/api/admin/service", {{"code", "A"}, {"daily_quota", 5}}, &a, /*with_csrf=*/false);
  CHECK(r->status == 403);
  CHECK(json::parse(r->body)["error"] == "csrf");
  CHECK(w.post("/api/admin/counter", {{"number", 1}, {"name", "X"}}, &a, false)->status == 403);
  AdminLogin wrong = a;
  wrong.csrf = std::string(32, '0');
  CHECK(w.post("/api/admin/counter", {{"number", 1}, {"name", "X"}}, &wrong)->status == 403);
  CHECK(w.seq() == before);
}

TEST_CASE("admin: edit a service and a loket, and the change shows in /api/state") {
  WebHub w;
  const AdminLogin a = w.login();
  auto r = w.post("/api/admin/service",
                  {{"code", "C"}, {"name_id", "Kartu Keluarga"}, {"name_en", "Family card"}, {"daily_quota", 40},
                   {"enabled", false}, {"alternative_id", "Datang besok"}, {"alternative_en", "Come tomorrow"},
                   {"alternative_service", "F"}},
                  &a);
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  CHECK(json::parse(r->body)["service"]["daily_quota"] == 40);
  json st = w.get_json("/api/state");
  json c = find_row(st["services"], "code", "C");
  CHECK(c["name_id"] == "Kartu Keluarga");
  CHECK(c["daily_quota"] == 40);
  CHECK(c["enabled"] == false);
  CHECK(c["alternative_en"] == "Come tomorrow");
  CHECK(c["alternative_service"] == "F");

  r = w.post("/api/admin/counter", {{"number", 4}, {"name", "Loket KK"}, {"services", {"D", "C", "E"}}}, &a);
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  st = w.get_json("/api/state");
  json l = find_row(st["counters"], "number", 4);
  CHECK(l["name"] == "Loket KK");
  CHECK(l["services"] == json{"D", "C", "E"});
  json o = w.get_json("/api/admin/overview", 200, &a)["view"];
  CHECK(o["read_only"].empty());
  CHECK(find_row(o["counters"], "number", 4)["name"] == "Loket KK");

  // Only what is given changes.
  CHECK(w.post("/api/admin/service", {{"code", "C"}, {"enabled", true}}, &a)->status == 200);
  c = find_row(w.get_json("/api/state")["services"], "code", "C");
  CHECK(c["enabled"] == true);
  CHECK(c["daily_quota"] == 40);
  CHECK(c["alternative_service"] == "F");
}

TEST_CASE("admin: bad service and loket changes are refused with a reason and change nothing") {
  WebHub w;
  const AdminLogin a = w.login();
  const int64_t before = w.seq();
  struct Bad {
    std::string path;
    json body;
  };
  for (const Bad& b : {Bad{"/api/admin/service", {{"code", "A"}, {"daily_quota", 10000}}},
                       Bad{"/api/admin/service", {{"code", "A"}, {"daily_quota", -1}}},
                       Bad{"/api/admin/service", {{"code", "A"}, {"daily_quota", "many"}}},
                       Bad{"/api/admin/service", {{"code", "A"}, {"enabled", "yes"}}},
                       Bad{"/api/admin/service", {{"code", "A"}, {"name_id", ""}}},
                       Bad{"/api/admin/service", {{"code", "A"}, {"name_en", std::string(200, 'x')}}},
                       Bad{"/api/admin/service", {{"code", "A"}, {"alternative_service", "A"}}},
                       Bad{"/api/admin/service", {{"code", "A"}, {"alternative_service", "Q"}}},
                       Bad{"/api/admin/service", {{"code", "A"}, {"prefix", "Z"}}},
                       Bad{"/api/admin/service", {{"code", "Q"}, {"daily_quota", 5}}},
                       Bad{"/api/admin/service", {{"code", "A"}}},
                       Bad{"/api/admin/service", {{"daily_quota", 5}}},
                       Bad{"/api/admin/counter", {{"number", 1}, {"services", json::array()}}},
                       Bad{"/api/admin/counter", {{"number", 1}, {"services", {"A", "A"}}}},
                       Bad{"/api/admin/counter", {{"number", 1}, {"services", {"Q"}}}},
                       Bad{"/api/admin/counter", {{"number", 1}, {"services", "A"}}},
                       Bad{"/api/admin/counter", {{"number", 1}, {"name", ""}}},
                       Bad{"/api/admin/counter", {{"number", 99}, {"name", "X"}}},
                       Bad{"/api/admin/counter", {{"number", "1"}, {"name", "X"}}},
                       Bad{"/api/admin/counter", {{"number", 1}}},
                       Bad{"/api/admin/counter", {{"number", 1}, {"staff", "demo1"}}}}) {
    auto resp = w.post(b.path, b.body, &a);
    REQUIRE(resp);
    INFO(b.path << " " << b.body.dump() << " -> " << resp->status << " " << resp->body);
    CHECK(resp->status >= 400);
    CHECK(resp->status < 500);
    CHECK(json::parse(resp->body).value("reason", std::string()) != "");
  }
  CHECK(w.seq() == before);
  CHECK(find_row(w.get_json("/api/state")["services"], "code", "A")["daily_quota"] == 150);
  CHECK(find_row(w.get_json("/api/state")["counters"], "number", 1)["services"] == json{"A"});
}

TEST_CASE("admin: a quota lowered from /admin refuses tickets, counted by the report as refused for quota") {
  WebHub w;
  const AdminLogin a = w.login();
  REQUIRE(w.post("/api/admin/service", {{"code", "D"}, {"daily_quota", 1}}, &a)->status == 200);
  w.issue("D");
  auto r = w.admin.request("issue", {{"service", "D"}});
  CHECK_FALSE(r.ok);
  json rep = w.get_json("/api/reports", 200, &a);
  json d = find_row(rep["services"], "key", "D");
  REQUIRE(d.is_object());
  CHECK(d["refused"] == 1);
  CHECK(d["refused_quota"] == 1);
}

TEST_CASE("admin: moving everyone waiting needs a session and the CSRF token") {
  WebHub w;
  w.issue("B");
  const int64_t before = w.seq();
  CHECK(w.post("/api/admin/bulk-move", {{"service", "B"}, {"to_service", "F"}}, nullptr)->status == 401);
  const AdminLogin a = w.login();
  auto r = w.post("/api/admin/bulk-move", {{"service", "B"}, {"to_service", "F"}}, &a, /*with_csrf=*/false);
  CHECK(r->status == 403);
  CHECK(json::parse(r->body)["error"] == "csrf");
  AdminLogin wrong = a;
  wrong.csrf = std::string(32, '0');
  CHECK(w.post("/api/admin/bulk-move", {{"service", "B"}, {"to_service", "F"}}, &wrong)->status == 403);
  CHECK(w.seq() == before);
}

TEST_CASE("admin: move everyone waiting in B to F — same labels, still waiting, B empty") {
  WebHub w;
  const AdminLogin a = w.login();
  const std::string t1 = w.issue("B"), t2 = w.issue("B");
  const std::string l1 = w.get_json("/api/t/" + t1)["view"]["label"], l2 = w.get_json("/api/t/" + t2)["view"]["label"];
  CHECK(l1 == "B-001");
  CHECK(l2 == "B-002");
  auto r = w.post("/api/admin/bulk-move", {{"service", "B"}, {"to_service", "F"}, {"reason", "printer rusak"}}, &a);
  REQUIRE(r);
  INFO(r->body);
  REQUIRE(r->status == 200);
  CHECK(json::parse(r->body)["moved"] == 2);
  for (const auto& [token, label] : {std::pair{t1, l1}, std::pair{t2, l2}}) {
    const json v = w.get_json("/api/t/" + token)["view"];
    CHECK(v["label"] == label);
    CHECK(v["service"]["code"] == "F");
    CHECK(v["state"] == "waiting");
  }
  CHECK(w.get_json("/api/t/" + t1)["view"]["position"] == 1);
  json o = w.get_json("/api/admin/overview", 200, &a)["view"];
  CHECK(find_row(o["services"], "code", "B")["waiting"] == 0);
  CHECK(find_row(o["services"], "code", "F")["waiting"] == 2);

  // With only a reason they are closed.
  const std::string t3 = w.issue("C");
  r = w.post("/api/admin/bulk-move", {{"service", "C"}, {"to_service", ""}, {"reason", "Layanan KK tutup"}}, &a);
  REQUIRE(r->status == 200);
  CHECK(json::parse(r->body)["moved"] == 1);
  CHECK(w.get_json("/api/t/" + t3)["view"]["state"] == "cancelled");
}

TEST_CASE("admin: a refused move is a 4xx with the hub's reason and changes nothing") {
  WebHub w;
  const AdminLogin a = w.login();
  const std::string t = w.issue("B");
  const int64_t before = w.seq();
  for (const json& bad : {json{{"service", "B"}}, json{{"service", "B"}, {"to_service", ""}, {"reason", ""}},
                          json{{"service", "B"}, {"to_service", "B"}}, json{{"service", "B"}, {"to_service", "Q"}},
                          json{{"service", "Q"}, {"to_service", "F"}}, json{{"to_service", "F"}},
                          json{{"service", "B"}, {"to_service", "F"}, {"colour", "red"}}}) {
    auto r = w.post("/api/admin/bulk-move", bad, &a);
    REQUIRE(r);
    INFO(bad.dump() << " -> " << r->status << " " << r->body);
    CHECK(r->status >= 400);
    CHECK(r->status < 500);
    CHECK(json::parse(r->body).value("reason", std::string()) != "");
  }
  auto r = w.post("/api/admin/bulk-move", {{"service", "B"}}, &a);
  CHECK(r->status == 400);
  CHECK(json::parse(r->body)["reason"].get<std::string>().find("to_service") != std::string::npos);
  CHECK(w.seq() == before);
  CHECK(w.get_json("/api/t/" + t)["view"]["service"]["code"] == "B");
}
