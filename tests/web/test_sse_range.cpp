// A live stream asked for byte ranges is refused at once (416) instead of a
// multipart answer that held a thread on a stream nobody could read (the HTTP fuzzer's
// find: GET /api/display/events with "Range: bytes=0-10,20-30").
#include "web_fixture.h"

using namespace antrian::test;

TEST_CASE("streams: a live stream with a Range header is refused with the reason, at once") {
  WebHub w;
  const auto t0 = std::chrono::steady_clock::now();
  auto r = w.http.Get("/api/display/events", httplib::Headers{{"Range", "bytes=0-10,20-30"}});
  REQUIRE(r);
  CHECK(r->status == 416);
  CHECK(r->body.find("Range") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
  // Ranges still work where they make sense (a static file).
  auto js = w.http.Get("/static/common.js", httplib::Headers{{"Range", "bytes=0-9"}});
  REQUIRE(js);
  CHECK(js->status == 206);
  CHECK(js->body.size() == 10);
}
