// The common GUI flags: good values land in AppOptions, bad ones fail with a message
// that says what was expected.
#include <doctest/doctest.h>

#include <CLI/CLI.hpp>

#include <initializer_list>
#include <string>
#include <vector>

#include "antrian/ui/options.h"

using namespace antrian::ui;

namespace {

struct Parsed {
  bool ok = false;
  std::string error;
  AppOptions opts;
};

Parsed parse(std::vector<std::string> args) {
  Parsed p;
  p.opts.window = {1920, 1080};  // a program's own default
  CLI::App cli{"test"};
  add_common_options(cli, p.opts);
  std::vector<const char*> argv{"prog"};
  for (const auto& a : args) argv.push_back(a.c_str());
  try {
    cli.parse(static_cast<int>(argv.size()), argv.data());
    p.ok = true;
  } catch (const CLI::ParseError& e) {
    p.error = e.what();
  }
  return p;
}

}  // namespace

TEST_CASE("parse_window_size accepts WIDTHxHEIGHT within limits") {
  CHECK(parse_window_size("1280x720") == WindowSize{1280, 720});
  CHECK(parse_window_size("1920X1080") == WindowSize{1920, 1080});
  CHECK(parse_window_size("320x240") == WindowSize{320, 240});
  CHECK(parse_window_size("7680x4320") == WindowSize{7680, 4320});
  for (const char* bad : {"", "x", "1280", "1280x", "x720", "12x7", "1280x720x3", "-1280x720", "+1280x720",
                          "1280 x 720", "1280x720 ", "0x0", "319x240", "7681x4320", "99999999x1", "abcxdef",
                          "1280,720", "1e3x720"}) {
    CAPTURE(bad);
    CHECK_FALSE(parse_window_size(bad).has_value());
  }
}

TEST_CASE("common options: defaults stay when no flags are given") {
  const Parsed p = parse({});
  REQUIRE(p.ok);
  CHECK(p.opts.window == WindowSize{1920, 1080});
  CHECK_FALSE(p.opts.fullscreen);
  CHECK(p.opts.lang == antrian::Lang::id);
  CHECK(p.opts.screenshot.empty());
  CHECK_FALSE(p.opts.software_render);
  CHECK_FALSE(p.opts.stats);
  CHECK(p.opts.exit_after_s == 0);
}

TEST_CASE("common options: good values") {
  const Parsed p = parse({"--window", "1280x720", "--fullscreen", "--lang", "en", "--screenshot", "/tmp/x.png",
                          "--software-render", "--stats", "--exit-after", "2.5"});
  REQUIRE_MESSAGE(p.ok, p.error);
  CHECK(p.opts.window == WindowSize{1280, 720});
  CHECK(p.opts.fullscreen);
  CHECK(p.opts.lang == antrian::Lang::en);
  CHECK(p.opts.screenshot == "/tmp/x.png");
  CHECK(p.opts.software_render);
  CHECK(p.opts.stats);
  CHECK(p.opts.exit_after_s == doctest::Approx(2.5));
  CHECK(parse({"--window=800x600"}).opts.window == WindowSize{800, 600});
}

TEST_CASE("common options: bad values give a clear reason") {
  struct Case {
    std::vector<std::string> args;
    std::string expect;
  };
  const Case cases[] = {
      {{"--window", "12x"}, "--window expects WIDTHxHEIGHT like 1280x720"},
      {{"--window", "big"}, "got 'big'"},
      {{"--window", "100x100"}, "between 320x240 and 7680x4320"},
      {{"--lang", "jv"}, "--lang expects id (Bahasa Indonesia) or en (English), got 'jv'"},
      {{"--exit-after", "0"}, "--exit-after expects a number of seconds greater than 0"},
      {{"--exit-after", "-3"}, "--exit-after expects"},
      {{"--screenshot", ""}, "--screenshot expects a file name"},
      {{"--window"}, "--window"},
      {{"--nonsense"}, "--nonsense"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.args.front());
    const Parsed p = parse(c.args);
    CHECK_FALSE(p.ok);
    CHECK_MESSAGE(p.error.find(c.expect) != std::string::npos, p.error);
  }
}
