// A reply written straight from its result (encode_ok_reply) must be byte for byte
// what the reply's JSON tree dumped, invalid UTF-8 replaced the same way.
#include <doctest/doctest.h>

#include <random>

#include "antrian/protocol.h"
#include "office_fixture.h"

using namespace antrian;
using nlohmann::json;

namespace {

std::string tree_reply(const std::string& id, const json& result) {  // encode_reply as it was
  json j = {{"v", proto::kVersion}, {"id", id}, {"ok", true}};
  j["result"] = result;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

json random_result(std::mt19937& rng, int depth) {
  const char* strings[] = {"", "A-001", "q\"\\", "Loket – é", "\xff\xfe bad", "\x01"};
  const char* keys[] = {"ticket", "eta_s", "seq", "ahead", "status", "zz", "\xc3\xa9"};
  switch (rng() % (depth > 3 ? 5 : 7)) {
    case 0: return int64_t(rng()) - (int64_t(1) << 31);
    case 1: return strings[rng() % 6];
    case 2: return rng() % 2 == 0;
    case 3: return double(rng() % 10000) / 16.0;
    case 4: return nullptr;
    case 5: {
      json a = json::array();
      for (int i = int(rng() % 4); i > 0; --i) a.push_back(random_result(rng, depth + 1));
      return a;
    }
    default: {
      json o = json::object();
      for (int i = int(rng() % 5); i > 0; --i) o[keys[rng() % 7]] = random_result(rng, depth + 1);
      return o;
    }
  }
}

}  // namespace

TEST_CASE("a reply written from its result equals the reply tree's dump, on random results") {
  std::mt19937 rng(77);
  for (int i = 0; i < 3000; ++i) {
    const std::string id = i % 4 ? "kiosk-" + std::to_string(rng()) + "-" + std::to_string(i) : "bad \xff id \"q\"";
    const json result = random_result(rng, 0);
    CHECK(proto::encode_ok_reply(id, result) == tree_reply(id, result));
    CHECK(proto::encode_reply(proto::ok_reply(id, result)) == tree_reply(id, result));
  }
}

TEST_CASE("a reply written from its result equals the reply tree's dump, on an office's real answers") {
  test::TestOffice o;
  o.open_all_day();
  o.open(1);
  for (int i = 0; i < 20; ++i) {
    std::vector<json> answers = {o.ok(proto::cmd::issue, {{"service", i % 2 ? "A" : "B"}, {"priority", "reguler"}}),
                                 o.ok(proto::cmd::issue, {{"service", "A"}, {"priority", "reguler"}})};
    if (i % 2) {
      if (i > 1) answers.push_back(o.ok(proto::cmd::start, {{"counter", 1}}));
      if (i > 1) answers.push_back(o.ok(proto::cmd::finish, {{"counter", 1}}));
      answers.push_back(o.ok(proto::cmd::call_next, {{"counter", 1}}));
    }
    for (const json& r : answers)
      CHECK(proto::encode_ok_reply("t-" + std::to_string(i), r) == tree_reply("t-" + std::to_string(i), r));
    o.now += 30'000;
  }
}
