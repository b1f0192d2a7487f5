// A phone that leaves the hall's Wi-Fi never closes its stream: no FIN, no RST, the
// packets just stop. Before, its socket (and its place in the per-address stream
// limit) stayed until the kernel gave up resending, about 15 minutes, or at best until
// the stream timeout. The front's dead-peer timeout (antrian-front-listen) frees it
// within seconds. The drop is real: the phone is a process in a network of its own
// behind a veth pair whose link the test cuts (see phone_on_wifi.h).
#include <doctest/doctest.h>

#include <chrono>
#include <optional>
#include <string>
#include <thread>

#include "phone_on_wifi.h"
#include "web/front_status.h"
#include "web/nchan_socket.h"
#include "web_front.h"

using namespace antrian::test;
using namespace std::chrono;

namespace {

// Live streams the front holds now, as nchan counts them.
std::optional<long> streams_held(const FrontedHub& f) {
  antrian::web::NchanSocket socket(f.front.publish_socket());
  std::string body, error;
  if (!socket.get("/status/streams", body, error)) return std::nullopt;
  const auto figures = antrian::web::parse_nchan_status(body);
  if (!figures) return std::nullopt;
  return long(figures->subscribers);
}

}  // namespace

TEST_CASE("front: a phone whose Wi-Fi drops frees its streams and its TV slot within seconds") {
  // Before any thread starts: the test's own network, then the phone behind its Wi-Fi.
  const std::string why = enter_private_network();
  INFO(why);
  REQUIRE(why.empty());
  PhoneOnWifi phone;
  INFO(phone.error());
  REQUIRE(phone.error().empty());

  // One TV stream per address, so a held slot shows; a stream timeout far longer than
  // the test, so only the dead-peer timeout can free what the phone left behind.
  FrontedHub f({"ANTRIAN_WEB_TV_STREAMS_PER_ADDR=1", "ANTRIAN_WEB_STREAM_TIMEOUT=600s"}, "0.0.0.0");
  const std::string token = f.issue("A");
  f.command("sign_in", {{"counter", 1}, {"staff", "demo1"}, {"pin", "1234"}});
  SseReader nearby(f.front.port(), "/api/t/" + token + "/events", "127.0.0.2");  // stays in the hall
  REQUIRE(nearby.status() == 200);
  REQUIRE(!nearby.wait_for("ticket", "\"state\"", 3000).empty());
  const std::optional<long> before = streams_held(f);
  REQUIRE(before);

  // The phone follows its ticket, and shows the hall's display (one TV slot per address).
  CHECK(phone.open_stream(f.front.port(), "/api/t/" + token + "/events") == 200);
  CHECK(phone.open_stream(f.front.port(), "/api/display/events") == 200);
  CHECK(phone.open_stream(f.front.port(), "/api/display/events") == 503);  // its one slot is taken
  CHECK(streams_held(f) == *before + 2);

  REQUIRE(phone.wifi(false));
  const auto dropped = steady_clock::now();
  std::optional<long> held;
  while (steady_clock::now() - dropped < 45s) {
    held = streams_held(f);
    if (held == *before) break;
    std::this_thread::sleep_for(200ms);
  }
  const double freed_after_s = duration<double>(steady_clock::now() - dropped).count();
  INFO("streams held " << (held ? *held : -1) << " (before the phone: " << *before << "), " << freed_after_s
                       << " s after the drop");
  MESSAGE("the vanished phone's streams were freed " << freed_after_s << " s after its Wi-Fi dropped");
  CHECK(held == *before);
  CHECK(freed_after_s < 20);  // dead peer after 10 s without an acknowledgement

  // Back on the Wi-Fi, the display gets its slot at once (before, 503 until the timeout).
  REQUIRE(phone.wifi(true));
  CHECK(phone.open_stream(f.front.port(), "/api/display/events") == 200);
  // The stream that stayed is untouched: the next call reaches it.
  f.command("call_next", {{"counter", 1}});
  CHECK(!nearby.wait_for("ticket", "\"state\":\"called\"", 3000).empty());
}
