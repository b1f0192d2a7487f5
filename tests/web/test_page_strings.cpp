// Every string key the pages use is in the strings table (a typo would show the key
// itself on a citizen's phone), and the page renderer fills and escapes them.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "antrian/strings.h"
#include "web/page_renderer.h"

using namespace antrian;

TEST_CASE("pages: every string key in the pages and scripts exists in both languages") {
  const std::regex quoted(R"(['"]((web|state|status|priority|counter_state|common)\.[a-z0-9_.]+)['"])");
  const std::regex placeholder(R"(\{\{(id|en):([^}]+)\}\})");
  int keys = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(ANTRIAN_WEB_ROOT)) {
    const std::string ext = entry.path().extension().string();
    if (ext != ".html" && ext != ".js") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    for (std::sregex_iterator it(text.begin(), text.end(), quoted), end; it != end; ++it) {
      const std::string key = (*it)[1];
      if (key.back() == '.' || key.find(".js") != std::string::npos) continue;  // a prefix completed at run time
      CAPTURE(entry.path().filename().string());
      CAPTURE(key);
      CHECK(has_string(key));
      ++keys;
    }
    for (std::sregex_iterator it(text.begin(), text.end(), placeholder), end; it != end; ++it) {
      CAPTURE(entry.path().filename().string());
      CHECK(has_string((*it)[2].str()));
      ++keys;
    }
  }
  CHECK(keys > 150);
  // Keys completed at run time.
  for (const char* k : {"web.level.down", "web.level.degraded", "web.notice.degraded", "web.notice.halted",
                        "web.status.end.done", "web.status.end.no_show", "web.status.end.cancelled",
                        "web.status.end.transferred", "state.waiting", "status.halted", "counter_state.paused",
                        "web.contact.hint", "web.contact.saved", "web.comeback_page.contact.hint",
                        "web.comeback_page.contact.saved"})
    CHECK(has_string(k));
}

TEST_CASE("pages: placeholders are filled from the table and escaped") {
  CHECK(web::PageRenderer::fill("<b>{{id:web.signin.submit}}</b>/{{en:web.signin.submit}}") == "<b>Masuk</b>/Sign in");
  CHECK(web::PageRenderer::fill("{{not ours}}") == "{{not ours}}");
  const std::string strings = web::PageRenderer::strings_json();
  CHECK(strings.find("\"web.status.called\"") != std::string::npos);
  CHECK(strings.find('<') == std::string::npos);  // cannot close the <script> it sits in
  CHECK(strings.find("\"kiosk.") == std::string::npos);  // only the rows the pages need
}
