// Protocol defects found by an independent client written from the docs (issue 12):
// each case failed before its fix.
#include <doctest/doctest.h>

#include <fstream>

#include "antrian/protocol.h"
#include "hub_process.h"
#include "raw_client.h"

using namespace antrian::test;
using nlohmann::json;

namespace {

// The default office with a daily quota of one for A, so the second A is refused.
std::string one_ticket_office(const std::string& dir) {
  std::ifstream in(ANTRIAN_DEFAULT_CONFIG);
  json cfg = json::parse(in);
  for (auto& s : cfg["services"])
    if (s["code"] == "A") s["daily_quota"] = 1;
  const std::string file = dir + "/office.json";
  std::ofstream(file) << cfg.dump(2);
  return file;
}

int64_t seq_of(RawClient& c, const std::string& id) {
  return c.request(id, "snapshot", json::object(), "display")["result"]["seq"];
}

int refused_a(RawClient& c, const std::string& id) {
  const json st = c.request(id, "snapshot", json::object(), "display")["result"]["state"];
  return st.value("refused_today", json::object()).value("A", 0);
}

}  // namespace

TEST_CASE("a refused issue retried with the same id after kill -9 logs nothing twice") {
  TempDir dir;
  HubProcess hub(dir.path() + "/hub", {"--config", one_ticket_office(dir.path())});
  {
    RawClient c(hub);
    c.prepare({"kiosk", "display"});
    REQUIRE(c.request("first", "issue", {{"service", "A"}}, "kiosk")["ok"] == true);
    const json refused = c.request("second", "issue", {{"service", "A"}}, "kiosk");
    REQUIRE(refused["ok"] == false);
    CHECK(refused["error"]["code"] == "quota_exhausted");
    CHECK(refused_a(c, "r1") == 1);
    // The same id again, before any restart: the stored answer, nothing appended.
    const int64_t seq = seq_of(c, "s1");
    CHECK(c.request("second", "issue", {{"service", "A"}}, "kiosk") == refused);
    CHECK(seq_of(c, "s2") == seq);
  }
  hub.kill9();
  hub.restart();
  RawClient c(hub);
  c.prepare({"kiosk", "display"});
  const int64_t seq = seq_of(c, "s3");
  const json again = c.request("second", "issue", {{"service", "A"}}, "kiosk");
  CHECK(again["ok"] == false);
  CHECK(again["error"]["code"] == "quota_exhausted");
  CHECK(seq_of(c, "s4") == seq);      // no second issue_refused
  CHECK(refused_a(c, "r2") == 1);     // and the count stays 1
  // A new id is a new applicant: refused and counted.
  CHECK(c.request("third", "issue", {{"service", "A"}}, "kiosk")["ok"] == false);
  CHECK(refused_a(c, "r3") == 2);
}

TEST_CASE("a request of any size gets bad_request naming the limit, and the next request is answered") {
  TempDir dir;
  HubProcess hub(dir.path());
  RawClient c(hub);
  c.prepare({"display"});
  const std::string limit = std::to_string(antrian::proto::kMaxRequestBytes);
  for (std::size_t size : {std::size_t(64 * 1024 + 1), std::size_t(128 * 1024), std::size_t(200 * 1024),
                           std::size_t(4 * 1024 * 1024)}) {
    CAPTURE(size);
    // A well-formed request padded past the limit: its id comes back with the error.
    std::string big = json{{"v", 1}, {"id", "big"}, {"cmd", "hello"}, {"role", "display"},
                           {"args", {{"client", std::string(size, 'x')}}}}
                          .dump();
    c.send_frames({big});
    c.send_frames({json{{"v", 1}, {"id", "after"}, {"cmd", "hello"}, {"role", "display"}}.dump()});
    auto r1 = c.receive(5000);
    REQUIRE(r1.has_value());
    const json first = json::parse(r1->back());
    CHECK(first["ok"] == false);
    CHECK(first["error"]["code"] == "bad_request");
    CHECK(first["error"]["reason"].get<std::string>().find(limit) != std::string::npos);
    // The request sent right behind it on the same connection is not lost.
    auto r2 = c.receive(5000);
    REQUIRE(r2.has_value());
    const json second = json::parse(r2->back());
    CHECK(second["id"] == "after");
    CHECK(second["ok"] == true);
  }
}

TEST_CASE("a PIN counts characters, not bytes, and holds only the characters the rule names") {
  TempDir dir;
  HubProcess hub(dir.path());
  RawClient c(hub);
  c.prepare({"display"});
  const int64_t seq = seq_of(c, "s0");
  for (const char* pin : {"\xF0\x9F\x98\x80", "\xC3\xA9\xC3\xA9", "12 34", "123", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9"}) {
    CAPTURE(pin);
    const json r = c.request(std::string("pin-") + pin, "staff_set", {{"id", "budi"}, {"name", "Budi"}, {"pin", pin}});
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == "bad_request");
    const std::string reason = r["error"]["reason"];
    CHECK(reason.find("pin") != std::string::npos);
    CHECK(reason.find("4 to 64 characters") != std::string::npos);
  }
  CHECK(seq_of(c, "s1") == seq);
  // The rule's own examples pass, and the PIN works for sign-in.
  CHECK(c.request("pin-ok", "staff_set", {{"id", "budi"}, {"name", "Budi"}, {"pin", "Ab3!"}})["ok"] == true);
  const json in = c.request("in", "sign_in", {{"counter", 1}, {"staff", "budi"}, {"pin", "Ab3!"}});
  CHECK(in["ok"] == true);
}

TEST_CASE("a field a command does not take is refused by name and changes nothing") {
  TempDir dir;
  HubProcess hub(dir.path());
  RawClient c(hub);
  c.prepare({"display", "kiosk"});
  const int64_t seq = seq_of(c, "s0");
  const json r = c.request("svc", "service_set", {{"code", "C"}, {"prefix", "Z"}});
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "bad_request");
  const std::string reason = r["error"]["reason"];
  CHECK(reason.find("\"prefix\"") != std::string::npos);
  CHECK(reason.find("service_set") != std::string::npos);
  // A typo in an issue is no ticket.
  const json typo = c.request("typo", "issue", {{"service", "A"}, {"priorty", "lansia"}}, "kiosk");
  CHECK(typo["ok"] == false);
  CHECK(typo["error"]["reason"].get<std::string>().find("\"priorty\"") != std::string::npos);
  // Unknown envelope fields too.
  c.send_frames({R"({"v":1,"id":"env","cmd":"hello","role":"display","extra":1})"});
  auto raw = c.receive();
  REQUIRE(raw.has_value());
  const json env = json::parse(raw->back());
  CHECK(env["ok"] == false);
  CHECK(env["id"] == "env");
  CHECK(env["error"]["reason"].get<std::string>().find("\"extra\"") != std::string::npos);
  CHECK(seq_of(c, "s1") == seq);
  // The sender's own name is always allowed.
  CHECK(c.request("named", "issue", {{"service", "A"}, {"client", "kiosk-9"}}, "kiosk")["ok"] == true);
}

TEST_CASE("a REQ client that sends several frames gets the error, not a timeout") {
  TempDir dir;
  HubProcess hub(dir.path());
  auto keys = antrian::load_client_keys(hub.admin_key_file(), hub.hub_key_file());
  REQUIRE(keys.ok());
  zmq::context_t ctx(1);
  zmq::socket_t req(ctx, zmq::socket_type::req);
  req.set(zmq::sockopt::linger, 0);
  req.set(zmq::sockopt::curve_serverkey, keys->hub_public_key);
  req.set(zmq::sockopt::curve_publickey, keys->public_key);
  req.set(zmq::sockopt::curve_secretkey, keys->secret_key);
  req.connect(hub.address());
  req.send(zmq::buffer(std::string("one")), zmq::send_flags::sndmore);
  req.send(zmq::buffer(std::string("two")), zmq::send_flags::none);
  zmq::pollitem_t item{req.handle(), 0, ZMQ_POLLIN, 0};
  REQUIRE(zmq::poll(&item, 1, std::chrono::milliseconds(5000)) == 1);
  zmq::message_t m;
  REQUIRE(req.recv(m));
  const json r = json::parse(m.to_string());
  CHECK(r["ok"] == false);
  CHECK(r["error"]["code"] == "bad_request");
  CHECK(r["error"]["reason"].get<std::string>().find("one frame") != std::string::npos);
}
