// End to end: a real hub (antrian-server on ephemeral ports), calls made with
// antrian-ctl, and the real antrian-display in --headless mode, read through the
// JSON lines it prints. No audio device (SDL_AUDIODRIVER names none), so every
// announcement is synthesised and reported without waiting for playback.
#include <doctest/doctest.h>

#include <chrono>
#include <thread>

#include "display_process.h"
#include "hub_process.h"

using namespace std::chrono;
using antrian::display::test::DisplayProcess;
using antrian::display::test::is_speech;
using antrian::display::test::is_view_where;
using antrian::test::HubProcess;
using antrian::test::run_ctl;
using antrian::test::TempDir;
using json = nlohmann::json;

namespace {

const std::vector<std::pair<std::string, std::string>> kNoAudio = {{"SDL_AUDIODRIVER", "none-for-tests"}};

void ctl(const HubProcess& hub, std::vector<std::string> args) {
  const auto r = run_ctl(hub, args);
  INFO("antrian-ctl ", args.front(), ": ", r.out, r.err);
  REQUIRE(r.exit_code == 0);
}

DisplayProcess headless(const HubProcess& hub, std::vector<std::string> extra = {},
                        std::vector<std::pair<std::string, std::string>> env = kNoAudio) {
  std::vector<std::string> args = {"--headless", "--hub", hub.address()};
  for (const std::string& k : hub.key_args("display", "display-e2e")) args.push_back(k);
  args.insert(args.end(), extra.begin(), extra.end());
  return DisplayProcess(args, env);
}

auto online = is_view_where([](const json& v) { return v.at("link") == "online"; });
auto offline = is_view_where([](const json& v) { return v.at("link") == "offline"; });

auto newest_is(std::string ticket, int loket) {
  return is_view_where([=](const json& v) {
    return v.at("newest").is_object() && v.at("newest").at("ticket") == ticket && v.at("newest").at("loket") == loket;
  });
}

double seconds_between(const DisplayProcess& d, std::size_t a, std::size_t b) {
  return duration<double>(d.lines()[b].at - d.lines()[a].at).count();
}

}  // namespace

TEST_CASE("a call made with antrian-ctl is shown and spoken, and a recall is marked, spoken again, not a new row") {
  TempDir dir;
  HubProcess hub(dir.path());
  ctl(hub, {"issue", "A"});
  ctl(hub, {"issue", "A"});
  DisplayProcess d = headless(hub);
  REQUIRE(d.wait_for([](const json& j) { return j.value("type", "") == "start"; }, 5000));
  const json start = d.lines().front().json;
  CHECK(start.at("audio") == "none");
  CHECK(start.at("audio_reason").get<std::string>().find("no audio output") != std::string::npos);
  REQUIRE(d.wait_for(online, 5000));
  // The hub learns that this display cannot be heard (an admin sees it like a kiosk's printer).
  bool reported = false;
  for (int i = 0; i < 40 && !reported; ++i) {
    const auto st = run_ctl(hub, {"--json", "state"});
    reported = st.out.find(R"("id":"display/audio","message":"no audio output)") != std::string::npos &&
               st.out.find(R"("state":"error")") != std::string::npos;
    if (!reported) std::this_thread::sleep_for(milliseconds(50));
  }
  CHECK(reported);

  ctl(hub, {"sign-in", "2", "demo1", "1234"});
  ctl(hub, {"call-next", "2"});
  const auto shown = d.wait_for(newest_is("A-001", 2), 3000);
  REQUIRE(shown);
  CHECK(d.lines()[*shown].json.at("newest").at("highlighted") == true);
  CHECK(d.lines()[*shown].json.at("lokets").at(1).at("ticket") == "A-001");
  REQUIRE(d.wait_for(is_speech("queued", "A-001", 0), 3000));
  const auto speaking = d.wait_for(is_speech("speaking", "A-001", 0), 3000);
  REQUIRE(speaking);
  CHECK(d.lines()[*speaking].json.at("text") == "Nomor antrian, A, nol, nol, satu, silakan menuju loket dua");
  const auto spoken = d.wait_for(is_speech("spoken", "A-001", 0), 5000);
  REQUIRE(spoken);
  const double seconds = d.lines()[*spoken].json.at("seconds");
  CHECK(seconds > 3.0);  // chime + a real synthesised sentence, not an empty buffer
  CHECK(seconds < 15.0);
  CHECK(d.lines()[*spoken].json.at("audible") == false);

  ctl(hub, {"recall", "2"});
  REQUIRE(d.wait_for(is_speech("queued", "A-001", 1), 3000));
  const auto recall_said = d.wait_for(is_speech("speaking", "A-001", 1), 3000);
  REQUIRE(recall_said);
  CHECK(d.lines()[*recall_said].json.at("text") ==
        "Panggilan ulang, nomor antrian, A, nol, nol, satu, silakan menuju loket dua");
  const auto marked = d.wait_for(is_view_where([](const json& v) { return v.at("lokets").at(1).at("recalls") == 1; }), 3000);
  REQUIRE(marked);
  const json& v = d.lines()[*marked].json;
  CHECK(v.at("lokets").size() == 8);  // one place per loket, the recall did not add one
  CHECK(v.at("lokets").at(1).at("ticket") == "A-001");
  CHECK(v.at("lokets").at(1).at("previous") == "");
  CHECK(d.stop() == 0);
}

TEST_CASE("hub restart: offline marker within the timeout, resync, no call lost or spoken twice") {
  TempDir dir;
  HubProcess hub(dir.path());
  for (int i = 0; i < 4; ++i) ctl(hub, {"issue", "C"});
  ctl(hub, {"sign-in", "4", "demo1", "1234"});
  ctl(hub, {"sign-in", "5", "demo2", "1234"});
  DisplayProcess d = headless(hub, {"--max-speech-age", "2"});
  REQUIRE(d.wait_for(online, 5000));
  ctl(hub, {"call-next", "4"});
  REQUIRE(d.wait_for(is_speech("spoken", "C-001"), 5000));

  // The hub dies: the display says so within the offline timeout (3 s after the last
  // heartbeat, which is at most 1 s old) and keeps the last state on screen.
  hub.kill9();
  const auto killed_at = steady_clock::now();
  const auto off = d.wait_for(offline, 6000, d.count());
  REQUIRE(off);
  const double to_offline = duration<double>(d.lines()[*off].at - killed_at).count();
  MESSAGE("offline marker after ", to_offline, " s");
  CHECK(to_offline <= 4.5);
  CHECK(d.lines()[*off].json.at("newest").at("ticket") == "C-001");
  CHECK(d.lines()[*off].json.at("link_text").get<std::string>().find("Terputus") == 0);

  // Back: online again, and the call made right after the restart arrives and is said.
  hub.restart();
  const auto restarted_at = steady_clock::now();
  const auto back = d.wait_for(online, 6000, *off);
  REQUIRE(back);
  const double to_online = duration<double>(d.lines()[*back].at - restarted_at).count();
  MESSAGE("online again ", to_online, " s after the hub restarted");
  CHECK(to_online < 3.0);
  ctl(hub, {"call-next", "5"});
  REQUIRE(d.wait_for(newest_is("C-002", 5), 3000));
  REQUIRE(d.wait_for(is_speech("spoken", "C-002"), 5000));
  CHECK(d.all(is_speech("queued", "C-001")).size() == 1);  // never again after the restart

  // A display that is stalled (its link backed up) gets a call only after it is old:
  // shown, but not spoken late.
  d.pause();
  ctl(hub, {"no-show", "4"});
  ctl(hub, {"call-next", "4"});
  std::this_thread::sleep_for(milliseconds(2600));
  d.resume();
  REQUIRE(d.wait_for(newest_is("C-003", 4), 4000));
  REQUIRE(d.wait_for(is_speech("stale", "C-003"), 4000));
  d.pump(500);
  CHECK(d.all(is_speech("speaking", "C-003")).empty());

  // A display started now shows every call of the day but speaks none of them.
  DisplayProcess late = headless(hub);
  const auto synced = late.wait_for(newest_is("C-003", 4), 5000);
  REQUIRE(synced);
  CHECK(late.lines()[*synced].json.at("lokets").at(4).at("ticket") == "C-002");
  late.pump(1000);
  CHECK(late.all([](const json& j) { return j.at("type") == "speech"; }).empty());
}

TEST_CASE("two displays at once, one per hall: each shows and speaks its own calls") {
  TempDir dir;
  HubProcess hub(dir.path());
  ctl(hub, {"issue", "A"});
  ctl(hub, {"issue", "D"});
  ctl(hub, {"sign-in", "1", "demo1", "1234"});
  ctl(hub, {"sign-in", "6", "demo2", "1234"});
  DisplayProcess ektp = headless(hub, {"--services", "A,B", "--title", "Ruang e-KTP", "--name", "display-ektp"});
  DisplayProcess kk = headless(hub, {"--lokets", "4,5,6,7", "--name", "display-kk"});
  REQUIRE(ektp.wait_for(online, 5000));
  REQUIRE(kk.wait_for(online, 5000));
  ctl(hub, {"call-next", "1"});
  ctl(hub, {"call-next", "6"});

  REQUIRE(ektp.wait_for(is_speech("spoken", "A-001"), 5000));
  REQUIRE(ektp.wait_for(is_speech("not_shown", "D-001"), 3000));
  REQUIRE(kk.wait_for(is_speech("spoken", "D-001"), 5000));
  REQUIRE(kk.wait_for(is_speech("not_shown", "A-001"), 3000));
  CHECK(ektp.all(is_speech("speaking", "D-001")).empty());
  CHECK(kk.all(is_speech("speaking", "A-001")).empty());

  const auto ev = ektp.wait_for(newest_is("A-001", 1), 1000);
  REQUIRE(ev);
  const json& v = ektp.lines()[*ev].json;
  CHECK(v.at("title") == "Ruang e-KTP");
  CHECK(v.at("services").size() == 2);
  CHECK(v.at("lokets").size() == 3);  // lokets 1-3 serve e-KTP
  const auto kv = kk.wait_for(newest_is("D-001", 6), 1000);
  REQUIRE(kv);
  CHECK(kk.lines()[*kv].json.at("lokets").size() == 4);
}

TEST_CASE("with an audio device, announcements play one after another and never overlap") {
  TempDir dir;
  HubProcess hub(dir.path());
  ctl(hub, {"issue", "A"});
  ctl(hub, {"issue", "A"});
  ctl(hub, {"sign-in", "1", "demo1", "1234"});
  ctl(hub, {"sign-in", "2", "demo2", "1234"});
  // SDL's dummy driver plays in real time without a sound card.
  DisplayProcess d = headless(hub, {"--volume", "30"}, {{"SDL_AUDIODRIVER", "dummy"}});
  REQUIRE(d.wait_for(online, 5000));
  CHECK(d.lines().front().json.at("audio") == "dummy");
  ctl(hub, {"call-next", "1"});
  ctl(hub, {"call-next", "2"});  // made while A-001 is being said
  const auto first = d.wait_for(is_speech("speaking", "A-001"), 3000);
  REQUIRE(first);
  const auto first_done = d.wait_for(is_speech("spoken", "A-001"), 15000, *first);
  REQUIRE(first_done);
  const auto second = d.wait_for(is_speech("speaking"), 3000, *first + 1);
  REQUIRE(second);
  CHECK(*second > *first_done);  // the second started only after the first ended
  CHECK(d.lines()[*second].json.at("ticket") == "A-002");
  const json& done = d.lines()[*first_done].json;
  CHECK(done.at("audible") == true);
  // Played in real time: the first took about as long as its audio.
  CHECK(seconds_between(d, *first, *first_done) >= done.at("seconds").get<double>() * 0.8);
  REQUIRE(d.wait_for(is_speech("spoken", "", 0), 15000, *second));
}

TEST_CASE("bad flags and config are refused with a reason, before anything starts") {
  TempDir dir;
  const std::string cfg = dir.path() + "/display.json";
  { std::FILE* f = std::fopen(cfg.c_str(), "w"); std::fputs("{\"volum\": 3}", f); std::fclose(f); }
  const std::vector<std::pair<std::vector<std::string>, std::string>> cases = {
      {{"--volume", "150"}, "volume"},
      {{"--services", "A,,B"}, "empty service code"},
      {{"--lokets", "0"}, "1 to 999"},
      {{"--hub", "localhost:5555"}, "tcp://HOST:PORT"},
      {{"--config", "/nonexistent/display.json"}, "/nonexistent/display.json"},
      {{"--config", cfg}, "unknown key \"volum\""},
      {{"--lang", "jv"}, "--lang"},
      {{"--window", "10x10"}, "--window"},
      {{"--speech-lang", "xx"}, "--speech-lang"},
      {{"--max-speech-age", "0"}, "max_speech_age_s"},
      {{"--headless", "--screenshot", "x.png"}, "--headless"},
      {{"--running-text", "fast"}, "running_text"},
      {{"--title", std::string(100, 'x')}, "title"},
  };
  for (const auto& [args, expect] : cases) {
    std::vector<std::string> argv = {ANTRIAN_DISPLAY_BIN};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = antrian::test::run_process(argv, 5000);
    INFO(args.front(), " -> ", r.err);
    CHECK(r.exit_code != 0);
    CHECK(r.err.find(expect) != std::string::npos);
  }
}
