// Disruptions end to end: a probe target on loopback goes down and up and the hub
// declares and clears the disruption by itself; refusals past capacity are logged;
// the simulator's manual clock is refused on a real-clock hub.
#include <doctest/doctest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <algorithm>
#include <mutex>

#include "antrian/hub_client.h"
#include "antrian/office_config.h"
#include "antrian/office_time.h"
#include "antrian/service_health.h"
#include "eventually.h"
#include "hub_process.h"

using namespace antrian;
using namespace antrian::test;
using nlohmann::json;

namespace {

// A TCP port that accepts connections while it is "up": the fake central server.
class FakeEndpoint {
 public:
  FakeEndpoint() { up(); }
  ~FakeEndpoint() { down(); }
  void up() {
    // CLOEXEC: a hub forked later must not inherit (and keep open) this socket.
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(uint16_t(port_));
    REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    REQUIRE(::listen(fd_, 64) == 0);
    socklen_t len = sizeof a;
    ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
    port_ = ntohs(a.sin_port);
  }
  void down() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }
  int port() const { return port_; }

 private:
  int fd_ = -1;
  int port_ = 0;
};

std::string config_with_probe(const TempDir& dir, int port) {
  json cfg = json::parse(default_office_json());
  cfg["probes"] = json::array({{{"resource", "siak"}, {"check", "tcp://127.0.0.1:" + std::to_string(port)},
                                {"interval_ms", 100}, {"timeout_ms", 200}, {"fail_after", 3}, {"recover_after", 2},
                                {"message_id", "Server pusat tidak menjawab"}, {"message_en", "Central server not answering"}}});
  const std::string path = dir.path() + "/office.json";
  std::ofstream(path) << cfg.dump();
  return path;
}

}  // namespace

TEST_CASE("the fake central server dies: the hub declares the disruption, and clears it when it is back") {
  TempDir dir;
  FakeEndpoint central;
  HubProcess hub(dir.path() + "/data", {"--config", config_with_probe(dir, central.port())});
  HubClient display(hub.client_options("display", "hall"));
  std::mutex mu;
  std::vector<std::string> seen;
  display.on_event([&](const Event& e, bool) {
    std::lock_guard l(mu);
    seen.push_back(e.type + " " + e.actor);
  });
  REQUIRE(eventually([&] { return display.synced(); }));
  auto status = [&](const char* s) { return display.with_state([&](const OfficeState& st) { return service_health(st, s).status; }); };
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  CHECK(status("A") == ServiceStatus::normal);  // answering: nothing declared

  central.down();
  REQUIRE(eventually([&] { return status("A") == ServiceStatus::halted; }, std::chrono::milliseconds(5000)));
  CHECK(status("B") == ServiceStatus::halted);
  CHECK(status("C") == ServiceStatus::normal);
  display.with_state([](const OfficeState& st) {
    const Disruption& d = st.disruptions.begin()->second;
    CHECK(d.message_id == "Server pusat tidak menjawab");
    CHECK(d.declared_by == "admin:probe:siak");
  });
  central.up();
  REQUIRE(eventually([&] { return status("A") == ServiceStatus::normal; }, std::chrono::milliseconds(5000)));
  std::lock_guard l(mu);
  CHECK(std::count(seen.begin(), seen.end(), "disruption_declared admin:probe:siak") == 1);
  CHECK(std::count(seen.begin(), seen.end(), "disruption_cleared admin:probe:siak") == 1);
}

TEST_CASE("a ticket refused for quota is refused with the alternative, and logged") {
  TempDir dir;
  json cfg = json::parse(default_office_json());
  cfg["services"][1]["daily_quota"] = 1;  // B, e-KTP printing
  std::ofstream(dir.path() + "/office.json") << cfg.dump();
  HubProcess hub(dir.path() + "/data", {"--config", dir.path() + "/office.json"});
  HubClient kiosk(hub.client_options("kiosk", "kiosk-1", false));
  REQUIRE(kiosk.request("issue", {{"service", "B"}}).ok);
  auto refused = kiosk.request("issue", {{"service", "B"}});
  REQUIRE_FALSE(refused.ok);
  CHECK(refused.error.code == "quota_exhausted");
  CHECK(refused.error.reason.find("surat keterangan") != std::string::npos);
  auto snap = kiosk.request("snapshot");
  CHECK(snap.result["state"]["refused_today"]["B"] == 1);
  CHECK(snap.result["state"]["tickets"].size() == 1);
  CHECK(kiosk.request("issue", {{"service", "C"}}).ok);
}

TEST_CASE("clock_set works only on a hub started with --manual-clock") {
  TempDir dir;
  HubProcess real(dir.path() + "/a");
  HubClient admin(real.client_options("admin", "sim", false));
  auto refused = admin.request("clock_set", {{"now", real_now_ms() + 60'000}});
  REQUIRE_FALSE(refused.ok);
  CHECK(refused.error.code == "forbidden");
  const int64_t start = 1'795'399'200'000;  // Monday 09:00 WIB
  HubProcess sim(dir.path() + "/b", {"--manual-clock", "--clock-start", std::to_string(start)});
  HubClient sim_admin(sim.client_options("admin", "sim", false));
  auto t = sim_admin.request("issue", {{"service", "A"}});
  CHECK(t.result["ticket"]["issued_at"] == start);
  REQUIRE(sim_admin.request("clock_set", {{"now", start + 3'600'000}}).ok);
  CHECK(sim_admin.request("issue", {{"service", "A"}}).result["ticket"]["issued_at"] == start + 3'600'000);
  auto back = sim_admin.request("clock_set", {{"now", start}});
  REQUIRE_FALSE(back.ok);
  CHECK(back.error.reason.find("not before") != std::string::npos);
  auto fail = run_process({ANTRIAN_SERVER_BIN, "--data-dir", dir.path() + "/c", "--manual-clock"});
  CHECK(fail.exit_code == 2);
  CHECK(fail.err.find("--clock-start") != std::string::npos);
}

TEST_CASE("bulk move: every waiting ticket of a halted service goes to its alternative, history kept") {
  TempDir dir;
  HubProcess hub(dir.path());
  CHECK(run_ctl(hub, {"issue", "B", "--priority", "lansia"}).exit_code == 0);
  CHECK(run_ctl(hub, {"issue", "B"}).exit_code == 0);
  CHECK(run_ctl(hub, {"issue", "C"}).exit_code == 0);
  CHECK(run_ctl(hub, {"resource-set", "printers", "--working", "0"}).exit_code == 0);
  auto moved = run_ctl(hub, {"--json", "bulk-move", "B", "--to-service", "F", "--reason", "printer rusak: surat keterangan"});
  REQUIRE(moved.exit_code == 0);
  CHECK(json::parse(moved.out)["result"]["moved"] == 2);
  auto state = json::parse(run_ctl(hub, {"--json", "state"}).out)["result"]["state"];
  int in_f = 0;
  for (const json& t : state["tickets"]) {
    if (t["service"] == "F" && t["state"] == "waiting") {
      ++in_f;
      CHECK(t["prefix"] == "B");
      CHECK(t["transferred_from"].get<int64_t>() > 0);
      CHECK(t["history"].front()["what"] == "issued");
      CHECK(t["history"].back()["what"] == "transferred");
      CHECK(t["history"].back()["note"] == "printer rusak: surat keterangan");
    }
    if (t["service"] == "B") CHECK(t["state"] == "transferred");
  }
  CHECK(in_f == 2);
  // Nothing left to move: a second press changes nothing; no reason and no target is refused.
  CHECK(json::parse(run_ctl(hub, {"--json", "bulk-move", "B", "--to-service", "F"}).out)["result"]["moved"] == 0);
  CHECK(run_ctl(hub, {"bulk-move", "C"}).exit_code == 1);
}
