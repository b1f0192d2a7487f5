// The script runner drives the same model as keys and buttons, step by step.
#include <doctest/doctest.h>

#include "antrian/counter/script.h"
#include "fake_hub.h"

using namespace antrian;
using namespace antrian::counter;
using namespace antrian::counter::test;
using json = nlohmann::json;

namespace {

// Runs a script against the fake hub, answering requests between polls.
std::vector<json> run(FakeHub& h, ConsoleModel& m, const std::string& text, int* failures = nullptr) {
  auto steps = parse_script(text);
  REQUIRE(steps.ok());
  ScriptRunner r(std::move(*steps));
  int64_t clock = 0;
  std::vector<json> reports;
  for (int i = 0; i < 1000 && !r.poll(m, h.mirror(), clock); ++i) {
    h.serve(m);
    clock += 10;
  }
  CHECK(r.done());
  for (auto& j : r.take_reports()) reports.push_back(j);
  if (failures) *failures = r.failures();
  return reports;
}

}  // namespace

TEST_CASE("script: a morning at loket 2, reported step by step") {
  FakeHub h;
  h.issue("A");
  h.issue("A");
  h.issue("B", "disabilitas");
  ConsoleModel m({Lang::en, 0});
  int failures = -1;
  const auto reports = run(h, m,
                           "wait-online\n"
                           "sign-in 2 ani 1234\n"
                           "call-next\n"       // the priority ticket first
                           "finish\n"          // not started: the console refuses
                           "expect-refused disabled\n"
                           "start\n"
                           "finish\n"
                           "call A-002\n"
                           "no-show\n"
                           "call-next\n"
                           "transfer service C bawa KK\n"
                           "report siak down server pusat mati\n"
                           "pause\n"
                           "expect-current none\n",
                           &failures);
  CHECK(failures == 0);
  REQUIRE(reports.size() == 14);
  for (std::size_t i = 0; i < reports.size(); ++i) {
    INFO(reports[i].dump());
    CHECK(reports[i]["ok"] == (i != 3));  // step 4 is the refusal the next line expects
  }
  CHECK(reports[2]["ticket"] == "B-001");
  CHECK(reports[3]["error"] == "disabled");
  CHECK(reports[3]["reason_key"] == "counter.notice.not_now");
  CHECK(reports[7]["ticket"] == "A-002");
  CHECK(reports[9]["ticket"] == "A-001");
  CHECK(h.view.tickets.at(3).state == TicketState::done);
  CHECK(h.view.tickets.at(2).state == TicketState::no_show);
  CHECK(h.view.tickets.at(1).state == TicketState::transferred);
  CHECK(h.view.counters.at(2).state == CounterState::paused);
  REQUIRE(h.view.disruptions.size() == 1);
  CHECK(h.view.disruptions.begin()->second.message_id == "server pusat mati");
}

TEST_CASE("script: refusals are reported with the hub's code, and expect-refused checks them") {
  FakeHub h;
  ConsoleModel m({Lang::id, 0});
  int failures = -1;
  const auto reports = run(h, m,
                           "sign-in 2 ani 0000\n"
                           "expect-refused auth_failed\n"
                           "sign-in 2 ani 1234\n"
                           "call-next\n"
                           "expect-refused disabled\n"
                           "call X-999\n"
                           "transfer service C\n"
                           "expect-refused illegal_state\n"  // wrong: it was refused by the console
                           "expect-current A-001\n",
                           &failures);
  REQUIRE(reports.size() == 9);
  CHECK(reports[0]["error"] == "auth_failed");
  CHECK(reports[0]["reason"] == "unknown staff member or wrong PIN");
  CHECK(reports[1]["ok"] == true);
  CHECK(reports[4]["ok"] == true);
  CHECK(reports[5]["error"] == "not_waiting");
  CHECK(reports[6]["error"] == "disabled");
  CHECK(reports[7]["ok"] == false);
  CHECK(reports[8]["ok"] == false);
  CHECK(reports[8]["reason"] == "this loket holds none, not A-001");
  CHECK(failures == 4);  // call X-999, transfer, the wrong expectation, expect-current
}

TEST_CASE("script: steps wait for the hub, a hub that never answers times out") {
  FakeHub h;
  h.online = false;
  ConsoleModel m({Lang::id, 0});
  ScriptRunner r(*parse_script("sign-in 2 ani 1234\n"));
  CHECK_FALSE(r.poll(m, h.mirror(), 0));
  CHECK(r.take_reports().empty());
  CHECK(r.poll(m, h.mirror(), kDefaultStepTimeoutMs + 1));
  const auto reports = r.take_reports();
  REQUIRE(reports.size() == 1);
  CHECK(reports[0]["error"] == "timeout");
  CHECK(m.take_outbox().empty());
}

TEST_CASE("script: wait-called sees another loket's call through the mirror") {
  FakeHub h;
  h.issue("A");
  ConsoleModel m({Lang::id, 0});
  ScriptRunner r(*parse_script("wait-called A-001 5\nsleep 100\n"));
  CHECK_FALSE(r.poll(m, h.mirror(), 0));
  h.admin("sign_in", {{"counter", 1}, {"staff", "budi"}, {"pin", "1234"}});
  h.admin("call_next", {{"counter", 1}});
  CHECK_FALSE(r.poll(m, h.mirror(), 50));  // wait-called done; sleep runs until 150
  CHECK(r.poll(m, h.mirror(), 151));
  const auto reports = r.take_reports();
  REQUIRE(reports.size() == 2);
  CHECK(reports[0]["ok"] == true);
  CHECK(reports[0]["counter"] == 1);
  CHECK(reports[1]["ok"] == true);
}

TEST_CASE("script: a streamed line that does not parse is reported and nothing runs") {
  ScriptRunner r;
  r.reject(3, "jump", make_error("bad_script", "script line 3 (\"jump\"): unknown step \"jump\""));
  CHECK(r.failures() == 1);
  const auto reports = r.take_reports();
  REQUIRE(reports.size() == 1);
  CHECK(reports[0]["line"] == 3);
  CHECK(reports[0]["error"] == "bad_script");
}
