// parse_script: every line checked before anything runs.
#include <charconv>
#include <set>
#include <sstream>

#include "antrian/counter/script.h"

namespace antrian::counter {
namespace {

// Splits off the first `words` whitespace-separated words; the remainder (trimmed)
// goes to rest.
std::vector<std::string> split_words(std::string_view line, std::size_t words, std::string& rest) {
  std::vector<std::string> out;
  std::size_t i = 0;
  auto skip_space = [&] { while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i; };
  while (out.size() < words) {
    skip_space();
    if (i >= line.size()) break;
    const std::size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    out.emplace_back(line.substr(start, i - start));
  }
  skip_space();
  std::size_t end = line.size();
  while (end > i && (line[end - 1] == ' ' || line[end - 1] == '\t' || line[end - 1] == '\r')) --end;
  rest = std::string(line.substr(i, end - i));
  return out;
}

bool whole_number(const std::string& s, int64_t min, int64_t max) {
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc{} && p == s.data() + s.size() && v >= min && v <= max;
}

Error line_error(int line, const std::string& source, const std::string& what) {
  return make_error("bad_script", "script line " + std::to_string(line) + " (\"" + source + "\"): " + what);
}

const std::set<std::string> kNoArgs = {"call-next", "recall", "start", "finish", "no-show", "pause", "resume", "sign-out"};

}  // namespace

Result<std::vector<ScriptStep>> parse_script(std::string_view text) {
  std::vector<ScriptStep> steps;
  std::istringstream in{std::string(text)};
  std::string raw;
  int number = 0;
  while (std::getline(in, raw)) {
    ++number;
    std::string rest;
    const auto hash = raw.find('#');
    const std::string line = hash == std::string::npos ? raw : raw.substr(0, hash);
    auto head = split_words(line, 1, rest);
    if (head.empty()) continue;
    ScriptStep s;
    s.line = number;
    s.verb = head[0];
    s.source = line.substr(0, line.find_last_not_of(" \t\r") + 1);
    s.source = s.source.substr(s.source.find_first_not_of(" \t"));
    auto fail = [&](const std::string& what) { return line_error(number, s.source, what); };
    auto words = [&](std::size_t n) { return split_words(rest, n, s.rest); };
    const std::string& v = s.verb;

    if (kNoArgs.count(v)) {
      if (!rest.empty()) return fail(v + " takes nothing after it");
    } else if (v == "wait-online" || v == "wait-offline") {
      s.args = words(1);
      if (!s.rest.empty() || (!s.args.empty() && !whole_number(s.args[0], 1, 600)))
        return fail("expected an optional number of seconds 1..600");
    } else if (v == "sign-in") {
      s.args = words(3);
      if (s.args.size() != 3 || !s.rest.empty() || !whole_number(s.args[0], 1, 999))
        return fail("expected: sign-in LOKET STAFF PIN (loket 1..999)");
    } else if (v == "call") {
      s.args = words(1);
      if (s.args.size() != 1 || !s.rest.empty()) return fail("expected: call LABEL (like A-007)");
    } else if (v == "transfer") {
      s.args = words(2);
      if (s.args.size() != 2 || (s.args[0] != "service" && s.args[0] != "loket"))
        return fail("expected: transfer service CODE [NOTE] or transfer loket N [NOTE]");
      if (s.args[0] == "loket" && !whole_number(s.args[1], 1, 999)) return fail("the loket must be a number 1..999");
    } else if (v == "report") {
      s.args = words(2);
      if (s.args.size() != 2 || (s.args[1] != "degraded" && s.args[1] != "down"))
        return fail("expected: report RESOURCE degraded|down [MESSAGE]");
    } else if (v == "press") {
      s.args = words(1);
      if (s.args.size() != 1 || !s.rest.empty() || !parse_action(s.args[0]))
        return fail("expected: press ACTION (call_next, recall, start, finish, no_show, transfer, call_selected, "
                    "pause, resume, report_disruption, toggle_lang, sign_out)");
    } else if (v == "key") {
      s.args = words(1);
      if (s.args.size() != 1 || !s.rest.empty() || !parse_key(s.args[0]))
        return fail("expected: key KEY (F1..F12, Up, Down, Left, Right, PageUp, PageDown, Home, End, Enter, Esc, "
                    "Backspace, Tab, Space, Ctrl+1..Ctrl+9)");
    } else if (v == "type") {
      s.rest = rest;
      if (s.rest.empty()) return fail("expected: type TEXT");
    } else if (v == "lang") {
      s.args = words(1);
      if (s.args.size() != 1 || !s.rest.empty() || (s.args[0] != "id" && s.args[0] != "en"))
        return fail("expected: lang id or lang en");
    } else if (v == "sleep") {
      s.args = words(1);
      if (s.args.size() != 1 || !s.rest.empty() || !whole_number(s.args[0], 0, 600'000))
        return fail("expected: sleep MILLISECONDS (0..600000)");
    } else if (v == "wait-called") {
      s.args = words(2);
      if (s.args.empty() || !s.rest.empty() || (s.args.size() == 2 && !whole_number(s.args[1], 1, 600)))
        return fail("expected: wait-called LABEL [SECONDS 1..600]");
    } else if (v == "expect-current") {
      s.args = words(1);
      if (s.args.size() != 1 || !s.rest.empty()) return fail("expected: expect-current LABEL or expect-current none");
    } else if (v == "expect-refused") {
      s.args = words(1);
      if (!s.rest.empty()) return fail("expected: expect-refused [CODE]");
    } else {
      return fail("unknown step \"" + v + "\"");
    }
    steps.push_back(std::move(s));
  }
  return steps;
}

}  // namespace antrian::counter
