// antrian-bench-ticket-json: the cost of one ticket's JSON (model_json.cpp's to_json,
// made member by member) against the same object made from a braced list, the way it
// was made until December 2026, in the same run. Both must dump to the same text.
// docs/BENCHMARKS.md, "Where a call_next's time goes in the hub".
#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>

#include "antrian/model_json.h"

namespace {

using namespace antrian;

// The braced-list form, kept here only as the reference it is measured against.
json braced(const Ticket& t, bool with_token) {
  json history = json::array();
  for (const TicketStep& s : t.history)
    history.push_back({{"what", s.what}, {"at", s.at}, {"counter", s.counter}, {"actor", s.actor}, {"note", s.note}});
  json j = {{"id", t.id}, {"label", t.label()}, {"day", t.day}, {"service", t.service}, {"prefix", t.prefix},
            {"number", t.number}, {"priority", to_string(t.priority)}, {"state", to_string(t.state)},
            {"issued_at", t.issued_at}, {"queue_at", t.queue_at}, {"called_at", t.called_at},
            {"started_at", t.started_at}, {"ended_at", t.ended_at}, {"counter", t.counter},
            {"target_counter", t.target_counter}, {"recalls", t.recalls}, {"transferred_from", t.transferred_from},
            {"transferred_to", t.transferred_to},
            {"eta_s_at_issue", t.eta_s_at_issue ? json(*t.eta_s_at_issue) : json(nullptr)}, {"history", history}};
  if (with_token) j["token"] = t.token;
  return j;
}

template <typename F>
double us_per_call(F&& f, const Ticket& t, int n) {
  std::size_t keep = 0;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < n; ++i) keep += f(t, (i & 1) != 0).size();
  const double us = std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / n;
  if (keep == 0) std::printf("(nothing made)\n");
  return us;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"antrian-bench-ticket-json: one ticket's JSON, member by member (the hub's) vs a braced list"};
  int n = 200000, rounds = 5;
  app.add_option("--calls", n, "Calls per round and form")->check(CLI::Range(1000, 10000000));
  app.add_option("--rounds", rounds, "Rounds, alternating the two forms")->check(CLI::Range(1, 100));
  CLI11_PARSE(app, argc, argv);

  // A called ticket with two steps of history, as a call_next makes it.
  Ticket t;
  t.id = 12345;
  t.day = "2026-12-04";
  t.service = t.prefix = "A";
  t.number = 17;
  t.state = TicketState::called;
  t.issued_at = t.queue_at = 1764800000000;
  t.called_at = 1764800100000;
  t.counter = 1;
  t.token = "018a131335ff58cdb587059da6ff0de9";
  t.eta_s_at_issue = 420;
  t.history = {{"issued", 1764800000000, 0, "kiosk:kiosk-1", ""}, {"called", 1764800100000, 1, "Ani", ""}};
  if (to_json(t, true).dump() != braced(t, true).dump()) {
    std::printf("FAILED: the two forms dump to different texts\n");
    return 1;
  }
  for (int r = 1; r <= rounds; ++r) {
    const double b = us_per_call(braced, t, n);
    const double m = us_per_call([](const Ticket& x, bool tok) { return to_json(x, tok); }, t, n);
    std::printf("round %d: braced list %.2f us, member by member (to_json) %.2f us: %.2fx less\n", r, b, m, b / m);
  }
  return 0;
}
