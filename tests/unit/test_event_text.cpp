// An event written once as text (event_text.h) must be byte for byte what the JSON
// trees' dumps were: the log's data, each entity row, and the public JSON.
#include <doctest/doctest.h>

#include <random>

#include "antrian/event_text.h"
#include "office_fixture.h"

using namespace antrian;
using nlohmann::json;

namespace {

void check_text(const Event& e) {
  const EventText t = encode_event(e);
  INFO(e.type, " ", e.data.dump());
  CHECK(t.data == e.data.dump());
  CHECK(t.public_json == event_to_json(e, true).dump());
  if (!e.data.is_object()) return;
  for (auto it = e.data.begin(); it != e.data.end(); ++it) {
    if (!it->is_array()) continue;
    const EventText::List* l = t.list(it.key());
    REQUIRE(l);
    REQUIRE(l->count == it->size());
    for (std::size_t i = 0; i < l->count; ++i) CHECK(t.item(*l, i) == (*it)[i].dump());
  }
}

json random_leaf(std::mt19937& rng) {
  const char* strings[] = {"", "A-001", "tok\"en\\", "Loket 1 – café", "\x01\x1f", "ticket_called"};
  switch (rng() % 5) {
    case 0: return int64_t(rng() % 200000) - 100000;
    case 1: return strings[rng() % 6];
    case 2: return rng() % 2 == 0;
    case 3: return double(rng() % 1000) / 8.0;
    default: return nullptr;
  }
}

json random_entity(std::mt19937& rng) {
  const char* keys[] = {"id", "token", "pin_hash", "code", "label", "day", "history", "name", "number", "service"};
  json o = json::object();
  for (int i = int(rng() % 7); i > 0; --i) {
    const char* k = keys[rng() % 10];
    o[k] = rng() % 5 == 0 ? json::array({random_leaf(rng), json{{"at", random_leaf(rng)}}}) : random_leaf(rng);
  }
  return o;
}

json random_event_data(std::mt19937& rng) {
  const char* lists[] = {"tickets", "staff", "comeback", "bookings", "device_keys", "counters", "services", "stats"};
  const char* others[] = {"day", "last_number", "refused", "ticket_id", "announcement", "counter", "office"};
  json d = json::object();
  for (int i = int(rng() % 5); i > 0; --i) {
    if (rng() % 2) {
      json a = json::array();
      for (int n = int(rng() % 4); n > 0; --n) a.push_back(random_entity(rng));
      d[lists[rng() % 8]] = a;
    } else {
      d[others[rng() % 7]] = rng() % 3 == 0 ? json{{"A", int(rng() % 99)}} : random_leaf(rng);
    }
  }
  return d;
}

}  // namespace

TEST_CASE("an event written once as text equals its trees' dumps, on random events") {
  std::mt19937 rng(1515);
  for (int i = 0; i < 3000; ++i) {
    Event e;
    e.seq = int64_t(rng() % 100000);
    e.at = i % 5 == 0 ? -int64_t(rng()) : int64_t(rng()) * 1000;
    e.type = i % 2 ? "ticket_issued" : "odd \"type\" é";
    e.actor = i % 3 ? "kiosk:k1" : "";
    e.data = random_event_data(rng);
    check_text(e);
  }
  // Shapes the public view does not expect: kept exactly as the trees did them.
  for (json d : {json(nullptr), json::array({1, 2}), json("x"), json{{"device_keys", 5}},
                 json{{"staff", json::array({1})}}, json{{"tickets", json::object()}}, json{{"tickets", json::array()}}}) {
    Event e;
    e.type = "x";
    e.data = d;
    bool threw_before = false;
    try {
      (void)event_to_json(e, true).dump();
    } catch (const std::exception&) {
      threw_before = true;
    }
    if (threw_before) {
      CHECK_THROWS(encode_event(e));
    } else {
      check_text(e);
    }
  }
}

TEST_CASE("an event written once as text equals its trees' dumps, on an office's real events") {
  auto cfg = default_office_config();
  REQUIRE(cfg.ok());
  OfficeState fresh;
  for (const Event& e : configure_office_events(fresh, *cfg, test::kMonday9am)) check_text(e);  // PIN hashes, keys

  test::TestOffice o;
  o.open_all_day();
  std::vector<Event> seen;
  auto run = [&](std::string_view cmd, json args) {
    auto d = o.run(cmd, args);
    if (d)
      for (Event e : d->events) {
        e.seq = o.state.seq;
        check_text(e);
      }
  };
  o.open(1);
  o.open(2);
  for (int i = 0; i < 30; ++i) {
    run(proto::cmd::issue, {{"service", i % 3 ? "A" : "B"}, {"priority", i % 7 ? "reguler" : "prioritas"}});
    if (i % 4 == 0) run(proto::cmd::call_next, {{"counter", 1 + i % 2}});
    if (i % 8 == 0) run(proto::cmd::recall, {{"counter", 1 + i % 2}});
    if (i % 5 == 0) run(proto::cmd::finish, {{"counter", 1 + i % 2}});
    o.now += 60'000;
  }
  if (auto day = day_rollover_event(o.state, o.now + 86'400'000)) check_text(*day);
}
