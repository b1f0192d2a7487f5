// End to end: the real antrian-counter (headless, or with SDL's offscreen driver)
// against a real antrian-server on ephemeral ports; results checked on the hub.
#include <doctest/doctest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "antrian/hub_client.h"
#include "antrian/model_json.h"
#include "counter_process.h"
#include "hub_process.h"

using namespace antrian;
using namespace antrian::counter::test;
using antrian::test::HubProcess;
using antrian::test::TempDir;
using json = nlohmann::json;

namespace {

// The hub's own state, asked over the protocol as an admin would.
OfficeState hub_state(const HubProcess& hub) {
  HubClient c(hub.client_options("admin", "test", /*mirror=*/false));
  const proto::Reply r = c.request(proto::cmd::snapshot);
  REQUIRE(r.ok);
  return state_from_json(r.result.at("state"));
}

const Ticket& by_label(const OfficeState& s, const std::string& label) {
  const Ticket* found = nullptr;
  for (const auto& [_, t] : s.tickets)
    if (t.label() == label && (!found || t.id > found->id)) found = &t;
  REQUIRE(found != nullptr);
  return *found;
}

void issue(const HubProcess& hub, const std::string& service, const std::string& priority = "reguler") {
  auto r = antrian::test::run_ctl(hub, {"issue", service, "--priority", priority});
  REQUIRE(r.exit_code == 0);
}

// A console with the key of `loket` (a counter's key acts for its own loket only).
std::vector<std::string> counter_args(const HubProcess& hub, std::vector<std::string> extra, int loket = 2) {
  std::vector<std::string> a = {"--hub", hub.address(), "--lang", "en"};
  for (const std::string& k : hub.key_args("counter", "loket-" + std::to_string(loket), loket)) a.push_back(k);
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

int64_t ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

TEST_CASE("e2e: a script works a queue at loket 2, the hub records every step with who did it") {
  TempDir dir;
  HubProcess hub(dir.path());
  for (const char* s : {"A", "A", "A"}) issue(hub, s);
  issue(hub, "B", "lansia");
  const std::string script = dir.path() + "/work.txt";
  std::ofstream(script) << "sign-in 2 demo1 1234\n"
                           "call-next\n"           // the priority ticket
                           "recall\n"
                           "start\n"
                           "finish\n"
                           "call-next\n"
                           "no-show\n"
                           "call A-003\n"
                           "start\n"
                           "transfer service C perlu KK\n"
                           "call-next\n"
                           "transfer loket 3\n"
                           "report printers down dua printer rusak\n"
                           "pause\n";
  CounterProcess counter(counter_args(hub, {"--headless", "--script", script}));
  std::vector<json> reports;
  while (auto r = counter.next_report(15000)) reports.push_back(*r);
  CHECK(counter.wait() == 0);
  REQUIRE(reports.size() == 14);
  for (const json& r : reports) {
    INFO(r.dump());
    CHECK(r["ok"] == true);
  }
  CHECK(reports[1]["ticket"] == "B-001");

  const OfficeState s = hub_state(hub);
  const std::string who = "staff:demo1@loket2";
  const Ticket& b1 = by_label(s, "B-001");
  CHECK(b1.state == TicketState::done);
  CHECK(b1.recalls == 1);
  CHECK(b1.history.back().actor == who);
  CHECK(by_label(s, "A-001").state == TicketState::no_show);
  const Ticket& a3 = by_label(s, "A-003");  // the newest A-003: the copy waiting in C
  CHECK(a3.state == TicketState::waiting);
  CHECK(a3.service == "C");
  CHECK(a3.history.back().note == "perlu KK");
  const Ticket& a2 = by_label(s, "A-002");
  CHECK(a2.state == TicketState::waiting);
  CHECK(a2.target_counter == 3);
  for (const Ticket* t : {&b1, &a3, &a2})
    for (const TicketStep& st : t->history)
      if (st.what != "issued") CHECK(st.actor == who);
  CHECK(s.counters.at(2).state == CounterState::paused);
  CHECK(s.counters.at(2).staff == "demo1");
  bool reported = false;
  for (const auto& [_, d] : s.disruptions)
    if (d.resource == "printers" && d.active && d.declared_by == who && d.message_id == "dua printer rusak") reported = true;
  CHECK(reported);
}

TEST_CASE("e2e: two consoles share one queue, each sees the other's call at once") {
  TempDir dir;
  HubProcess hub(dir.path());
  for (int i = 0; i < 3; ++i) issue(hub, "A");
  CounterProcess one(counter_args(hub, {"--headless", "--script", "-"}));
  CounterProcess two(counter_args(hub, {"--headless", "--script", "-"}, 3));
  CHECK(one.step("sign-in 2 demo1 1234")["ok"] == true);
  CHECK(two.step("sign-in 3 demo2 1234")["ok"] == true);
  two.send("wait-called A-001 5");  // loket 3 watches for loket 2's call
  const auto t0 = std::chrono::steady_clock::now();
  json called = one.step("call-next");
  CHECK(called["ticket"] == "A-001");
  auto seen = two.next_report(6000);
  REQUIRE(seen);
  CHECK((*seen)["ok"] == true);
  CHECK((*seen)["counter"] == 2);
  CHECK(ms_since(t0) < 1500);
  // Loket 3's next call takes the next ticket, never the one loket 2 holds.
  CHECK(two.step("call-next")["ticket"] == "A-002");
  CHECK(one.step("start")["ok"] == true);
  CHECK(one.step("finish")["ok"] == true);
  CHECK(two.step("no-show")["ok"] == true);
  CHECK(one.step("call-next")["ticket"] == "A-003");
  CHECK(two.step("call-next")["error"] == "disabled");  // nobody left
  one.close_stdin();
  two.close_stdin();
  CHECK(one.wait() == 0);
  CHECK(two.wait() == 1);  // its last step was refused
  const OfficeState s = hub_state(hub);
  CHECK(by_label(s, "A-001").state == TicketState::done);
  CHECK(by_label(s, "A-002").state == TicketState::no_show);
  CHECK(by_label(s, "A-002").history.back().actor == "staff:demo2@loket3");
  CHECK(by_label(s, "A-003").counter == 2);
}

TEST_CASE("e2e: hub lost: offline within 3 s, actions refused, back: the exact state again") {
  TempDir dir;
  HubProcess hub(dir.path());
  issue(hub, "A");
  issue(hub, "A");
  CounterProcess counter(counter_args(hub, {"--headless", "--script", "-", "--request-timeout", "400", "--retries", "1"}));
  CHECK(counter.step("sign-in 2 demo1 1234")["ok"] == true);
  CHECK(counter.step("call-next")["ticket"] == "A-001");
  hub.kill9();
  const auto t0 = std::chrono::steady_clock::now();
  CHECK(counter.step("wait-offline 6")["ok"] == true);
  CHECK(ms_since(t0) < 4000);
  json refused = counter.step("start");
  CHECK(refused["error"] == "disabled");
  CHECK(refused["reason"].get<std::string>().find("Not connected") != std::string::npos);
  // Meanwhile someone else works at the hub (e.g. antrian-ctl after the restart).
  hub.restart();
  REQUIRE(antrian::test::run_ctl(hub, {"start", "2"}).exit_code == 0);
  CHECK(counter.step("wait-online 10")["ok"] == true);
  // The console shows the hub's state, not its own memory: A-001 is already started.
  json start = counter.step("start");
  CHECK(start["error"] == "disabled");
  CHECK(start["reason"].get<std::string>().find("already being served") != std::string::npos);
  CHECK(counter.step("finish")["ok"] == true);
  CHECK(counter.step("call-next")["ticket"] == "A-002");
  counter.close_stdin();
  counter.wait();
  CHECK(by_label(hub_state(hub), "A-001").state == TicketState::done);
}

TEST_CASE("e2e: a request retried while the hub was stalled acts once") {
  TempDir dir;
  HubProcess hub(dir.path());
  issue(hub, "A");
  issue(hub, "A");
  CounterProcess counter(counter_args(hub, {"--headless", "--script", "-", "--request-timeout", "300", "--retries", "6"}));
  CHECK(counter.step("sign-in 2 demo1 1234")["ok"] == true);
  ::kill(hub.pid(), SIGSTOP);  // the hub hears nothing for a while; the console retries
  counter.send("call-next");
  std::this_thread::sleep_for(std::chrono::milliseconds(1000));
  ::kill(hub.pid(), SIGCONT);
  auto r = counter.next_report(10000);
  REQUIRE(r);
  CHECK((*r)["ok"] == true);
  CHECK((*r)["ticket"] == "A-001");
  CHECK(counter.step("expect-current A-001")["ok"] == true);
  counter.close_stdin();
  counter.wait();
  const OfficeState s = hub_state(hub);
  CHECK(by_label(s, "A-001").state == TicketState::called);
  CHECK(by_label(s, "A-002").state == TicketState::waiting);  // not called by a second copy
  int calls = 0;
  for (const TicketStep& st : by_label(s, "A-001").history) calls += st.what == "called";
  CHECK(calls == 1);
}

TEST_CASE("e2e: bad flags and bad scripts are refused before anything reaches the hub") {
  TempDir dir;
  HubProcess hub(dir.path());
  struct Case {
    std::vector<std::string> args;
    const char* says;
  } cases[] = {
      {{"--loket", "abc"}, "--loket expects a loket number"},
      {{"--loket", "0"}, "--loket expects a loket number"},
      {{"--window", "12x"}, "--window expects"},
      {{"--lang", "fr"}, "--lang expects"},
      {{"--headless"}, "--headless needs --script"},
      {{"--script", dir.path() + "/missing.txt", "--headless"}, "cannot read the script"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> args = hub.key_args("counter", "loket-2", 2);
    args.insert(args.end(), {"--hub", hub.address()});
    args.insert(args.end(), c.args.begin(), c.args.end());
    CounterProcess p(args);
    INFO(std::string(c.says), " / ", p.stderr_text());
    CHECK(p.wait() == 2);
    CHECK(p.stderr_text().find(c.says) != std::string::npos);
  }
  {
    CounterProcess p({"--hub", "localhost:5555", "--headless", "--script", "-"});
    CHECK(p.wait() == 2);
    CHECK(p.stderr_text().find("tcp://HOST:PORT") != std::string::npos);
  }
  const std::string script = dir.path() + "/bad.txt";
  std::ofstream(script) << "sign-in 2 demo1 1234\ncall-next\nfinish now\n";
  CounterProcess p(counter_args(hub, {"--headless", "--script", script}));
  CHECK(p.wait() == 2);
  CHECK(p.stderr_text().find("script line 3") != std::string::npos);
  // Nothing happened: loket 2 is still closed.
  CHECK(hub_state(hub).counters.at(2).state == CounterState::closed);
}

TEST_CASE("e2e: --screenshot renders the console after its script (offscreen, no X server)") {
  TempDir dir;
  HubProcess hub(dir.path());
  issue(hub, "A");
  issue(hub, "A", "lansia");
  const std::string script = dir.path() + "/busy.txt";
  std::ofstream(script) << "sign-in 2 demo1 1234\ncall-next\nstart\n";
  const std::string png = dir.path() + "/shot.png";
  CounterProcess p(counter_args(hub, {"--script", script, "--window", "1024x640", "--screenshot", png}));
  CHECK(p.wait(20000) == 0);
  INFO(p.stderr_text());
  REQUIRE(std::filesystem::exists(png));
  std::ifstream f(png, std::ios::binary);
  unsigned char head[24] = {};
  f.read(reinterpret_cast<char*>(head), sizeof head);
  CHECK(head[1] == 'P');
  CHECK(head[2] == 'N');
  CHECK(head[3] == 'G');
  const int w = (head[16] << 24) | (head[17] << 16) | (head[18] << 8) | head[19];
  const int h = (head[20] << 24) | (head[21] << 16) | (head[22] << 8) | head[23];
  CHECK(w == 1024);
  CHECK(h == 640);
  CHECK(std::filesystem::file_size(png) > 20'000);  // a drawn console, not a blank frame
  CHECK(by_label(hub_state(hub), "A-002").state == TicketState::serving);
}
