// The web link reads an event's seq and type from the end of its public JSON
// (event_head.h); it must agree with a full parse on whatever the data holds.
#include <doctest/doctest.h>

#include <random>

#include "antrian/event.h"
#include "antrian/event_head.h"

using namespace antrian;
using nlohmann::json;

namespace {

json random_value(std::mt19937& rng, int depth) {
  const char* strings[] = {"", "x", "\"type\":\"ticket_called\"}", ",\"seq\":5,\"type\":\"a\"}", "A-001", "é\n\\\""};
  switch (rng() % (depth > 2 ? 4 : 6)) {
    case 0: return int64_t(rng() % 100000) - 50;
    case 1: return strings[rng() % 6];
    case 2: return rng() % 2 == 0;
    case 3: return nullptr;
    case 4: {
      json a = json::array();
      for (int i = int(rng() % 3); i > 0; --i) a.push_back(random_value(rng, depth + 1));
      return a;
    }
    default: {
      const char* keys[] = {"seq", "type", "queue", "token", "id", "zz"};
      json o = json::object();
      for (int i = int(rng() % 4); i > 0; --i) o[keys[rng() % 6]] = random_value(rng, depth + 1);
      return o;
    }
  }
}

}  // namespace

TEST_CASE("an event's seq and type read from the end of its JSON equal a full parse") {
  std::mt19937 rng(15);
  const char* types[] = {"ticket_issued", "ticket_called", "ticket_recalled", "day_started", "x2_y"};
  for (int i = 0; i < 2000; ++i) {
    Event e;
    e.seq = i % 7 == 0 ? int64_t(1) << 40 : int64_t(rng() % 1000000);
    e.at = int64_t(rng());
    e.type = types[rng() % 5];
    e.actor = i % 3 == 0 ? "kiosk:\"k1\"" : "hub";
    e.data = random_value(rng, 1);
    if (!e.data.is_object()) e.data = json{{"v", e.data}};
    const std::string text = event_to_json(e, true).dump();
    auto head = scan_event_head(text);
    REQUIRE(head);
    const Event parsed = event_from_json(json::parse(text));
    CHECK(head->seq == parsed.seq);
    CHECK(head->type == parsed.type);
  }
}

TEST_CASE("an event's JSON that does not end in seq and type is left to the full parse") {
  CHECK_FALSE(scan_event_head(""));
  CHECK_FALSE(scan_event_head("{}"));
  CHECK_FALSE(scan_event_head(R"({"seq":1})"));
  CHECK_FALSE(scan_event_head(R"({"seq":"1","type":"a"})"));
  CHECK_FALSE(scan_event_head(R"({"seq":1,"type":"A"})"));
  CHECK_FALSE(scan_event_head(R"({"seq":1,"type":""})"));
  CHECK_FALSE(scan_event_head(R"({"seq":1234567890123456789,"type":"a"})"));
  auto h = scan_event_head(R"({"actor":"hub","at":1,"data":{},"seq":42,"type":"ticket_called"})");
  REQUIRE(h);
  CHECK(h->seq == 42);
  CHECK(h->type == "ticket_called");
}
