// The web's error pages speak one language at a time: the Indonesian side says what
// happened in Indonesian (the error code's row of error_text.h or the page's own row),
// and the hub's English reason appears only inside lang="en", after the Indonesian.
#include <regex>

#include "web_fixture.h"

using namespace antrian;
using namespace antrian::test;

namespace {

// The page with every element marked lang="en" (and the <head>) taken out: what an
// Indonesian reader (and an Indonesian screen reader) gets.
std::string indonesian_side(std::string html) {
  html = std::regex_replace(html, std::regex(R"(<head>[\s\S]*?</head>)"), "");
  html = std::regex_replace(html, std::regex(R"re(<(p|span)[^>]*lang="en"[^>]*>[^<]*</\1>)re"), "");
  return std::regex_replace(html, std::regex(R"(<[^>]*>)"), " ");
}

struct Case {
  std::string path;
  int status;
  std::string id_words;  // the Indonesian detail the page must say
  std::string reason;    // a piece of the hub's English reason (or the English words)
};

}  // namespace

TEST_CASE("error pages: Indonesian words first, the hub's English reason only inside lang=\"en\"") {
  WebHub w;
  const httplib::Headers browser{{"Accept", "text/html,application/xhtml+xml"}};
  const std::vector<Case> cases = {
      {"/nothing/here", 404, "Alamat ini tidak ada di server antrian.", "there is no page /nothing/here"},
      {"/t/0123456789abcdef0123456789abcdef", 404, "Tidak ada tiket dengan kode ini.", "No ticket has this code."},
      {"/display?services=a1", 400, "Daftar layanan atau loket di alamat ini tidak sah.", "is not a service code"},
      {"/display?lokets=0", 400, "Daftar layanan atau loket di alamat ini tidak sah.", "is not a loket number"},
  };
  const int64_t before = w.seq();
  for (const Case& c : cases) {
    auto r = w.http.Get(c.path.c_str(), browser);
    REQUIRE(r);
    INFO(c.path << " -> " << r->status << " " << r->body);
    CHECK(r->status == c.status);
    CHECK(r->get_header_value("Content-Type").find("text/html") == 0);
    CHECK(r->body.find("<html lang=\"id\">") != std::string::npos);
    const std::string id = indonesian_side(r->body);
    CHECK(id.find(c.id_words) != std::string::npos);
    CHECK(id.find(c.reason) == std::string::npos);  // no English system text on the Indonesian side
    for (const char* english : {"not found", "Not found", "Page", "page", "ticket", "the ", "request"})
      CHECK_MESSAGE(id.find(english) == std::string::npos, "English on the Indonesian side: ", english);
    // The English side keeps the reason for staff, marked as English, after the Indonesian.
    const std::size_t reason_at = r->body.find(c.reason);
    REQUIRE(reason_at != std::string::npos);
    const std::size_t en_open = r->body.rfind("lang=\"en\"", reason_at);
    REQUIRE(en_open != std::string::npos);
    CHECK(r->body.find("</p>", en_open) > reason_at);  // the reason is inside that lang="en" element
    CHECK(r->body.find(c.id_words) < reason_at);
  }
  // Scripts still get the JSON with the reason; nothing changed on the hub.
  auto api = w.http.Get("/api/t/0123456789abcdef0123456789abcdef");
  REQUIRE(api);
  CHECK(api->status == 404);
  CHECK(json::parse(api->body)["reason"].get<std::string>().find("no ticket has this code") != std::string::npos);
  CHECK(w.seq() == before);
}

TEST_CASE("error pages: the rate-limit page says when to try again in Indonesian") {
  WebHub w;
  const httplib::Headers browser{{"Accept", "text/html"}};
  std::string body;
  int status = 0;
  for (int i = 0; i < 40 && status != 429; ++i) {  // unknown tokens have a small budget per address
    const std::string path = "/t/0123456789abcdef0123456789abcde" + std::string(1, "0123456789abcdef"[i % 16]);
    auto r = w.http.Get(path.c_str(), browser);
    REQUIRE(r);
    status = r->status;
    body = r->body;
  }
  REQUIRE(status == 429);
  const std::string id = indonesian_side(body);
  CHECK(std::regex_search(id, std::regex(R"(Coba lagi dalam \d+ detik\.)")));
  CHECK(id.find("try again") == std::string::npos);
}
