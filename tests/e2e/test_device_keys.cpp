// Device keys against a real hub: each role's key against every command over the
// network, a counter outside its loket, unknown and plain clients, a wrong hub key,
// revocation cutting a live display off, and antrian-ctl's key commands.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <set>

#include "antrian/device_keys.h"
#include "antrian/hub_client.h"
#include "eventually.h"
#include "hub_process.h"
#include "raw_client.h"

using namespace antrian;
using namespace antrian::test;
using nlohmann::json;
namespace cmd = antrian::proto::cmd;

namespace {

HubClientOptions with_keys(const HubProcess& hub, ClientKeys keys, const std::string& role) {
  HubClientOptions o(hub.address(), role, "t", /*mirror=*/false, 800, 1);
  o.keys = std::move(keys);
  return o;
}

}  // namespace

TEST_CASE("over the network each role's key may send exactly its commands") {
  TempDir dir;
  HubProcess hub(dir.path());
  // Commands with arguments that are valid enough to reach the rules.
  const std::vector<std::pair<std::string_view, json>> commands = {
      {cmd::hello, {}}, {cmd::snapshot, {}}, {cmd::events_since, {{"seq", 0}}},
      {cmd::issue, {{"service", "A"}}}, {cmd::call_next, {{"counter", 2}}}, {cmd::pause, {{"counter", 2}}},
      {cmd::resume, {{"counter", 2}}}, {cmd::staff_set, {{"id", "x1"}, {"name", "X"}, {"pin", "123456"}}},
      {cmd::announcement_set, {{"text", "hi"}}}, {cmd::service_set, {{"code", "A"}, {"daily_quota", 500}}},
      {cmd::disruption_set, {{"resource", "network"}, {"level", "degraded"}}}, {cmd::key_list, {}},
      {cmd::device_report, {{"device", "x/printer"}, {"state", "ok"}}},
      {cmd::resource_set, {{"resource", "blangko"}, {"stock_add", 10}}}, {cmd::key_revoke, {{"name", "nobody"}}},
      {cmd::key_add, {{"name", "intruder"}, {"role", "admin"}, {"public_key", generate_curve_keys().public_key}}}};
  const std::map<std::string, std::set<std::string_view>> refused = {
      {"display", {cmd::issue, cmd::call_next, cmd::pause, cmd::resume, cmd::staff_set, cmd::announcement_set,
                   cmd::service_set, cmd::disruption_set, cmd::key_list, cmd::resource_set, cmd::key_revoke, cmd::key_add}},
      {"kiosk", {cmd::call_next, cmd::pause, cmd::resume, cmd::staff_set, cmd::announcement_set, cmd::service_set,
                 cmd::disruption_set, cmd::key_list, cmd::resource_set, cmd::key_revoke, cmd::key_add}},
      {"counter", {cmd::issue, cmd::staff_set, cmd::announcement_set, cmd::service_set, cmd::key_list,
                   cmd::resource_set, cmd::key_revoke, cmd::key_add}},
      {"admin", {}}};
  for (const auto& [role, no] : refused) {
    HubClient c(hub.client_options(role, "role-" + role, false, 1500, 2, role == "counter" ? 2 : 0));
    for (const auto& [command, args] : commands) {
      const proto::Reply r = c.request(command, args);
      INFO(role, " ", command, " -> ", r.ok ? "ok" : r.error.code + ": " + r.error.reason);
      CHECK((r.error.code == proto::err::forbidden) == (no.count(command) > 0));
      CHECK(r.error.code != proto::err::unreachable);
    }
  }
}

TEST_CASE("a counter's key is refused for another loket, the loket is untouched") {
  TempDir dir;
  HubProcess hub(dir.path());
  HubClient loket2(hub.client_options("counter", "loket-2", false, 1500, 2, 2));
  CHECK(loket2.request(cmd::sign_in, {{"counter", 2}, {"staff", "demo1"}, {"pin", "1234"}}).ok);
  const proto::Reply other = loket2.request(cmd::sign_in, {{"counter", 3}, {"staff", "demo2"}, {"pin", "1234"}});
  CHECK(other.error.code == proto::err::forbidden);
  CHECK(other.error.reason.find("belongs to loket 2") != std::string::npos);
  HubClient admin(hub.client_options("admin", "t", false));
  const json state = admin.request(cmd::snapshot).result["state"];
  for (const json& c : state["counters"])
    if (c["number"] == 3) CHECK(c["staff"] == "");
}

TEST_CASE("unknown keys, plain clients and a wrong hub key get nothing, the hub serves on") {
  TempDir dir;
  HubProcess hub(dir.path());
  const ClientKeys hub_side = load_client_keys(hub.admin_key_file(), hub.hub_key_file()).value();
  // A key pair nobody registered: refused at the handshake, said at once.
  const CurveKeyPair stranger = generate_curve_keys();
  HubClient unknown(with_keys(hub, {stranger.public_key, stranger.secret_key, hub_side.hub_public_key}, "admin"));
  const auto t0 = std::chrono::steady_clock::now();
  const proto::Reply r = unknown.request(cmd::issue, {{"service", "A"}});
  CHECK(r.error.code == proto::err::auth_failed);
  CHECK(r.error.reason.find("refused this device's key") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(1500));
  // The right key with another hub's public key: the handshake fails, the reason says so.
  const CurveKeyPair other_hub = generate_curve_keys();
  HubClient wrong(with_keys(hub, {hub_side.public_key, hub_side.secret_key, other_hub.public_key}, "admin"));
  const proto::Reply w = wrong.request(cmd::snapshot);
  CHECK_FALSE(w.ok);
  CHECK(w.error.reason.find("--hub-key") != std::string::npos);
  // No CURVE at all: no answer, ever.
  zmq::context_t ctx{1};
  zmq::socket_t plain(ctx, zmq::socket_type::dealer);
  plain.set(zmq::sockopt::linger, 0);
  plain.connect(hub.address());
  plain.send(zmq::buffer(json{{"v", 1}, {"id", "p1"}, {"cmd", "issue"}, {"role", "admin"}, {"args", {{"service", "A"}}}}.dump()),
             zmq::send_flags::dontwait);
  zmq::pollitem_t item{plain.handle(), 0, ZMQ_POLLIN, 0};
  CHECK(zmq::poll(&item, 1, std::chrono::milliseconds(1000)) == 0);
  // Nothing was issued by any of them, and the hub still answers its own devices.
  HubClient admin(hub.client_options("admin", "t", false));
  const proto::Reply snap = admin.request(cmd::snapshot);
  REQUIRE(snap.ok);
  CHECK(snap.result["state"]["tickets"].empty());
  CHECK_FALSE(snap.result["state"].contains("device_keys"));  // who holds which key is for key_list only
  CHECK(admin.request(cmd::key_list).result["keys"].size() >= 2);
}

TEST_CASE("revoking a key cuts a live display off, the others stay") {
  TempDir dir;
  HubProcess hub(dir.path());
  HubClient doomed(hub.client_options("display", "tv-doomed"));
  HubClient kept(hub.client_options("display", "tv-kept"));
  REQUIRE(eventually([&] { return doomed.synced() && kept.synced() && doomed.online(); }));
  REQUIRE(run_ctl(hub, {"key-revoke", "tv-doomed"}).exit_code == 0);
  // Its requests are refused at once; its event stream is cut, so it goes offline.
  const proto::Reply r = doomed.request(cmd::snapshot);
  CHECK(r.error.code == proto::err::forbidden);
  CHECK(eventually([&] { return !doomed.online(); }, std::chrono::milliseconds(6000)));
  // The other display follows a new ticket as before.
  REQUIRE(run_ctl(hub, {"issue", "A"}).exit_code == 0);
  CHECK(eventually([&] { return kept.online() && kept.with_state([](const OfficeState& s) { return s.tickets.size() == 1; }); }));
  CHECK(doomed.with_state([](const OfficeState& s) { return s.tickets.empty(); }));
}

TEST_CASE("antrian-ctl registers, lists and revokes keys, a refused key-add leaves no file") {
  TempDir dir;
  HubProcess hub(dir.path());
  const std::string file = dir.path() + "/kiosk-9.key";
  REQUIRE(run_ctl(hub, {"key-add", "kiosk-9", "--role", "kiosk", "--out", file}).exit_code == 0);
  CHECK(std::filesystem::exists(file));
  const std::vector<std::string> as_kiosk = {ANTRIAN_CTL_BIN, "--hub", hub.address(), "--key", file,
                                             "--hub-key", hub.hub_key_file()};
  auto issue = as_kiosk;
  issue.insert(issue.end(), {"issue", "A"});
  CHECK(run_process(issue).exit_code == 0);  // the role comes from the key file
  auto call = as_kiosk;
  call.insert(call.end(), {"call-next", "1"});
  auto refused = run_process(call);
  CHECK(refused.exit_code == 1);
  CHECK(refused.err.find("may not call_next") != std::string::npos);
  // The same name again is refused, and the file it would have written is gone.
  const std::string twice = dir.path() + "/twice.key";
  auto again = run_ctl(hub, {"key-add", "kiosk-9", "--role", "kiosk", "--out", twice});
  CHECK(again.exit_code == 1);
  CHECK_FALSE(std::filesystem::exists(twice));
  CHECK(run_ctl(hub, {"key-add", "loket-x", "--role", "counter", "--out", dir.path() + "/x.key"}).exit_code == 2);
  const json list = json::parse(run_ctl(hub, {"--json", "key-list"}).out);
  std::set<std::string> names;
  for (const json& k : list["result"]["keys"]) names.insert(k["name"].get<std::string>());
  CHECK(names.count("admin-local") == 1);
  CHECK(names.count("kiosk-9") == 1);
  CHECK(run_ctl(hub, {"key-revoke", "kiosk-9"}).exit_code == 0);
  auto after = run_process(issue);
  CHECK(after.exit_code == 1);
  CHECK(after.err.find("refused this device's key") != std::string::npos);
  CHECK(run_ctl(hub, {"key-revoke", "admin-local"}).exit_code == 1);  // the last admin key stays
}

TEST_CASE("the hub keeps its key pair across restarts, device keys survive a kill") {
  TempDir dir;
  HubProcess hub(dir.path());
  const std::string pub = read_public_key(hub.hub_key_file()).value();
  HubClient kiosk(hub.client_options("kiosk", "kiosk-1", false));
  REQUIRE(kiosk.request(cmd::issue, {{"service", "A"}}).ok);
  hub.kill9();
  hub.restart();
  CHECK(read_public_key(hub.hub_key_file()).value() == pub);
  HubClient again(hub.client_options("kiosk", "kiosk-1", false));
  CHECK(again.request(cmd::issue, {{"service", "A"}}).ok);
  // The log names the device by its key, not by the name it gives itself.
  HubClientOptions liar_opt = hub.client_options("kiosk", "kiosk-1", false);
  liar_opt.client_name = "admin-console";
  HubClient liar(liar_opt);
  const proto::Reply issued = liar.request(cmd::issue, {{"service", "A"}});
  REQUIRE(issued.ok);
  CHECK(issued.result["ticket"]["history"][0]["actor"] == "kiosk:kiosk-1");
  // A lost admin key file: whoever holds the data folder gets a new one at the next start.
  hub.terminate();
  std::filesystem::remove(hub.admin_key_file());
  hub.restart();
  CHECK(std::filesystem::exists(hub.admin_key_file()));
  CHECK(run_ctl(hub, {"state"}).exit_code == 0);
  CHECK(run_ctl(hub, {"key-list"}).out.find("admin-local-2") != std::string::npos);
}
