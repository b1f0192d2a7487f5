// The office config: the embedded default is valid; mistakes are named precisely.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "antrian/office_config.h"
#include "antrian/secrets.h"

using namespace antrian;

namespace {
std::string config_with(const std::string& services, const std::string& counters,
                        const std::string& office = R"({"name":"X","timezone":"WIB"})") {
  return R"({"office":)" + office + R"(,"resources":[{"id":"siak","kind":"central_server"}],"services":)" +
         services + R"(,"counters":)" + counters + "}";
}
const std::string kOneService = R"([{"code":"A","name_id":"Perekaman"}])";
}  // namespace

TEST_CASE("the embedded default office is valid: services A-F and 8 lokets") {
  auto cfg = default_office_config();
  REQUIRE(cfg.ok());
  CHECK(cfg->services.size() == 6);
  CHECK(cfg->counters.size() == 8);
  CHECK(cfg->services.front().code == "A");
  CHECK(cfg->office.timezone == "WIB");
}

TEST_CASE("config mistakes are refused with the field and the problem") {
  struct Case { std::string text; std::string says; };
  const std::vector<Case> cases = {
      {"{", "not valid JSON"},
      {"[]", "JSON object"},
      {R"({"services":[]})", "office: missing"},
      {config_with(kOneService, "[]", R"({"name":"X","timezone":"UTC"})"), "office.timezone"},
      {config_with("[]", "[]"), "at least one service"},
      {config_with(R"([{"code":"a1","name_id":"x"}])", "[]"), "services[0].code"},
      {config_with(R"([{"code":"A","name_id":"x"},{"code":"A","name_id":"y"}])", "[]"), "duplicate"},
      {config_with(R"([{"code":"A","name_id":"x","daily_quota":-1}])", "[]"), "daily_quota"},
      {config_with(R"([{"code":"A","name_id":"x","resources":["moon"]}])", "[]"), "unknown resource"},
      {config_with(kOneService, R"([{"number":1,"services":["Z"]}])"), "counters[0].services: unknown service"},
      {config_with(kOneService, R"([{"number":1,"services":[]}])"), "at least one service"},
      {config_with(kOneService, R"([{"number":1,"services":["A"]},{"number":1,"services":["A"]}])"), "duplicate 1"},
      {config_with(kOneService, R"([{"number":"one","services":["A"]}])"), "counters[0]"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.text);
    auto r = parse_office_config(c.text);
    REQUIRE_FALSE(r.ok());
    CHECK(r.error().reason.find(c.says) != std::string::npos);
  }
}

TEST_CASE("a missing config file says which path") {
  auto r = load_office_config_file("/nonexistent/office.json");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason.find("/nonexistent/office.json") != std::string::npos);
}

TEST_CASE("the PIN rule counts characters and names what a PIN may hold") {
  CHECK(antrian::pin_rule_violation("1234").empty());
  CHECK(antrian::pin_rule_violation("admin1234").empty());
  CHECK(antrian::pin_rule_violation("Ab3!").empty());
  CHECK(antrian::pin_rule_violation(std::string(64, '7')).empty());
  CHECK(antrian::pin_rule_violation("123").find("has 3 characters") != std::string::npos);
  CHECK(antrian::pin_rule_violation(std::string(65, '7')).find("has 65 characters") != std::string::npos);
  // One character of four bytes, two of two bytes each: neither passes by byte count.
  for (const char* p : {"\xF0\x9F\x98\x80", "\xC3\xA9\xC3\xA9", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", "12 34", "12\t34"}) {
    CAPTURE(p);
    const std::string why = antrian::pin_rule_violation(p);
    CHECK(why.find("not allowed") != std::string::npos);
    CHECK(why.find("4 to 64 characters") != std::string::npos);
  }
  // The office config follows the same rule.
  auto cfg = nlohmann::json::parse(antrian::default_office_json());
  cfg["staff"][0]["pin"] = "\xF0\x9F\x98\x80";
  auto parsed = antrian::parse_office_config(cfg.dump());
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.error().reason.find("staff[0].pin") != std::string::npos);
}
