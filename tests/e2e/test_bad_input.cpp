// Any bytes on the request socket get an error with a reason; the hub lives and its
// state does not change.
#include <doctest/doctest.h>

#include "antrian/protocol.h"
#include "hub_process.h"
#include "raw_client.h"

using namespace antrian::test;
using nlohmann::json;

namespace {
json single_reply(RawClient& c) {
  auto r = c.receive();
  REQUIRE(r.has_value());
  REQUIRE(r->size() == 1);
  auto j = json::parse(r->front(), nullptr, false);
  REQUIRE(j.is_object());
  return j;
}
}  // namespace

TEST_CASE("malformed frames, wrong versions and forbidden commands are refused, the hub serves on") {
  TempDir dir;
  HubProcess hub(dir.path());
  RawClient c(hub);
  c.prepare({"kiosk", "counter", "display"});
  const json before = c.request("s0", "snapshot", json::object(), "display");
  const int64_t seq = before["result"]["seq"];

  struct Case { std::vector<std::string> frames; std::string code; };
  const std::vector<Case> cases = {
      {{"not json at all"}, "bad_request"},
      {{std::string("\x00\x01\x02\xff", 4)}, "bad_request"},
      {{""}, "bad_request"},
      {{"{}"}, "bad_request"},
      {{R"({"v":99,"id":"a","cmd":"issue","role":"kiosk"})"}, "bad_version"},
      {{R"({"v":1,"id":"b","cmd":"format_disk","role":"admin"})"}, "unknown_command"},
      {{R"({"v":1,"id":"c","cmd":"issue","role":"superuser","args":{"service":"A"}})"}, "forbidden"},
      {{R"({"v":1,"id":"d","cmd":"call_next","role":"kiosk","args":{"counter":1}})"}, "forbidden"},
      {{R"({"v":1,"id":"e","cmd":"issue","role":"display","args":{"service":"A"}})"}, "forbidden"},
      {{R"({"v":1,"id":"f","cmd":"finish","role":"counter","args":{"counter":1}})"}, "illegal_state"},
      {{R"({"v":1,"id":"g","cmd":"issue","role":"kiosk","args":{"service":["A"]}})"}, "bad_request"},
      {{R"({"v":1,"id":"h","cmd":"events_since","role":"display","args":{"seq":"x"}})"}, "bad_request"},
      {{"two", "frames"}, "bad_request"},
      {{std::string(100 * 1024, '{')}, "bad_request"},
  };
  for (const Case& k : cases) {
    CAPTURE(k.frames.front().substr(0, 60));
    c.send_frames(k.frames);
    const json r = single_reply(c);
    CHECK(r["ok"] == false);
    CHECK(r["error"]["code"] == k.code);
    CHECK_FALSE(r["error"]["reason"].get<std::string>().empty());
  }
  // Still alive, and nothing changed.
  const json after = c.request("s1", "snapshot", json::object(), "display");
  CHECK(after["result"]["seq"] == seq);
  CHECK(after["result"]["state"]["tickets"].empty());
  const json ok = c.request("i1", "issue", {{"service", "A"}}, "kiosk");
  CHECK(ok["ok"] == true);
  CHECK(ok["result"]["ticket"]["label"] == "A-001");
}

TEST_CASE("a reply echoes the request id, even for an error") {
  TempDir dir;
  HubProcess hub(dir.path());
  RawClient c(hub);
  const json r = c.request("my-id-42", "issue", {{"service", "Q"}}, "kiosk");
  CHECK(r["id"] == "my-id-42");
  CHECK(r["error"]["code"] == "not_found");
  CHECK(r["error"]["reason"].get<std::string>().find("\"Q\"") != std::string::npos);
}
