// The office config: the embedded default is valid; mistakes are named precisely.
#include <doctest/doctest.h>

#include "antrian/office_config.h"

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
