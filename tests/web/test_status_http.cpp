// The public ticket status page and its API against a real hub.
#include <cctype>
#include <atomic>
#include <thread>

#include "eventually.h"
#include "live_stream.h"
#include "web_fixture.h"

using namespace antrian::test;

TEST_CASE("status: the page and the JSON show number, service, state, position and wait") {
  WebHub w;
  w.issue("C");
  const std::string token = w.issue("C");
  json j = w.get_json("/api/t/" + token);
  const json& v = j["view"];
  CHECK(v["label"] == "C-002");
  CHECK(v["service"]["code"] == "C");
  CHECK(v["service"]["name_id"] == "Kartu Keluarga");
  CHECK(v["state"] == "waiting");
  CHECK(v["position"] == 2);
  CHECK(v["ahead"] == 1);
  CHECK(v["eta_s"].is_null());  // no loket open for C: an honest "unknown"
  CHECK(v["today"] == true);
  CHECK_FALSE(v.contains("token"));
  CHECK(j["now"].is_number_integer());

  auto page = w.http.Get(("/t/" + token).c_str());
  REQUIRE(page);
  CHECK(page->status == 200);
  CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
  CHECK(page->body.find("/static/status.js") != std::string::npos);
  CHECK(page->body.find("\"web.status.position\"") != std::string::npos);  // strings for the script
  CHECK(page->get_header_value("Referrer-Policy") == "no-referrer");        // the token stays private
}

TEST_CASE("status: with a loket open there is an estimate, and when called the loket is named") {
  WebHub w;
  const std::string token = w.issue("A");
  w.command("sign_in", {{"counter", 2}, {"staff", "demo1"}, {"pin", "1234"}});
  json v = w.get_json("/api/t/" + token)["view"];
  CHECK(v["eta_s"].is_number_integer());
  w.command("call_next", {{"counter", 2}});
  v = w.get_json("/api/t/" + token)["view"];
  CHECK(v["state"] == "called");
  CHECK(v["loket"]["number"] == 2);
  CHECK(v["loket"]["name"] == "Loket 2");
  CHECK(v["position"].is_null());
}

TEST_CASE("status: a disruption of the ticket's service is on its page, with the alternative") {
  WebHub w;
  const std::string token = w.issue("B");
  w.command("disruption_set", {{"resource", "printers"}, {"level", "down"}, {"message_id", "Printer rusak"},
                               {"message_en", "Printers broken"}});
  const json n = w.get_json("/api/t/" + token)["view"]["notice"];
  CHECK(n["status"] == "halted");
  REQUIRE(n["disruptions"].size() == 1);
  CHECK(n["disruptions"][0]["message_id"] == "Printer rusak");
  CHECK(n["disruptions"][0]["resource_id"] == "Printer kartu");
  CHECK(n["alternative_id"].get<std::string>().find("Surat keterangan") != std::string::npos);
}

TEST_CASE("status: unknown and malformed tokens are 404 — a label never finds a ticket") {
  WebHub w;
  w.issue("A");
  for (const char* path : {"/api/t/0123456789abcdef0123456789abcdef", "/api/t/A-001", "/api/t/1", "/t/A-001",
                           "/t/0123456789abcdef0123456789abcdeg"}) {
    auto r = w.http.Get(path);
    REQUIRE(r);
    INFO(path);
    CHECK(r->status == 404);
  }
  auto page = w.http.Get("/t/0123456789abcdef0123456789abcdef");
  REQUIRE(page);
  CHECK(page->get_header_value("Content-Type").find("text/html") == 0);  // a page for people, not JSON
  CHECK(page->body.find("Halaman tidak ditemukan") != std::string::npos);
  auto api = w.http.Get("/api/t/0123456789abcdef0123456789abcdef");
  CHECK(json::parse(api->body)["error"] == "not_found");
}

TEST_CASE("status: guessing tokens is rate limited per address, and valid tokens still work from there") {
  // Phones behind one NAT share an address: one person's typos must not block the
  // others' valid tokens.
  WebHub w;
  const std::string token = w.issue("A");
  int not_found = 0, limited = 0;
  for (int i = 0; i < 14; ++i) {
    char fake[33];
    std::snprintf(fake, sizeof fake, "%032x", i + 1);
    auto r = w.http.Get(("/api/t/" + std::string(fake)).c_str());
    REQUIRE(r);
    not_found += r->status == 404;
    limited += r->status == 429;
    if (r->status == 429) CHECK(std::stoi(r->get_header_value("Retry-After")) > 0);
  }
  CHECK(not_found == 10);
  CHECK(limited == 4);
  auto r = w.http.Get(("/api/t/" + token).c_str());
  REQUIRE(r);
  CHECK(r->status == 200);
}

TEST_CASE("status: one token looked up too often is limited, other tokens from the same address are not") {
  WebHub w;
  const std::string hammered = w.issue("A"), other = w.issue("B");
  int ok = 0, limited = 0;
  for (int i = 0; i < 25; ++i) {
    auto r = w.http.Get(("/api/t/" + hammered).c_str());
    REQUIRE(r);
    ok += r->status == 200;
    limited += r->status == 429;
  }
  CHECK(ok == 20);
  CHECK(limited == 5);
  auto r = w.http.Get(("/api/t/" + other).c_str());
  REQUIRE(r);
  CHECK(r->status == 200);
}

TEST_CASE("status: the token format is strict (upper case or a wrong length is no token)") {
  WebHub w;
  const std::string token = w.issue("A");
  std::string upper = token;
  for (char& c : upper) c = char(std::toupper(static_cast<unsigned char>(c)));
  REQUIRE(upper != token);
  for (const std::string& bad : {upper, token + "0", token.substr(1)}) {
    auto r = w.http.Get(("/api/t/" + bad).c_str());
    REQUIRE(r);
    CHECK(r->status == 404);
    CHECK(json::parse(r->body)["error"] == "not_found");
  }
  CHECK(w.http.Get(("/api/t/" + token).c_str())->status == 200);
}

TEST_CASE("status: the live stream sends the new state when the ticket is called") {
  WebHub w;
  const std::string token = w.issue("A");
  w.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  LiveStream stream(w.hub.http_port(), "/api/t/" + token + "/events");
  REQUIRE(eventually([&] { return stream.has("\"state\":\"waiting\""); }));
  w.command("call_next", {{"counter", 1}});
  CHECK(eventually([&] { return stream.has("\"state\":\"called\""); }));
  CHECK(stream.has("\"name\":\"Loket 1\""));
  CHECK(stream.has("event: ticket"));
  stream.close([&] { w.command("recall", {{"counter", 1}}); });  // one more event ends the read
}

// The live stream is woken by events, and the hub makes the forecast right after it
// publishes them: the stream must send the new wait without waiting for its 10 s ping.
TEST_CASE("status: the live stream sends the wait a loket signing in gives, well before its ping") {
  WebHub w;
  const std::string token = w.issue("A");
  LiveStream stream(w.hub.http_port(), "/api/t/" + token + "/events");
  REQUIRE(eventually([&] { return stream.last("ticket").find("\"eta_s\":null") != std::string::npos; }));
  const auto t = std::chrono::steady_clock::now();
  w.command("sign_in", {{"counter", 2}, {"staff", "demo1"}, {"pin", "1234"}});
  CHECK(eventually([&] {
    const std::string v = stream.last("ticket");
    return !v.empty() && v.find("\"eta_s\":null") == std::string::npos && v.find("\"eta_s\":") != std::string::npos;
  }, std::chrono::milliseconds(5000)));
  CHECK(std::chrono::steady_clock::now() - t < std::chrono::seconds(5));
  stream.close([&] { w.command("call_next", {{"counter", 2}}); });  // one more event ends the read
}
