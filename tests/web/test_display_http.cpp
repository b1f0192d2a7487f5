// The browser display's data, filters, live stream and spoken calls.
#include "eventually.h"
#include "live_stream.h"
#include "web_fixture.h"

using namespace antrian::test;

namespace {

int64_t last_call_seq(WebHub& w, const std::string& query = "") {
  json v = w.get_json("/api/display" + query)["view"];
  return v["calls"].empty() ? 0 : v["calls"].back()["seq"].get<int64_t>();
}

}  // namespace

TEST_CASE("display: the newest call, the loket tiles, the services and the announcement") {
  WebHub w;
  w.issue("A");
  w.issue("C");
  w.command("sign_in", {{"counter", 2}, {"staff", "demo1"}, {"pin", "1234"}});
  w.command("call_next", {{"counter", 2}});
  w.command("announcement_set", {{"text", "Selamat datang"}});
  REQUIRE(eventually([&] { return last_call_seq(w) > 0; }));
  json v = w.get_json("/api/display")["view"];
  CHECK(v["newest"]["label"] == "A-001");
  CHECK(v["newest"]["loket_name"] == "Loket 2");
  CHECK(v["lokets"].size() == 8);
  CHECK(v["lokets"][1]["label"] == "A-001");
  CHECK(v["lokets"][1]["state"] == "open");
  CHECK(v["services"].size() == 6);
  CHECK(v["services"][2]["code"] == "C");
  CHECK(v["services"][2]["waiting"] == 1);
  CHECK(v["announcement"] == "Selamat datang");
  CHECK(v["calls"].back()["label"] == "A-001");
  CHECK(v["problems"].empty());
}

TEST_CASE("display: filters as antrian-display's — bad filters are 400, unknown entries are named") {
  WebHub w;
  w.issue("A");
  w.command("sign_in", {{"counter", 4}, {"staff", "demo1"}, {"pin", "1234"}});
  w.issue("C");
  w.command("call_next", {{"counter", 4}});
  json v = w.get_json("/api/display?services=A,B")["view"];
  CHECK(v["services"].size() == 2);
  CHECK(v["newest"].is_null());  // the call was for C
  for (const json& l : v["lokets"]) CHECK(l["number"].get<int>() <= 3);  // lokets serving A or B
  v = w.get_json("/api/display?lokets=4")["view"];
  REQUIRE(v["lokets"].size() == 1);
  CHECK(v["lokets"][0]["label"] == "C-001");
  v = w.get_json("/api/display?services=Z&lokets=99")["view"];
  CHECK(v["problems"].size() == 2);
  for (const char* bad : {"/api/display?services=a", "/api/display?lokets=x", "/api/display?lokets=0",
                          "/api/display?services=ABCD", "/display?lokets=1;2"}) {
    auto r = w.http.Get(bad);
    REQUIRE(r);
    INFO(bad);
    CHECK(r->status == 400);
  }
}

TEST_CASE("display: each call's audio is a WAV synthesised on the hub — other numbers are 404") {
  WebHub w;
  w.issue("A");
  w.command("sign_in", {{"counter", 3}, {"staff", "demo1"}, {"pin", "1234"}});
  w.command("call_next", {{"counter", 3}});
  REQUIRE(eventually([&] { return last_call_seq(w) > 0; }));
  const int64_t seq = last_call_seq(w);
  auto r = w.http.Get(("/display/audio/" + std::to_string(seq) + ".wav").c_str());
  REQUIRE(r);
  REQUIRE(r->status == 200);
  CHECK(r->get_header_value("Content-Type") == "audio/wav");
  REQUIRE(r->body.size() > 44 + 22050 * 2);  // the chime alone is over a second
  CHECK(r->body.substr(0, 4) == "RIFF");
  CHECK(r->body.substr(8, 4) == "WAVE");
  // Not silence: the phrase after the chime has real samples.
  const auto* pcm = reinterpret_cast<const int16_t*>(r->body.data() + 44);
  const std::size_t n = (r->body.size() - 44) / 2;
  int loud = 0;
  for (std::size_t i = n / 2; i < n; ++i) loud += std::abs(pcm[i]) > 1000;
  CHECK(loud > 1000);
  // A recall is a new event with its own audio.
  w.command("recall", {{"counter", 3}});
  REQUIRE(eventually([&] { return last_call_seq(w) > seq; }));
  json calls = w.get_json("/api/display")["view"]["calls"];
  CHECK(calls.back()["recalls"] == 1);

  for (const char* bad : {"/display/audio/999999.wav", "/display/audio/1.wav", "/display/audio/x.wav"}) {
    auto b = w.http.Get(bad);
    REQUIRE(b);
    INFO(bad);
    CHECK(b->status == 404);
  }
}

TEST_CASE("display: the live stream carries a declared disruption without a reload") {
  WebHub w;
  LiveStream stream(w.hub.http_port(), "/api/display/events?services=A,B");
  REQUIRE(eventually([&] { return stream.has("event: display"); }));
  w.command("disruption_set", {{"resource", "siak"}, {"level", "down"}, {"message_id", "SIAK pusat putus"}});
  CHECK(eventually([&] { return stream.has("SIAK pusat putus"); }));
  stream.close([&] { w.command("announcement_set", {{"text", "x"}}); });
}
