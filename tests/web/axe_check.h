#pragma once
// axe-core (npm, committed in tests/web/vendor/) run in a page of real headless
// Chromium: the WCAG 2.0/2.1 A and AA violations it finds, one line each ("" when none).
#include <doctest/doctest.h>

#include <chrono>
#include <fstream>
#include <sstream>
#include <string>

#include "webdriver.h"

namespace antrian::test {

inline std::string axe_source() {
  std::ifstream in(ANTRIAN_AXE_JS);
  std::stringstream ss;
  ss << in.rdbuf();
  REQUIRE(ss.str().size() > 100000);
  return ss.str();
}

inline std::string axe_violations(Browser& b) {
  b.exec(axe_source() + "\n;return true;");
  b.exec("window.__axe = undefined; axe.run(document, {runOnly: {type: 'tag', values: "
         "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}}).then(function (r) { window.__axe = r.violations; });"
         "return true;");
  REQUIRE(b.wait_for("window.__axe !== undefined", std::chrono::milliseconds(20000)));
  const nlohmann::json v = b.exec("return window.__axe.map(function (x) { return x.id + ' (' + x.impact + '): ' + "
                                  "x.nodes.map(function (n) { return n.target.join(' ') + ' ' + (n.failureSummary || '')"
                                  ".replace(/\\s+/g, ' ').slice(0, 160); }).join(' | '); });");
  std::string out;
  for (const auto& line : v) out += line.get<std::string>() + "\n";
  return out;
}

}  // namespace antrian::test
