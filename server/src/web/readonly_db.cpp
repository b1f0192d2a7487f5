#include "web/readonly_db.h"

#include <sqlite3.h>

namespace antrian::web {

std::string ReadonlyDb::Row::text(int col) const {
  const unsigned char* t = sqlite3_column_text(stmt, col);
  return t ? reinterpret_cast<const char*>(t) : "";
}

int64_t ReadonlyDb::Row::integer(int col) const { return sqlite3_column_int64(stmt, col); }

Result<ReadonlyDb> ReadonlyDb::open(const std::string& path) {
  if (path.empty()) return make_error("storage", "the hub did not say where its database is");
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return make_error("storage", "cannot read the hub's database: " + why);
  }
  sqlite3_busy_timeout(db, 2000);
  return ReadonlyDb(db);
}

ReadonlyDb::~ReadonlyDb() {
  if (db_) sqlite3_close(db_);
}

Result<Ok> ReadonlyDb::query(const std::string& sql, const std::vector<Value>& binds,
                             const std::function<void(const Row&)>& on_row) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    return make_error("storage", std::string("database query failed: ") + sqlite3_errmsg(db_));
  for (std::size_t i = 0; i < binds.size(); ++i) {
    const int idx = int(i) + 1;
    if (const auto* s = std::get_if<std::string>(&binds[i]))
      sqlite3_bind_text(st, idx, s->c_str(), -1, SQLITE_TRANSIENT);
    else
      sqlite3_bind_int64(st, idx, std::get<int64_t>(binds[i]));
  }
  int rc = SQLITE_ROW;
  Row row{st};
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) on_row(row);
  std::string why = rc == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) return make_error("storage", "database read failed: " + why);
  return Ok{};
}

}  // namespace antrian::web
