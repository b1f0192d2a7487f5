// Fuzz harness 1: the wire protocol. Any bytes can arrive on the hub's request port
// (and a client reads whatever comes back), so:
//   - decode_request and decode_reply must refuse garbage with a reason, never throw,
//     and what they accept must survive encode -> decode unchanged;
//   - a decoded request goes through the command rules, decide(), against a working
//     office (tickets waiting and called, lokets open, a disruption), so every
//     command's argument checks see hostile values; accepted events are applied to a
//     copy of the state and serialised as the store would;
//   - before decide(), authorize_request() with a registered device key of the role
//     the request claims (a counter's for the loket it names), as the hub does;
//   - the same bytes go to a real hub in this process over ZeroMQ (one frame, as a
//     client sends them), whose answer must be a valid reply: that covers what the hub
//     does around decide() (request ids, the store, replies). This socket uses the
//     hub's internal key (the one its web uses), so the hub skips authorize_request
//     there and every role's commands reach its rules; the key check is fuzzed above.
#include <zmq.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <string_view>

#include "antrian/commands.h"
#include "antrian/device_auth.h"
#include "antrian/device_keys.h"
#include "antrian/event.h"
#include "antrian/model_json.h"
#include "antrian/office_config.h"
#include "antrian/secrets.h"
#include "fuzz_hub.h"

namespace {

using namespace antrian;
using nlohmann::json;

[[noreturn]] void fail(const std::string& what, std::string_view input) {
  std::fprintf(stderr, "protocol fuzz: %s\ninput: %.*s\n", what.c_str(), int(std::min<size_t>(input.size(), 400)),
               input.data());
  std::abort();
}

// The office decide() is asked about: the default config, lokets 1, 4 and 8 signed
// in (1 serving, 4 idle, 8 calling), tickets of A, C, D and F waiting, the SIAK link
// down, device keys registered. Built with decide() itself, like the hub does.
struct PureOffice {
  OfficeState state;
  int n = 0;
  void apply(Event e) {
    e.seq = state.seq + 1;
    apply_event(state, e);
  }
  void run(std::string_view cmd, json args) {
    proto::Request r;
    r.id = "setup-" + std::to_string(++n);
    r.cmd = std::string(cmd);
    r.role = std::string(proto::role::admin);
    r.args = args;
    auto d = decide(state, r, CommandContext{fuzz::kMonday9am, r.role, "setup"});
    if (!d) fuzz::die("pure office: " + r.cmd + " " + args.dump() + ": " + d.error().reason);
    for (Event& e : d->events) apply(e);
  }
  PureOffice() {
    auto cfg = default_office_config();
    if (!cfg) fuzz::die("default office: " + cfg.error().reason);
    cfg->staff.clear();  // Argon2 is slow by design: one hash for everyone
    for (Event e : configure_office_events(state, *cfg, fuzz::kMonday9am)) apply(e);
    const std::string hash = hash_pin("1234");
    for (const char* id : {"ani", "budi", "citra"}) state.staff[id] = StaffMember{id, id, hash, true};
    if (auto day = day_rollover_event(state, fuzz::kMonday9am)) apply(*day);
    run("sign_in", {{"counter", 1}, {"staff", "ani"}, {"pin", "1234"}});
    run("sign_in", {{"counter", 4}, {"staff", "budi"}, {"pin", "1234"}});
    run("sign_in", {{"counter", 8}, {"staff", "citra"}, {"pin", "1234"}});
    for (const char* s : {"A", "A", "A", "C", "C", "C", "D", "F", "F"}) run("issue", {{"service", s}, {"priority", "reguler"}});
    run("issue", {{"service", "A"}, {"priority", "lansia"}});
    run("call_next", {{"counter", 1}});  // loket 1 serving, 4 idle with C and D waiting, 8 calling
    run("start", {{"counter", 1}});
    run("call_next", {{"counter", 8}});
    run("disruption_set", {{"resource", "siak"}, {"level", "down"}, {"message_id", "SIAK putus"}});
    for (const char* role : {"kiosk", "display", "admin"}) add_key(role, role, 0);
    for (int loket : {1, 4, 8}) add_key("counter-" + std::to_string(loket), "counter", loket);
  }
  void add_key(const std::string& key_of, const std::string& role, int counter) {
    keys[key_of] = generate_curve_keys().public_key;
    json args = {{"name", "fuzz-" + key_of}, {"role", role}, {"public_key", keys[key_of]}};
    if (counter) args["counter"] = counter;
    run("key_add", args);
  }
  // A registered device key per role; a counter's per loket ("counter-4").
  // The key a request comes with: its role's, a counter's for the loket it names when
  // one of 1, 4, 8 has a key (else loket 1's, so acting for another loket is refused).
  const std::string& key_for(const proto::Request& r) {
    if (r.role == proto::role::counter) {
      auto c = r.args.find("counter");
      auto k = c != r.args.end() && c->is_number_integer() ? keys.find("counter-" + std::to_string(c->get<int64_t>()))
                                                            : keys.end();
      return k != keys.end() ? k->second : keys["counter-1"];
    }
    auto k = keys.find(r.role);
    return k != keys.end() ? k->second : keys["kiosk"];
  }
  std::map<std::string, std::string> keys;
};

PureOffice* g_office = nullptr;
zmq::context_t* g_zmq = nullptr;
zmq::socket_t* g_dealer = nullptr;

// The hub answers these itself; every other known command goes to decide().
bool answered_by_hub(std::string_view cmd) {
  return cmd == proto::cmd::hello || cmd == proto::cmd::snapshot || cmd == proto::cmd::clock_set ||
         cmd == proto::cmd::events_since;
}

void check_request(std::string_view input) {
  auto req = proto::decode_request(input);
  if (!req) {
    if (req.error().reason.empty()) fail("decode_request refused without a reason", input);
    return;
  }
  auto again = proto::decode_request(proto::encode_request(*req));
  if (!again || again->id != req->id || again->cmd != req->cmd || again->role != req->role || again->args != req->args)
    fail("a decoded request does not survive encode -> decode", input);
  // What the hub checks before its rules (server/src/hub.cpp, Hub::answer).
  if (!authorize_request(g_office->state, *req, g_office->key_for(*req))) return;
  if (!proto::is_known_role(req->role) || !proto::is_known_command(req->cmd) || !proto::role_allows(req->role, req->cmd) ||
      answered_by_hub(req->cmd))
    return;
  auto d = decide(g_office->state, *req, CommandContext{fuzz::kMonday9am, req->role, "fuzz"});
  if (!d) {
    if (d.error().code.empty() || d.error().reason.empty()) fail("decide refused without a code and reason", input);
    proto::encode_reply(proto::error_reply(req->id, d.error()));
    return;
  }
  proto::encode_reply(proto::ok_reply(req->id, d->result));
  OfficeState after = g_office->state;
  for (Event e : d->events) {
    e.seq = after.seq + 1;
    e.data.dump();                       // the store's events.data column
    event_to_json(e, true).dump();       // what the hub publishes
    apply_event(after, e);
  }
  state_to_json(after, true).dump();     // what a snapshot sends
}

void check_reply(std::string_view input) {
  auto rep = proto::decode_reply(input);
  if (!rep) {
    if (rep.error().reason.empty()) fail("decode_reply refused without a reason", input);
    return;
  }
  auto again = proto::decode_reply(proto::encode_reply(*rep));
  if (!again || again->id != rep->id || again->ok != rep->ok)
    fail("a decoded reply does not survive encode -> decode", input);
}

// The raw bytes as one frame to the hub; its answer must be a reply.
void check_hub(std::string_view input) {
  g_dealer->send(zmq::buffer(input.data(), input.size()), zmq::send_flags::none);
  zmq::pollitem_t item{g_dealer->handle(), 0, ZMQ_POLLIN, 0};
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  for (;;) {
    if (std::chrono::steady_clock::now() > give_up) fail("the hub did not answer within 20 s", input);
    try {
      if (zmq::poll(&item, 1, std::chrono::milliseconds(500)) > 0) break;
    } catch (const zmq::error_t& e) {
      if (e.num() != EINTR) throw;  // libFuzzer's timer signal interrupts the wait
    }
  }
  zmq::message_t msg;
  if (!g_dealer->recv(msg)) fail("no reply frame from the hub", input);
  auto rep = proto::decode_reply(msg.to_string_view());
  if (!rep) fail("the hub's answer is not a reply (" + rep.error().reason + "): " + msg.to_string(), input);
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  g_office = new PureOffice;
  auto& hub = antrian::fuzz::start_fuzz_hub();
  g_zmq = new zmq::context_t(1);
  g_dealer = new zmq::socket_t(*g_zmq, zmq::socket_type::dealer);
  g_dealer->set(zmq::sockopt::linger, 0);
  const ClientKeys keys = hub.hub->internal_client_keys();
  g_dealer->set(zmq::sockopt::curve_serverkey, keys.hub_public_key);
  g_dealer->set(zmq::sockopt::curve_publickey, keys.public_key);
  g_dealer->set(zmq::sockopt::curve_secretkey, keys.secret_key);
  g_dealer->connect("tcp://127.0.0.1:" + std::to_string(hub.hub->req_port()));
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  check_request(input);
  check_reply(input);
  check_hub(input);
  return 0;
}
