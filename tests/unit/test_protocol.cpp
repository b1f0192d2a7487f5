// The codec refuses bad messages with reasons; roles are enforced by the table.
#include <doctest/doctest.h>

#include "antrian/protocol.h"

using namespace antrian;
namespace proto = antrian::proto;

TEST_CASE("a request round-trips through the codec") {
  proto::Request r{1, "kiosk-1-7", "issue", "kiosk", {{"service", "A"}}};
  auto back = proto::decode_request(proto::encode_request(r));
  REQUIRE(back.ok());
  CHECK(back->id == "kiosk-1-7");
  CHECK(back->cmd == "issue");
  CHECK(back->role == "kiosk");
  CHECK(back->args["service"] == "A");
}

TEST_CASE("malformed requests are refused with a reason") {
  struct Case { std::string bytes; std::string code; std::string says; };
  const std::vector<Case> cases = {
      {"", "bad_request", "JSON"},
      {"\xff\xfe garbage", "bad_request", "JSON"},
      {"[1,2,3]", "bad_request", "object"},
      {R"({"id":"x","cmd":"issue","role":"kiosk"})", "bad_request", "version"},
      {R"({"v":1,"cmd":"issue","role":"kiosk"})", "bad_request", "id"},
      {R"({"v":1,"id":"","cmd":"issue","role":"kiosk"})", "bad_request", "id"},
      {R"({"v":2,"id":"x","cmd":"issue","role":"kiosk"})", "bad_version", "version 2"},
      {R"({"v":4294967297,"id":"x","cmd":"issue","role":"kiosk"})", "bad_version", "version 4294967297"},
      {R"({"v":-1,"id":"x","cmd":"issue","role":"kiosk"})", "bad_version", "version -1"},
      {R"({"v":1,"id":"x","role":"kiosk"})", "bad_request", "cmd"},
      {R"({"v":1,"id":"x","cmd":"issue"})", "bad_request", "role"},
      {R"({"v":1,"id":"x","cmd":"issue","role":"kiosk","args":[]})", "bad_request", "args"},
      {R"({"v":"1","id":"x","cmd":"issue","role":"kiosk"})", "bad_request", "version"},
      {std::string(proto::kMaxRequestBytes + 1, ' '), "bad_request", "larger"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.bytes.substr(0, 60));
    auto r = proto::decode_request(c.bytes);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().code == c.code);
    CHECK(r.error().reason.find(c.says) != std::string::npos);
  }
}

TEST_CASE("each role may do only its part") {
  using namespace proto;
  CHECK(role_allows(role::kiosk, cmd::issue));
  CHECK_FALSE(role_allows(role::kiosk, cmd::call_next));
  CHECK_FALSE(role_allows(role::kiosk, cmd::disruption_set));
  CHECK(role_allows(role::counter, cmd::call_next));
  CHECK(role_allows(role::counter, cmd::disruption_set));
  CHECK_FALSE(role_allows(role::counter, cmd::issue));
  CHECK_FALSE(role_allows(role::counter, cmd::staff_set));
  for (auto c : {cmd::issue, cmd::call_next, cmd::finish, cmd::disruption_set, cmd::announcement_set, cmd::staff_set})
    CHECK_FALSE(role_allows(role::display, c));
  CHECK(role_allows(role::display, cmd::snapshot));
  CHECK(role_allows(role::admin, cmd::staff_set));
  CHECK_FALSE(role_allows("intruder", cmd::snapshot));
  CHECK_FALSE(is_known_command("drop_tables"));
}

TEST_CASE("replies round-trip, and a bad reply is an error") {
  auto ok = proto::decode_reply(proto::encode_reply(proto::ok_reply("a", {{"x", 1}})));
  REQUIRE(ok.ok());
  CHECK(ok->ok);
  CHECK(ok->result["x"] == 1);
  auto err = proto::decode_reply(proto::encode_reply(proto::error_reply("b", make_error("forbidden", "no"))));
  REQUIRE(err.ok());
  CHECK_FALSE(err->ok);
  CHECK(err->error.code == "forbidden");
  CHECK_FALSE(proto::decode_reply("{}").ok());
  CHECK_FALSE(proto::decode_reply("nope").ok());
}

TEST_CASE("a field the command does not take is refused by name, and client is always allowed") {
  proto::Request r{1, "x", "service_set", "admin", {{"code", "C"}, {"prefix", "Z"}}};
  auto bad = proto::check_args(r);
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.error().code == "bad_request");
  CHECK(bad.error().reason.find("\"prefix\"") != std::string::npos);
  CHECK(bad.error().reason.find("daily_quota") != std::string::npos);  // says what it does take
  r.args = {{"code", "C"}, {"daily_quota", 10}, {"client", "ctl"}};
  CHECK(proto::check_args(r).ok());
  proto::Request hello{1, "h", "hello", "display", {{"anything", 1}}};
  CHECK(proto::check_args(hello).error().reason.find("no arguments") != std::string::npos);
  // Every command has its list (a new command without one would refuse all arguments).
  for (const std::string& c : proto::known_commands()) {
    CAPTURE(c);
    CHECK(proto::is_known_command(c));
  }
  CHECK(proto::command_args("issue") == std::vector<std::string>{"priority", "service"});
  // Unknown envelope fields are refused by the codec, with the id echoed.
  auto env = proto::decode_request(R"({"v":1,"id":"e","cmd":"hello","role":"display","argz":{}})");
  REQUIRE_FALSE(env.ok());
  CHECK(env.error().reason.find("\"argz\"") != std::string::npos);
}

TEST_CASE("a version that is there but not a whole number is named as such") {
  auto r = proto::decode_request(R"({"v":1.0,"id":"a","cmd":"hello","role":"display"})");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason.find("must be the whole number 1") != std::string::npos);
  CHECK(proto::decode_request(R"({"id":"a","cmd":"hello","role":"display"})").error().reason.find("missing") !=
        std::string::npos);
}
