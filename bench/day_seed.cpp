#include "day_seed.h"

#include "antrian/model_json.h"
#include "antrian/protocol.h"
#include "antrian/store.h"
#include "bench_client.h"

namespace antrian::bench {

int seed_closed_tickets(const std::string& db_path, int total, int64_t now_ms) {
  auto store = Store::open(db_path);
  if (!store) throw RunFailed("seed: " + store.error().reason);
  auto state = (*store)->load();
  if (!state) throw RunFailed("seed: " + state.error().reason);
  // Spread over the six services, as a busy hall would (at most 9999 numbers each a day).
  const char* services[] = {"A", "B", "C", "D", "E", "F"};
  std::map<std::string, int> last = state->last_number;
  int have = int(state->tickets.size());
  int64_t seq = state->seq, id = state->next_ticket_id;
  std::vector<Event> batch;
  auto flush = [&] {
    if (batch.empty()) return;
    if (auto r = (*store)->commit(batch, state->day, "", ""); !r) throw RunFailed("seed: " + r.error().reason);
    batch.clear();
  };
  for (; have < total; ++have) {
    const Service& svc = state->services.at(services[have % 6]);
    Ticket t;
    t.id = id++;
    t.day = state->day;
    t.service = svc.code;
    t.prefix = svc.prefix;
    t.number = ++last[svc.prefix];
    if (t.number > 9999) throw RunFailed("seed: more than 9999 tickets of one service in a day");
    t.state = TicketState::done;
    // Served earlier today, 4 minutes each; the clock of the measured hub is later.
    t.issued_at = t.queue_at = now_ms - 3'600'000 + have % 1000;
    t.called_at = t.issued_at + 60'000;
    t.started_at = t.called_at + 10'000;
    t.ended_at = t.started_at + 240'000;
    t.counter = 1;
    t.token = "seed" + std::to_string(t.id);
    t.eta_s_at_issue = 60;
    const std::string actor = "staff:demo1@loket1";
    t.history = {{"issued", t.issued_at, 0, "kiosk:bench", ""},
                 {"called", t.called_at, 1, actor, ""},
                 {"started", t.started_at, 1, actor, ""},
                 {"done", t.ended_at, 1, actor, ""}};
    Event e;
    e.seq = ++seq;
    e.at = t.ended_at;
    e.type = std::string(proto::ev::ticket_finished);
    e.actor = actor;
    e.data = {{"ticket_id", t.id}, {"counter", 1}, {"tickets", {to_json(t, true)}},
              {"last_number", {{svc.prefix, t.number}}}};
    batch.push_back(std::move(e));
    if (batch.size() >= 5000) flush();
  }
  flush();
  return have;
}

}  // namespace antrian::bench
