// The real windowed program, headless through SDL's offscreen video driver: a
// screenshot against a hub with calls and a disruption shows them, and the
// automation output (--print-events) shows the same decisions as --headless.
#include <doctest/doctest.h>

#include <cstdint>
#include <filesystem>

#include "display_process.h"
#include "hub_process.h"

#include <stb/stb_image.h>  // Debian's libstb holds the implementation

using antrian::display::test::DisplayProcess;
using antrian::display::test::is_speech;
using antrian::display::test::is_view_where;
using antrian::test::HubProcess;
using antrian::test::run_ctl;
using antrian::test::TempDir;
using json = nlohmann::json;

namespace {

void ctl(const HubProcess& hub, std::vector<std::string> args) {
  const auto r = run_ctl(hub, args);
  INFO("antrian-ctl ", args.front(), ": ", r.out, r.err);
  REQUIRE(r.exit_code == 0);
}

void busy_morning(const HubProcess& hub) {
  ctl(hub, {"issue", "A"});
  ctl(hub, {"issue", "C"});
  ctl(hub, {"sign-in", "1", "demo1", "1234"});
  ctl(hub, {"sign-in", "4", "demo2", "1234"});
  ctl(hub, {"call-next", "1"});
  ctl(hub, {"call-next", "4"});
  ctl(hub, {"disruption-set", "siak", "down", "--message-id", "Server pusat tidak dapat diakses.",
            "--expected-minutes", "90"});
}

// Pixels close to an RGB colour.
int count_colour(const unsigned char* px, int w, int h, int r, int g, int b) {
  int n = 0;
  for (int i = 0; i < w * h; ++i) {
    const unsigned char* p = px + 4 * i;
    if (std::abs(p[0] - r) < 8 && std::abs(p[1] - g) < 8 && std::abs(p[2] - b) < 8) ++n;
  }
  return n;
}

}  // namespace

TEST_CASE("--screenshot renders the calls and the disruption banner (offscreen, 1280x720)") {
  TempDir dir;
  HubProcess hub(dir.path());
  busy_morning(hub);
  const std::string png = dir.path() + "/display.png";
  std::vector<std::string> args = {"--hub", hub.address(), "--window", "1280x720", "--screenshot", png, "--mute"};
  for (const std::string& k : hub.key_args("display", "display-gui")) args.push_back(k);
  DisplayProcess d(args,
                   {{"SDL_VIDEODRIVER", "offscreen"}, {"SDL_AUDIODRIVER", "none-for-tests"}});
  REQUIRE(d.wait_exit(20000) == 0);
  REQUIRE(std::filesystem::exists(png));
  int w = 0, h = 0, n = 0;
  unsigned char* px = stbi_load(png.c_str(), &w, &h, &n, 4);
  REQUIRE(px != nullptr);
  CHECK(w == 1280);
  CHECK(h == 720);
  // The disruption banner (palette::error) spans the width; the ticket numbers are
  // drawn in palette::highlight (or dark on it while the newest call blinks).
  const int red = count_colour(px, w, h, 0xB7, 0x1C, 0x1C);
  const int amber = count_colour(px, w, h, 0xFF, 0xD5, 0x4F);
  const int navy = count_colour(px, w, h, 0x0B, 0x1A, 0x2E);
  stbi_image_free(px);
  CHECK(red > 1280 * 40);   // a banner at least 40 px tall
  CHECK(amber > 2000);      // big ticket numbers (or the blinking panel)
  CHECK(navy > 1000);       // the background is still there
}

TEST_CASE("the windowed program shows and speaks a call (offscreen, --print-events)") {
  TempDir dir;
  HubProcess hub(dir.path());
  ctl(hub, {"issue", "B"});
  ctl(hub, {"sign-in", "3", "demo1", "1234"});
  std::vector<std::string> args = {"--hub", hub.address(), "--window", "960x540", "--print-events", "--stats", "--exit-after", "8"};
  for (const std::string& k : hub.key_args("display", "display-gui")) args.push_back(k);
  DisplayProcess d(args,
                   {{"SDL_VIDEODRIVER", "offscreen"}, {"SDL_AUDIODRIVER", "none-for-tests"}});
  REQUIRE(d.wait_for(is_view_where([](const json& v) { return v.at("link") == "online"; }), 6000));
  ctl(hub, {"call-next", "3"});
  const auto said = d.wait_for(is_speech("speaking", "B-001"), 4000);
  REQUIRE(said);
  CHECK(d.lines()[*said].json.at("text") == "Nomor antrian, B, nol, nol, satu, silakan menuju loket tiga");
  REQUIRE(d.wait_for(is_view_where([](const json& v) { return v.at("newest").at("ticket") == "B-001"; }), 2000));
  CHECK(d.wait_exit(10000) == 0);
  // --stats: the loop slept between changes instead of drawing continuously.
  const auto stats = d.all([](const json& j) { return j.contains("frames") && j.contains("cpu_percent"); });
  REQUIRE(stats.size() == 1);
  CHECK(stats.at(0).at("frames").get<int>() < 8 * 30);
}
