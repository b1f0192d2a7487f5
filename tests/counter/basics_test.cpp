// Keys, typed text, durations and the script parser: the small pieces.
#include <doctest/doctest.h>

#include "antrian/counter/format.h"
#include "antrian/counter/keys.h"
#include "antrian/counter/script.h"
#include "antrian/counter/text_field.h"
#include "antrian/strings.h"

using namespace antrian;
using namespace antrian::counter;

TEST_CASE("keys: names parse back, with Ctrl, case-insensitively, junk is refused") {
  for (Key k : {Key::f1, Key::f12, Key::up, Key::page_down, Key::enter, Key::escape, Key::digit7}) {
    auto p = parse_key(key_name(k));
    REQUIRE(p);
    CHECK(p->key == k);
    CHECK_FALSE(p->ctrl);
  }
  auto c2 = parse_key("ctrl+2");
  REQUIRE(c2);
  CHECK(c2->ctrl);
  CHECK(c2->key == Key::digit2);
  CHECK(key_label(*c2) == "Ctrl+2");
  CHECK(parse_key("escape")->key == Key::escape);
  CHECK_FALSE(parse_key("F13"));
  CHECK_FALSE(parse_key("Alt+F4"));
  CHECK_FALSE(parse_key(""));
  CHECK(digit_value(Key::digit9) == 9);
  CHECK(digit_value(Key::f9) == 0);
}

TEST_CASE("keys: actions never auto-repeat, arrows and Backspace do") {
  for (Key k : {Key::f1, Key::f4, Key::f8, Key::enter}) CHECK_FALSE(repeat_allowed(k));
  for (Key k : {Key::up, Key::down, Key::backspace}) CHECK(repeat_allowed(k));
}

TEST_CASE("text field: keeps printable UTF-8, drops control bytes, stops at its length") {
  TextField f(5);
  CHECK(f.insert("ab"));
  CHECK_FALSE(f.insert("\tc\n"));  // tab and newline dropped, c kept
  CHECK(f.text() == "abc");
  CHECK(f.insert("\xC3\xA9"));  // é: one character, two bytes
  CHECK(f.chars() == 4);
  CHECK_FALSE(f.insert("xyz"));  // only one more fits
  CHECK(f.text() == "abc\xC3\xA9x");
  f.backspace();
  f.backspace();  // removes the whole é, not half of it
  CHECK(f.text() == "abc");
  CHECK_FALSE(f.insert("\xC3"));  // a broken sequence is dropped
  CHECK(f.text() == "abc");
  CHECK(f.masked() == "\xE2\x80\xA2\xE2\x80\xA2\xE2\x80\xA2");
  CHECK(f.masked().find('a') == std::string::npos);
  f.clear();
  CHECK(f.empty());
  f.backspace();  // on empty: nothing happens
  CHECK(f.empty());
}

TEST_CASE("format: durations in both languages and a running timer") {
  CHECK(format_duration(0, Lang::id) == "<1 mnt");
  CHECK(format_duration(59, Lang::en) == "<1 min");
  CHECK(format_duration(12 * 60 + 5, Lang::id) == "12 mnt");
  CHECK(format_duration(65 * 60, Lang::id) == "1 j 05 mnt");
  CHECK(format_duration(125 * 60, Lang::en) == "2 h 05 min");
  CHECK(format_duration(-5, Lang::id) == "<1 mnt");
  CHECK(format_estimate(std::nullopt, Lang::id) == "tidak diketahui");
  CHECK(format_estimate(std::nullopt, Lang::en) == "unknown");
  CHECK(format_timer(0) == "00:00");
  CHECK(format_timer(252) == "04:12");
  CHECK(format_timer(3852) == "1:04:12");
}

TEST_CASE("script: a valid script parses, comments and blank lines skipped") {
  auto s = parse_script(
      "# set up\n"
      "wait-online 5\n"
      "\n"
      "sign-in 2 demo1 1234   # loket 2\n"
      "call-next\n"
      "transfer service C bawa KK asli\n"
      "transfer loket 4\n"
      "report printers down dua printer rusak\n"
      "key Ctrl+2\n"
      "type halo dunia\n"
      "press toggle_lang\n"
      "sleep 10\n"
      "wait-called A-001 3\n"
      "expect-current none\n"
      "expect-refused illegal_state\n");
  REQUIRE(s.ok());
  REQUIRE(s->size() == 13);
  CHECK((*s)[0].line == 2);
  CHECK((*s)[1].verb == "sign-in");
  CHECK((*s)[1].args == std::vector<std::string>{"2", "demo1", "1234"});
  CHECK((*s)[3].args == std::vector<std::string>{"service", "C"});
  CHECK((*s)[3].rest == "bawa KK asli");
  CHECK((*s)[4].rest.empty());
  CHECK((*s)[5].rest == "dua printer rusak");
  CHECK((*s)[7].rest == "halo dunia");
}

TEST_CASE("script: every mistake names its line and what was expected") {
  struct Case {
    const char* text;
    const char* needle;
  } cases[] = {
      {"call-next\nfly away\n", "line 2"},
      {"sign-in two demo1 1234\n", "loket 1..999"},
      {"sign-in 2 demo1\n", "sign-in LOKET STAFF PIN"},
      {"finish now\n", "takes nothing"},
      {"transfer somewhere C\n", "transfer service CODE"},
      {"transfer loket x\n", "1..999"},
      {"report printers broken\n", "degraded|down"},
      {"key F13\n", "key KEY"},
      {"press jump\n", "press ACTION"},
      {"lang fr\n", "lang id or lang en"},
      {"sleep -1\n", "MILLISECONDS"},
      {"wait-online 0\n", "1..600"},
      {"type\n", "type TEXT"},
  };
  for (const Case& c : cases) {
    auto s = parse_script(c.text);
    INFO(c.text);
    REQUIRE_FALSE(s.ok());
    CHECK(s.error().code == "bad_script");
    CHECK(s.error().reason.find(c.needle) != std::string::npos);
  }
}

TEST_CASE("strings: every counter key used by the console exists in both languages") {
  int counter_keys = 0;
  for (std::string_view k : all_string_keys()) {
    if (k.rfind("counter.", 0) != 0) continue;
    ++counter_keys;
    CHECK_FALSE(tr(k, Lang::id).empty());
    CHECK_FALSE(tr(k, Lang::en).empty());
  }
  CHECK(counter_keys > 100);
}

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

TEST_CASE("strings: every counter.* key named in the counter's sources is in the table") {
  const std::regex key_re("\"(counter\\.[a-z_.]+)\"");
  int found = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ANTRIAN_COUNTER_SRC_DIR)) {
    if (!entry.is_regular_file()) continue;
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".h") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string s = text.str();
    for (std::sregex_iterator it(s.begin(), s.end(), key_re), end; it != end; ++it) {
      const std::string key = (*it)[1];
      if (key.back() == '.') continue;  // a prefix built on, e.g. "counter.error." + code
      ++found;
      INFO(entry.path().string(), ": ", key);
      CHECK(has_string(key));
    }
  }
  CHECK(found > 100);
}
