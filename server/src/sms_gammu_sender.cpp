#include "sms_gammu_sender.h"

#include <sqlite3.h>

namespace antrian {
namespace {

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const char* sql, const std::string& bind) {
    sqlite3_prepare_v2(db, sql, -1, &s, nullptr);
    sqlite3_bind_text(s, 1, bind.c_str(), -1, SQLITE_TRANSIENT);
  }
  ~Stmt() { sqlite3_finalize(s); }
};

bool ascii(const std::string& t) {
  for (unsigned char c : t)
    if (c >= 0x80) return false;
  return true;
}

}  // namespace

GammuSender::~GammuSender() { sqlite3_close(db_); }

Result<sqlite3*> GammuSender::db() {
  if (db_) return db_;
  sqlite3* db = nullptr;
  // Never created here: gammu-smsd must run on the same file, made from its own schema.
  if (sqlite3_open_v2(path_.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return make_error("gammu", "cannot open gammu's database " + path_ +
                                   " (make it with: sqlite3 " + path_ +
                                   " < /usr/share/doc/gammu-smsd/examples/sqlite.sql)");
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* check = nullptr;
  const bool schema = sqlite3_prepare_v2(db, "SELECT Version FROM gammu", -1, &check, nullptr) == SQLITE_OK &&
                      sqlite3_step(check) == SQLITE_ROW;
  sqlite3_finalize(check);
  if (!schema) {
    sqlite3_close(db);
    return make_error("gammu", path_ + " has no gammu schema (load /usr/share/doc/gammu-smsd/examples/sqlite.sql)");
  }
  db_ = db;
  return db_;
}

Result<Ok> GammuSender::hand_over(const outbox_db::Pending& m) {
  auto db = this->db();
  if (!db) return db.error();
  auto fail = [&](const char* what) {
    const std::string why = std::string(what) + ": " + sqlite3_errmsg(*db);
    sqlite3_exec(*db, "ROLLBACK", nullptr, nullptr, nullptr);
    // A broken connection is opened again next time.
    sqlite3_close(db_);
    db_ = nullptr;
    return make_error("gammu", "gammu's database " + path_ + ": " + why);
  };
  if (sqlite3_exec(*db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("begin");
  {
    Stmt seen(*db, "SELECT (SELECT COUNT(*) FROM outbox WHERE CreatorID = ?1) + "
                   "(SELECT COUNT(*) FROM sentitems WHERE CreatorID = ?1)", m.id);
    if (sqlite3_step(seen.s) != SQLITE_ROW) return fail("look up");
    if (sqlite3_column_int(seen.s, 0) > 0) {
      sqlite3_exec(*db, "COMMIT", nullptr, nullptr, nullptr);
      return Ok{};  // handed over before a crash: not again
    }
  }
  sqlite3_stmt* ins = nullptr;
  sqlite3_prepare_v2(*db,
                     "INSERT INTO outbox (DestinationNumber, TextDecoded, CreatorID, Coding, MultiPart) "
                     "VALUES (?, ?, ?, ?, 'false')",
                     -1, &ins, nullptr);
  sqlite3_bind_text(ins, 1, m.phone.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(ins, 2, m.text.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(ins, 3, m.id.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(ins, 4, ascii(m.text) ? "Default_No_Compression" : "Unicode_No_Compression", -1, SQLITE_STATIC);
  const int rc = sqlite3_step(ins);
  sqlite3_finalize(ins);
  if (rc != SQLITE_DONE) return fail("insert");
  if (sqlite3_exec(*db, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return fail("commit");
  return Ok{};
}

std::optional<std::string> GammuSender::delivery(const outbox_db::Pending& m) {
  auto db = this->db();
  if (!db) return std::nullopt;
  {
    Stmt sent(*db, "SELECT Status FROM sentitems WHERE CreatorID = ? ORDER BY SequencePosition DESC LIMIT 1", m.id);
    if (sqlite3_step(sent.s) == SQLITE_ROW) {
      const std::string status = reinterpret_cast<const char*>(sqlite3_column_text(sent.s, 0));
      if (status == "SendingError" || status == "Error" || status == "DeliveryFailed") return "failed: " + status;
      return "sent";
    }
  }
  Stmt queued(*db, "SELECT COUNT(*) FROM outbox WHERE CreatorID = ?", m.id);
  if (sqlite3_step(queued.s) == SQLITE_ROW && sqlite3_column_int(queued.s, 0) > 0) return std::nullopt;
  return "lost";
}

}  // namespace antrian
