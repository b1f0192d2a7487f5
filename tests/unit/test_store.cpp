// The store: the log replays to the same state the tables hold; reopening keeps
// everything; request replies survive; failures write nothing.
#include <sqlite3.h>

#include <filesystem>

#include "antrian/device_keys.h"
#include "antrian/model_json.h"
#include "antrian/store.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;

namespace {

struct TempFile {
  std::string path;
  TempFile() {
    char tmpl[] = "/tmp/antrian-store-XXXXXX";
    path = std::string(::mkdtemp(tmpl)) + "/antrian.db";
  }
  ~TempFile() { std::filesystem::remove_all(std::filesystem::path(path).parent_path()); }
};

// One command decided on the office and its events committed with their seqs, as the
// hub does (the rows wait for flush_entities()).
void commit_command(Store& store, TestOffice& o, std::string_view c, json args, const std::string& request_id = "",
                    const std::string& reply = "") {
  const int64_t before = o.state.seq;
  auto d = o.run(c, args);
  REQUIRE(d.ok());
  std::vector<Event> events = d->events;
  for (size_t i = 0; i < events.size(); ++i) events[i].seq = before + 1 + int64_t(i);
  REQUIRE(store.commit(events, o.state.day, request_id, reply));
}

// Runs commands on an in-memory office and commits each command's events to the
// store the way the hub does; returns the office for comparison.
TestOffice busy_day(Store& store) {
  TestOffice o;
  // The office's first events, as the hub writes them.
  std::vector<Event> setup;
  OfficeState fresh;
  auto cfg = default_office_config();
  for (Event e : configure_office_events(fresh, *cfg, o.now)) setup.push_back(e);
  // Staff come from the fixture; log them so a replay knows them too.
  json staff = json::array();
  for (const auto& [_, m] : o.state.staff) staff.push_back(to_json(m, true));
  setup.push_back(Event{0, o.now, "staff_changed", "test", {{"staff", staff}}});
  o.state = OfficeState{};
  for (Event& e : setup) {
    e.seq = o.state.seq + 1;
    apply_event(o.state, e);
  }
  REQUIRE(store.commit(setup, o.state.day, "", ""));
  auto step = [&](std::string_view c, json args) {
    const std::string n = std::to_string(o.state.seq);
    commit_command(store, o, c, std::move(args), "req-" + n, "reply-" + n);
  };
  step(cmd::sign_in, {{"counter", 1}, {"staff", "ani"}, {"pin", "1234"}});
  step(cmd::sign_in, {{"counter", 4}, {"staff", "budi"}, {"pin", "1234"}});
  for (const char* s : {"A", "A", "C", "B", "D"}) step(cmd::issue, {{"service", s}});
  step(cmd::call_next, {{"counter", 1}});
  step(cmd::start, {{"counter", 1}});
  o.now += 200'000;
  step(cmd::finish, {{"counter", 1}});
  step(cmd::call_next, {{"counter", 4}});
  step(cmd::transfer, {{"counter", 4}, {"to_service", "D"}, {"note", "akta"}});
  step(cmd::disruption_set, {{"resource", "printers"}, {"level", "degraded"}, {"message_id", "2 dari 6 printer"}});
  step(cmd::resource_set, {{"resource", "blangko"}, {"stock_add", -5}});
  step(cmd::announcement_set, {{"text", "Selamat datang"}});
  step(cmd::device_report, {{"device", "kiosk-1/printer"}, {"state", "paper_low"}});
  step(cmd::key_add, {{"name", "kiosk-1"}, {"role", "kiosk"}, {"public_key", generate_curve_keys().public_key}});
  step(cmd::key_add, {{"name", "loket-4"}, {"role", "counter"}, {"counter", 4}, {"public_key", generate_curve_keys().public_key}});
  step(cmd::key_revoke, {{"name", "kiosk-1"}});
  return o;
}

// What the log holds: the state without the forecast, which the hub makes anew.
json logged(const OfficeState& s) {
  json j = state_to_json(s, false);
  j.erase("forecast");
  return j;
}

}  // namespace

TEST_CASE("replaying the event log rebuilds exactly the state the tables hold") {
  TempFile f;
  auto store = Store::open(f.path);
  REQUIRE(store.ok());
  TestOffice o = busy_day(**store);
  auto loaded = (*store)->load();
  auto replayed = (*store)->replay();
  REQUIRE(loaded.ok());
  REQUIRE(replayed.ok());
  const json expected = logged(o.state);
  CHECK(logged(*loaded) == expected);
  CHECK(logged(*replayed) == expected);
  CHECK(loaded->tickets.size() == 6);  // five issued, one transfer copy
  CHECK(loaded->device_keys.size() == 2);
  CHECK(loaded->device_keys.at("kiosk-1").revoked);
  CHECK(loaded->device_keys.at("loket-4").counter == 4);
  CHECK((*store)->last_seq() == o.state.seq);
}

TEST_CASE("reopening the database keeps everything, tokens and PIN hashes included") {
  TempFile f;
  json before;
  {
    auto store = Store::open(f.path);
    REQUIRE(store.ok());
    before = logged(busy_day(**store).state);
  }
  auto again = Store::open(f.path);
  REQUIRE(again.ok());
  auto loaded = (*again)->load();
  REQUIRE(loaded.ok());
  CHECK(logged(*loaded) == before);
  CHECK_FALSE(loaded->tickets.begin()->second.token.empty());
  CHECK_FALSE(loaded->staff.at("ani").pin_hash.empty());
  CHECK((*again)->integrity_check() == "ok");
}

TEST_CASE("a stored request id returns the first reply") {
  TempFile f;
  auto store = Store::open(f.path);
  REQUIRE(store.ok());
  busy_day(**store);
  CHECK((*store)->find_reply("req-3") == "reply-3");
  CHECK_FALSE((*store)->find_reply("never-sent").has_value());
  REQUIRE((*store)->prune_requests(INT64_MAX));
  CHECK_FALSE((*store)->find_reply("req-3").has_value());
}

TEST_CASE("a failed commit writes nothing") {
  TempFile f;
  auto store = Store::open(f.path);
  REQUIRE(store.ok());
  TestOffice o = busy_day(**store);
  const int64_t seq = (*store)->last_seq();
  // A duplicate sequence number violates the log's primary key mid-transaction.
  Event ok_event{seq + 1, o.now, "announcement_changed", "test", {{"announcement", "one"}}};
  Event dup_event{seq, o.now, "announcement_changed", "test", {{"announcement", "two"}}};
  auto r = (*store)->commit({ok_event, dup_event}, o.state.day, "req-x", "reply-x");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().code == proto::err::storage);
  CHECK((*store)->last_seq() == seq);
  CHECK((*store)->load()->announcement == "Selamat datang");
  CHECK_FALSE((*store)->find_reply("req-x").has_value());
}

TEST_CASE("the schema is versioned, a newer database is refused with a reason") {
  TempFile f;
  { REQUIRE(Store::open(f.path).ok()); }
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(f.path.c_str(), &db) == SQLITE_OK);
  int version = 0;
  sqlite3_exec(db, "PRAGMA user_version", [](void* v, int, char** vals, char**) {
    *static_cast<int*>(v) = std::atoi(vals[0]);
    return 0;
  }, &version, nullptr);
  CHECK(version == Store::kSchemaVersion);
  sqlite3_exec(db, "PRAGMA user_version=99", nullptr, nullptr, nullptr);
  sqlite3_close(db);
  auto again = Store::open(f.path);
  REQUIRE_FALSE(again.ok());
  CHECK(again.error().reason.find("newer") != std::string::npos);
}

TEST_CASE("an unopenable path is an error with the path in it") {
  auto s = Store::open("/proc/definitely/not/here.db");
  REQUIRE_FALSE(s.ok());
  CHECK(s.error().reason.find("/proc/definitely/not/here.db") != std::string::npos);
}

TEST_CASE("the arrival curves a new day brings are kept in the tables and rebuilt by a replay") {
  TempFile f;
  auto store = Store::open(f.path);
  REQUIRE(store.ok());
  TestOffice o = busy_day(**store);
  o.now += 24 * 3'600'000;  // the next morning: its first command starts the day
  commit_command(**store, o, cmd::issue, {{"service", "B"}});
  REQUIRE(o.state.arrivals.count("A") == 1);
  CHECK(o.state.arrivals.at("A").days == 1);
  auto loaded = (*store)->load();
  auto replayed = (*store)->replay();
  REQUIRE(loaded.ok());
  REQUIRE(replayed.ok());
  CHECK(logged(*loaded) == logged(o.state));
  CHECK(logged(*replayed) == logged(o.state));
  CHECK(loaded->arrivals.at("A").regular == o.state.arrivals.at("A").regular);
}

namespace {

// What a hub killed right now leaves on disk: the database and its WAL as they are.
std::string copy_as_crashed(const std::string& db, const TempFile& to) {
  for (const char* suffix : {"", "-wal"})
    std::filesystem::copy_file(db + suffix, to.path + suffix, std::filesystem::copy_options::overwrite_existing);
  return to.path;
}

int64_t count_rows(const std::string& db, const char* sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  int64_t n = -1;
  sqlite3_exec(h, sql, [](void* v, int, char** vals, char**) {
    *static_cast<int64_t*>(v) = std::atoll(vals[0]);
    return 0;
  }, &n, nullptr);
  sqlite3_close(h);
  return n;
}

}  // namespace

TEST_CASE("a hub stopped between a commit and its current-state rows loses nothing") {
  TempFile f, crashed, later;
  auto store = Store::open(f.path);
  REQUIRE(store.ok());
  TestOffice o = busy_day(**store);  // committed, its rows not yet written
  REQUIRE((*store)->entities_pending());
  copy_as_crashed(f.path, crashed);
  CHECK(count_rows(crashed.path, "SELECT count(*) FROM entities WHERE kind = 'ticket'") == 0);
  CHECK(count_rows(crashed.path, "SELECT count(*) FROM events") == o.state.seq);
  auto reopened = Store::open(crashed.path);
  REQUIRE(reopened.ok());
  auto loaded = (*reopened)->load();
  REQUIRE(loaded.ok());
  CHECK(logged(*loaded) == logged(o.state));  // every event replayed from the log
  // The replayed events' rows are written again: a second crash after more work,
  // whose rows are written, still finds them (found by the kill drills: the rows'
  // seq moved past a tail whose rows were only in memory).
  TestOffice o2 = o;
  {
    commit_command(**reopened, o2, cmd::issue, {{"service", "D"}}, "req-after", "reply-after");
    REQUIRE((*reopened)->flush_entities());
    TempFile twice;
    copy_as_crashed(crashed.path, twice);
    auto third = Store::open(twice.path);
    REQUIRE(third.ok());
    auto again = (*third)->load();
    REQUIRE(again.ok());
    CHECK(logged(*again) == logged(o2.state));
    CHECK(count_rows(twice.path, "SELECT count(*) FROM entities WHERE kind = 'ticket'") == 7);
  }

  // Rows written up to here, then one more command committed without its rows.
  REQUIRE((*store)->flush_entities());
  CHECK_FALSE((*store)->entities_pending());
  commit_command(**store, o, cmd::issue, {{"service", "C"}}, "req-late", "reply-late");
  copy_as_crashed(f.path, later);
  CHECK(count_rows(later.path, "SELECT count(*) FROM entities WHERE kind = 'ticket'") == 6);
  auto again = Store::open(later.path);
  REQUIRE(again.ok());
  auto tail = (*again)->load();
  REQUIRE(tail.ok());
  CHECK(logged(*tail) == logged(o.state));
  CHECK(tail->tickets.size() == 7);
  CHECK((*again)->find_reply("req-late") == "reply-late");
}

TEST_CASE("one flush writes the last row of each entity, and a replaced config still deletes what came before it") {
  TempFile f;
  auto store = Store::open(f.path);
  REQUIRE(store.ok());
  REQUIRE((*store)->load().ok());
  auto ev = [](int64_t seq, json data) { return Event{seq, 1'000'000 + seq, "test_rows", "test", std::move(data)}; };
  // Service X twice, then a config that replaces it with Y (X and loket 1 are gone),
  // then Y twice and Z once; loket 2 after the replacement stays.
  std::vector<Event> events = {
      ev(1, {{"services", {{{"code", "X"}, {"name", "x1"}}}}, {"counters", {{{"number", 1}, {"name", "one"}}}}}),
      ev(2, {{"services", {{{"code", "X"}, {"name", "x2"}}}}}),
      ev(3, {{"replace_config", true}, {"services", {{{"code", "Y"}, {"name", "y1"}}}}}),
      ev(4, {{"services", {{{"code", "Y"}, {"name", "y2"}}, {{"code", "Z"}, {"name", "z1"}}}},
             {"counters", {{{"number", 2}, {"name", "two"}}}}}),
      ev(5, {{"services", {{{"code", "Y"}, {"name", "y3"}}}}}),
  };
  for (const Event& e : events) REQUIRE((*store)->commit({e}, "2026-12-04", "", ""));
  REQUIRE((*store)->flush_entities());
  auto name_of = [&](const char* kind, const char* key) {
    sqlite3* h = nullptr;
    REQUIRE(sqlite3_open(f.path.c_str(), &h) == SQLITE_OK);
    std::string name = "(none)";
    const std::string sql = std::string("SELECT json FROM entities WHERE kind = '") + kind + "' AND key = '" + key + "'";
    sqlite3_exec(h, sql.c_str(), [](void* v, int, char** vals, char**) {
      *static_cast<std::string*>(v) = json::parse(vals[0]).value("name", "");
      return 0;
    }, &name, nullptr);
    sqlite3_close(h);
    return name;
  };
  CHECK(name_of("service", "X") == "(none)");
  CHECK(name_of("counter", "1") == "(none)");
  CHECK(name_of("service", "Y") == "y3");
  CHECK(name_of("service", "Z") == "z1");
  CHECK(name_of("counter", "2") == "two");
  CHECK(count_rows(f.path, "SELECT count(*) FROM entities WHERE kind IN ('service', 'counter')") == 3);
}
