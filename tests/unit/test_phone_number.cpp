// Phone numbers citizens leave for messages, and the config's "messages" section.
#include <doctest/doctest.h>

#include "antrian/message_config.h"
#include "antrian/office_config.h"
#include "antrian/phone_number.h"

using namespace antrian;
using nlohmann::json;

TEST_CASE("Indonesian mobile numbers are normalised to +628...") {
  for (const char* written : {"081234567890", "0812-3456-7890", "0812 3456 7890", "+62 812 3456 7890", "6281234567890",
                              "+62 (812) 3456.7890", "  +6281234567890"}) {
    INFO(written);
    auto n = normalize_phone(written);
    REQUIRE(n);
    CHECK(*n == "+6281234567890");
  }
  CHECK(*normalize_phone("0811234567") == "+62811234567");          // 10 digits, the shortest
  CHECK(*normalize_phone("08123456789012") == "+628123456789012");  // 14 digits, the longest
}

TEST_CASE("numbers that are not Indonesian mobile numbers are refused with a reason that does not repeat them") {
  for (const char* bad : {"", "12345", "021-5551234", "0812345", "081234567890123", "+1 415 555 0100",
                          "0812-3456-789O", "0812#34567890", "+62 21 555 1234", "08123456789012345678901234567890123456789012"}) {
    INFO(bad);
    auto n = normalize_phone(bad);
    REQUIRE_FALSE(n);
    CHECK(n.error().code == "bad_request");
    CHECK(n.error().reason.rfind("phone: ", 0) == 0);
    if (std::string(bad).size() >= 5) CHECK(n.error().reason.find(bad) == std::string::npos);
  }
}

TEST_CASE("a masked number shows its start and its last four digits") {
  CHECK(mask_phone("+6281234567890") == "+62812****7890");
  CHECK(mask_phone("+62811234567") == "+62811**4567");
}

TEST_CASE("the config's messages section: defaults, choices and clear errors") {
  auto d = parse_message_config(json());
  REQUIRE(d);
  CHECK(d->near_ahead == 3);
  CHECK(d->retention_days == 30);
  CHECK_FALSE(d->sends());
  auto m = parse_message_config(json{{"near", {{"minutes", 15}}}, {"webhook", {{"url", "https://wa.example/send"}}},
                                     {"gammu", {{"database", "/var/spool/gammu/smsd.db"}}}});
  REQUIRE(m);
  CHECK(m->near_ahead == 0);
  CHECK(m->near_minutes == 15);
  CHECK(m->sends());
  struct Case {
    json j;
    std::string says;
  };
  for (const Case& c : {Case{{{"near", {{"ahead", 2}, {"minutes", 5}}}}, "messages.near: give either"},
                        Case{{{"near", json::object()}}, "messages.near: give either"},
                        Case{{{"near", {{"ahead", 0}}}}, "messages.near.ahead: must be a whole number from 1 to 50"},
                        Case{{{"retention_days", 0}}, "messages.retention_days: must be a whole number from 1"},
                        Case{{{"retention_days", "30"}}, "messages.retention_days: must be a whole number"},
                        Case{{{"webhook", {{"url", "ftp://x"}}}}, "messages.webhook.url: must be an http:// or https://"},
                        Case{{{"webhook", {{"uri", "http://x"}}}}, "messages.webhook.uri: unknown field"},
                        Case{{{"webhook", json::object()}}, "messages.webhook.url: missing"},
                        Case{{{"gammu", {{"database", ""}}}}, "messages.gammu.database: missing"},
                        Case{{{"retry", {{"first_s", 10}, {"max_s", 5}}}}, "messages.retry.max_s: must not be below"},
                        Case{{{"sms", true}}, "messages.sms: unknown field"},
                        Case{json::array(), "messages: must be an object"}}) {
    INFO(c.j.dump());
    auto r = parse_message_config(c.j);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == "bad_config");
    CHECK(r.error().reason.rfind(c.says, 0) == 0);
  }
  // Through the office config: the same error, naming the field.
  json office = json::parse(default_office_json());
  office["messages"] = {{"max_per_number_per_day", -1}};
  auto cfg = parse_office_config(office.dump());
  REQUIRE_FALSE(cfg);
  CHECK(cfg.error().reason.find("messages.max_per_number_per_day") != std::string::npos);
}
