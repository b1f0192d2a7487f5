// Device keys: which role may send which command (written out here, not derived
// from the hub's table, so a change to either shows), counters bound to their loket,
// revoked and unknown keys, the key rules, and key files.
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "antrian/device_auth.h"
#include "antrian/device_keys.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
using nlohmann::json;
namespace cmd = antrian::proto::cmd;

namespace {

// Every command of protocol.h. A new command must be added here with its roles.
const std::vector<std::string_view> kAllCommands = {
    cmd::hello, cmd::snapshot, cmd::issue, cmd::call_next, cmd::call, cmd::recall, cmd::start, cmd::finish,
    cmd::no_show, cmd::transfer, cmd::cancel, cmd::bulk_move, cmd::clock_set, cmd::pause, cmd::resume,
    cmd::sign_in, cmd::sign_out, cmd::staff_set, cmd::service_set, cmd::counter_set, cmd::disruption_set,
    cmd::disruption_clear, cmd::resource_set, cmd::announcement_set, cmd::ticket_lookup, cmd::device_report,
    cmd::events_since, cmd::key_add, cmd::key_revoke, cmd::key_list};

const std::set<std::string_view> kEveryone = {cmd::hello, cmd::snapshot, cmd::ticket_lookup, cmd::events_since,
                                              cmd::device_report};

// What each role may send, besides kEveryone. Admins may send everything.
const std::map<std::string, std::set<std::string_view>> kExtra = {
    {"display", {}},
    {"kiosk", {cmd::issue}},
    {"counter", {cmd::call_next, cmd::call, cmd::recall, cmd::start, cmd::finish, cmd::no_show, cmd::transfer,
                 cmd::cancel, cmd::bulk_move, cmd::pause, cmd::resume, cmd::sign_in, cmd::sign_out,
                 cmd::disruption_set, cmd::disruption_clear}},
};

struct KeyedOffice : TestOffice {
  std::map<std::string, std::string> keys;  // role -> public key
  KeyedOffice() {
    for (auto [role, name, loket] : {std::tuple{"kiosk", "kiosk-1", 0}, {"display", "tv-1", 0},
                                     {"counter", "loket-2", 2}, {"admin", "admin-1", 0}}) {
      const std::string pub = generate_curve_keys().public_key;
      json args = {{"name", name}, {"role", role}, {"public_key", pub}};
      if (loket) args["counter"] = loket;
      ok(cmd::key_add, args);
      keys[role] = pub;
    }
  }
  Result<Ok> as(const std::string& key_role, std::string_view command, json args = json::object(),
                std::string claimed = "") {
    proto::Request r;
    r.id = "x";
    r.cmd = std::string(command);
    r.role = claimed.empty() ? key_role : claimed;
    r.args = std::move(args);
    return authorize_request(state, r, keys.at(key_role));
  }
};

}  // namespace

TEST_CASE("each role against each command: allowed exactly where the office expects") {
  KeyedOffice o;
  for (const std::string role : {"kiosk", "display", "counter", "admin"}) {
    for (std::string_view c : kAllCommands) {
      const bool expected = role == "admin" || kEveryone.count(c) || kExtra.at(role).count(c);
      // A counter's commands name its own loket (2); others carry no loket.
      const json args = role == "counter" ? json{{"counter", 2}} : json::object();
      auto r = o.as(role, c, args);
      INFO(role, " ", c, " -> ", r ? "allowed" : r.error().reason);
      CHECK(bool(r) == expected);
      if (!r) {
        CHECK(r.error().code == proto::err::forbidden);
        CHECK(r.error().reason.find(std::string(c)) != std::string::npos);
      }
    }
  }
}

TEST_CASE("a counter's key acts only for its own loket") {
  KeyedOffice o;
  CHECK(o.as("counter", cmd::call_next, {{"counter", 2}}));
  auto other = o.as("counter", cmd::call_next, {{"counter", 3}});
  REQUIRE_FALSE(other);
  CHECK(other.error().reason.find("belongs to loket 2") != std::string::npos);
  CHECK_FALSE(o.as("counter", cmd::sign_in, {{"counter", "2"}}));  // not even as text
  CHECK(o.as("admin", cmd::call_next, {{"counter", 3}}));          // admins act for any loket
  // A ticket called to another loket is not this loket's to cancel; a waiting one is.
  o.open(3);
  o.issue("A");  // called to loket 3 below
  const int64_t second = o.issue("A");
  const std::string at3 = o.call_next(3);
  auto cancel_other = o.as("counter", cmd::cancel, {{"ticket", at3}});
  REQUIRE_FALSE(cancel_other);
  CHECK(cancel_other.error().reason.find("at loket 3") != std::string::npos);
  CHECK_FALSE(o.as("counter", cmd::cancel, {{"ticket", o.state.counters.at(3).current_ticket}}));
  CHECK(o.as("counter", cmd::cancel, {{"ticket", second}}));
}

TEST_CASE("a key acts only as the role it was registered with") {
  KeyedOffice o;
  auto r = o.as("kiosk", cmd::call_next, {{"counter", 2}}, "counter");
  REQUIRE_FALSE(r);
  CHECK(r.error().code == proto::err::forbidden);
  CHECK(r.error().reason.find("registered as kiosk") != std::string::npos);
  CHECK_FALSE(o.as("display", cmd::snapshot, {}, "admin"));
  // The admin key is the office's master key: it may act as any role, with that role's rights.
  CHECK(o.as("admin", cmd::snapshot, {}, "display"));
  CHECK_FALSE(o.as("admin", cmd::issue, {{"service", "A"}}, "display"));
}

TEST_CASE("unknown and revoked keys may do nothing") {
  KeyedOffice o;
  proto::Request r{1, "x", std::string(cmd::hello), "kiosk", json::object()};
  auto unknown = authorize_request(o.state, r, generate_curve_keys().public_key);
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().code == proto::err::forbidden);
  CHECK(o.as("kiosk", cmd::hello));
  o.ok(cmd::key_revoke, {{"name", "kiosk-1"}});
  auto revoked = o.as("kiosk", cmd::hello);
  REQUIRE_FALSE(revoked);
  CHECK(revoked.error().reason.find("revoked") != std::string::npos);
  CHECK(find_active_key(o.state, o.keys["kiosk"]) == nullptr);
}

TEST_CASE("key_add and key_revoke refuse what would leave the office unsafe or confused") {
  KeyedOffice o;
  const std::string fresh = generate_curve_keys().public_key;
  o.refused(cmd::key_add, {{"name", "a b"}, {"role", "kiosk"}, {"public_key", fresh}}, proto::err::bad_request);
  o.refused(cmd::key_add, {{"name", "x"}, {"role", "root"}, {"public_key", fresh}}, proto::err::bad_request);
  o.refused(cmd::key_add, {{"name", "x"}, {"role", "kiosk"}, {"public_key", "short"}}, proto::err::bad_request);
  o.refused(cmd::key_add, {{"name", "x"}, {"role", "kiosk"}, {"public_key", std::string(40, ' ')}}, proto::err::bad_request);
  o.refused(cmd::key_add, {{"name", "x"}, {"role", "counter"}, {"public_key", fresh}}, proto::err::bad_request);
  o.refused(cmd::key_add, {{"name", "x"}, {"role", "counter"}, {"counter", 99}, {"public_key", fresh}}, proto::err::not_found);
  o.refused(cmd::key_add, {{"name", "x"}, {"role", "kiosk"}, {"counter", 1}, {"public_key", fresh}}, proto::err::bad_request);
  o.refused(cmd::key_add, {{"name", "kiosk-1"}, {"role", "kiosk"}, {"public_key", fresh}}, proto::err::illegal_state);
  o.refused(cmd::key_add, {{"name", "kiosk-2"}, {"role", "kiosk"}, {"public_key", o.keys["kiosk"]}}, proto::err::illegal_state);
  o.refused(cmd::key_revoke, {{"name", "nobody"}}, proto::err::not_found);
  // The last admin key stays: without it nobody could register or revoke anything.
  o.refused(cmd::key_revoke, {{"name", "admin-1"}}, proto::err::illegal_state);
  o.ok(cmd::key_add, {{"name", "admin-2"}, {"role", "admin"}, {"public_key", fresh}});
  o.ok(cmd::key_revoke, {{"name", "admin-1"}});
  o.refused(cmd::key_revoke, {{"name", "admin-1"}}, proto::err::illegal_state);
  // A revoked name may be given to a new key (a replaced kiosk PC keeps its name).
  o.ok(cmd::key_revoke, {{"name", "kiosk-1"}});
  o.ok(cmd::key_add, {{"name", "kiosk-1"}, {"role", "kiosk"}, {"public_key", generate_curve_keys().public_key}});
  CHECK_FALSE(o.state.device_keys.at("kiosk-1").revoked);
}

TEST_CASE("key files: written secret, read back, damaged ones refused with a reason") {
  char tmpl[] = "/tmp/antrian-keys-XXXXXX";
  const std::string dir = ::mkdtemp(tmpl);
  const KeyFile k{generate_curve_keys(), "loket-3", "counter", 3};
  REQUIRE(write_key_file(dir + "/loket-3.key", k, true));
  struct stat st{};
  REQUIRE(::stat((dir + "/loket-3.key").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  auto back = read_key_file(dir + "/loket-3.key", true);
  REQUIRE(back);
  CHECK(back->keys.public_key == k.keys.public_key);
  CHECK(back->keys.secret_key == k.keys.secret_key);
  CHECK(back->counter == 3);
  CHECK(back->role == "counter");
  CHECK_FALSE(write_key_file(dir + "/loket-3.key", k, true));  // never overwritten by accident
  // A public file is no device key; a secret that does not match is damage.
  REQUIRE(write_key_file(dir + "/pub.key", k, false));
  auto pub_only = read_key_file(dir + "/pub.key", true);
  REQUIRE_FALSE(pub_only);
  CHECK(pub_only.error().reason.find("only a public key") != std::string::npos);
  CHECK(read_public_key(dir + "/pub.key").value() == k.keys.public_key);
  CHECK(read_public_key(k.keys.public_key).value() == k.keys.public_key);
  std::ofstream(dir + "/bad.key") << "public-key = \"" << k.keys.public_key << "\"\nsecret-key = \""
                                  << generate_curve_keys().secret_key << "\"\n";
  auto bad = read_key_file(dir + "/bad.key", true);
  REQUIRE_FALSE(bad);
  CHECK(bad.error().reason.find("does not belong") != std::string::npos);
  CHECK_FALSE(read_key_file(dir + "/missing.key", true));
  CHECK(load_client_keys("", "x").error().reason.find("--key") != std::string::npos);
  CHECK(load_client_keys(dir + "/loket-3.key", "").error().reason.find("--hub-key") != std::string::npos);
  // The hub's pair is made once and then kept.
  auto hub1 = load_or_create_hub_keys(dir + "/hub");
  auto hub2 = load_or_create_hub_keys(dir + "/hub");
  REQUIRE(hub1);
  REQUIRE(hub2);
  CHECK(hub1->public_key == hub2->public_key);
  CHECK(read_public_key(dir + "/hub/hub.pub").value() == hub1->public_key);
  std::filesystem::remove_all(dir);
}
