// Flags and config file: every bad value is refused with a reason, and changes nothing.
#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "antrian/display/display_config.h"

using namespace antrian;
using namespace antrian::display;

TEST_CASE("service lists are parsed, upper-cased and checked item by item") {
  auto ok = parse_service_list("a, B,c");
  REQUIRE(ok.ok());
  CHECK(*ok == std::vector<std::string>{"A", "B", "C"});
  for (const char* bad : {"", "A,,B", ",A", "A,", "A B", "ABCD", "A;B", "A,a"}) {
    INFO(bad);
    auto r = parse_service_list(bad);
    REQUIRE_FALSE(r.ok());
    CHECK_FALSE(r.error().reason.empty());
  }
  CHECK(parse_service_list("A,,B").error().reason.find("empty") != std::string::npos);
  CHECK(parse_service_list("A,a").error().reason.find("twice") != std::string::npos);
}

TEST_CASE("loket lists take numbers from 1 to 999 without repeats") {
  auto ok = parse_loket_list("3, 1,2");
  REQUIRE(ok.ok());
  CHECK(*ok == std::vector<int>{3, 1, 2});
  for (const char* bad : {"", "0", "1000", "-1", "1,,2", "x", "1.5", "2,2", "1 2"}) {
    INFO(bad);
    CHECK_FALSE(parse_loket_list(bad).ok());
  }
  CHECK(parse_loket_list("0").error().reason.find("1 to 999") != std::string::npos);
}

TEST_CASE("validate names the value that is wrong") {
  DisplayConfig c;
  CHECK(validate(c).ok());
  c.volume = 101;
  REQUIRE_FALSE(validate(c).ok());
  CHECK(validate(c).error().reason.find("volume") != std::string::npos);
  c = {};
  c.hub = "localhost:5555";
  CHECK(validate(c).error().reason.find("tcp://HOST:PORT") != std::string::npos);
  c = {};
  c.call_template = "Nomor {ticket} ke loket {loket}";
  REQUIRE_FALSE(validate(c).ok());
  CHECK(validate(c).error().reason.find("call_template") != std::string::npos);
  c = {};
  c.recall_template = "Panggilan ulang {ticket}";  // says who, but not where
  CHECK_FALSE(validate(c).ok());
  c = {};
  c.title = std::string(200, 'x');
  CHECK_FALSE(validate(c).ok());
  c = {};
  c.max_speech_age_s = 0;
  CHECK_FALSE(validate(c).ok());
}

TEST_CASE("a config object is applied whole, or not at all") {
  DisplayConfig c;
  Lang lang = Lang::id;
  auto r = apply_config_json(
      {{"hub", "tcp://10.0.0.5:5555"}, {"services", {"A", "B"}}, {"lokets", "1,2,3"}, {"volume", 40},
       {"mute", true}, {"title", "Ruang Tunggu e-KTP"}, {"lang", "en"}, {"speech_lang", "id"},
       {"call_template", "Antrian {ticket}, ke loket {counter}"}, {"max_speech_age_s", 20}},
      c, &lang);
  REQUIRE(r.ok());
  CHECK(c.hub == "tcp://10.0.0.5:5555");
  CHECK(c.services == std::vector<std::string>{"A", "B"});
  CHECK(c.lokets == std::vector<int>{1, 2, 3});
  CHECK(c.volume == 40);
  CHECK(c.mute);
  CHECK(c.title == "Ruang Tunggu e-KTP");
  CHECK(lang == Lang::en);
  CHECK(c.max_speech_age_s == 20);

  const DisplayConfig before = c;
  for (const char* bad : {R"({"volume": 150})", R"({"volume": "loud"})", R"({"servics": ["A"]})",
                          R"({"lokets": [1, "2"]})", R"({"services": "A,,B"})", R"({"mute": 1})",
                          R"({"speech_lang": "jv"})", R"({"running_text": "fast"})", R"({"lokets": [1], "volume": -3})", R"([1, 2])"}) {
    INFO(bad);
    Lang l = Lang::en;
    auto bad_r = apply_config_json(nlohmann::json::parse(bad), c, &l);
    REQUIRE_FALSE(bad_r.ok());
    CHECK_FALSE(bad_r.error().reason.empty());
    CHECK(c.lokets == before.lokets);  // nothing half-applied
    CHECK(c.volume == before.volume);
    CHECK(l == Lang::en);
  }
  CHECK(apply_config_json({{"servics", {"A"}}}, c).error().reason.find("unknown key \"servics\"") != std::string::npos);
}

TEST_CASE("config files: missing, not JSON, or wrong are reported with the file name") {
  DisplayConfig c;
  auto missing = load_config_file("/nonexistent/display.json", c);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().reason.find("/nonexistent/display.json") != std::string::npos);

  const std::string path = "/tmp/antrian-display-config-test-" + std::to_string(::getpid()) + ".json";
  {
    std::ofstream(path) << "{ not json";
  }
  CHECK(load_config_file(path, c).error().reason.find("not valid JSON") != std::string::npos);
  {
    std::ofstream(path) << R"({"services": "A,B", "volume": 30})";
  }
  REQUIRE(load_config_file(path, c).ok());
  CHECK(c.services == std::vector<std::string>{"A", "B"});
  CHECK(c.volume == 30);
  std::remove(path.c_str());
}
