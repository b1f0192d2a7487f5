#include "hub_log.h"

#include <sqlite3.h>

namespace antrian::district {
namespace {

Error sql_error(sqlite3* db, const std::string& what) {
  return make_error("hub_log", what + ": " + sqlite3_errmsg(db));
}

}  // namespace

Result<std::unique_ptr<HubLog>> HubLog::open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return make_error("hub_log", "cannot open the hub's log " + path + " read-only: " + why +
                                     " (give --hub-db DATA_DIR/antrian.db of a hub that has run once)");
  }
  sqlite3_busy_timeout(db, 2000);
  std::unique_ptr<HubLog> log(new HubLog(db));
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT 1 FROM events LIMIT 1", -1, &st, nullptr) != SQLITE_OK) {
    Error e = make_error("hub_log", path + " is not a hub's log (no events table): " + sqlite3_errmsg(db));
    sqlite3_finalize(st);
    return e;
  }
  sqlite3_finalize(st);
  return log;
}

HubLog::~HubLog() { sqlite3_close(db_); }

Result<std::vector<Event>> HubLog::after(int64_t seq, int limit) {
  std::vector<Event> out;
  auto n = each_after(seq, limit, [&](Event& e, std::string_view) { out.push_back(std::move(e)); });
  if (!n) return n.error();
  return out;
}

Result<int64_t> HubLog::each_after(int64_t seq, int limit, const EventUser& use) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT seq, at, type, actor, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?", -1,
                         &st, nullptr) != SQLITE_OK)
    return sql_error(db_, "read the hub's log");
  sqlite3_bind_int64(st, 1, seq);
  sqlite3_bind_int(st, 2, limit);
  int64_t n = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    Event e;
    e.seq = sqlite3_column_int64(st, 0);
    e.at = sqlite3_column_int64(st, 1);
    e.type = reinterpret_cast<const char*>(sqlite3_column_text(st, 2));
    e.actor = reinterpret_cast<const char*>(sqlite3_column_text(st, 3));
    const char* data = reinterpret_cast<const char*>(sqlite3_column_text(st, 4));
    const std::string_view text = data ? std::string_view(data, static_cast<std::size_t>(sqlite3_column_bytes(st, 4)))
                                       : std::string_view("{}");
    e.data = nlohmann::json::parse(text.begin(), text.end(), nullptr, false);
    if (e.data.is_discarded()) {
      sqlite3_finalize(st);
      return make_error("hub_log", "event " + std::to_string(e.seq) + " in the hub's log is not valid JSON");
    }
    use(e, text);
    ++n;
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return sql_error(db_, "read the hub's log");
  return n;
}

Result<int64_t> HubLog::last_seq() {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, "SELECT COALESCE(MAX(seq), 0) FROM events", -1, &st, nullptr) != SQLITE_OK)
    return sql_error(db_, "read the hub's log");
  int64_t n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_finalize(st);
  return n;
}

}  // namespace antrian::district
