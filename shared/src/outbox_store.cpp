#include "antrian/outbox_store.h"

#include <sqlite3.h>

#include <random>

#include "antrian/phone_number.h"
#include "antrian/protocol.h"

namespace antrian::outbox_db {
namespace {

using json = nlohmann::json;

constexpr const char* kSchema = R"sql(
  CREATE TABLE IF NOT EXISTS contacts (token TEXT PRIMARY KEY, phone TEXT NOT NULL, ticket_id INTEGER NOT NULL,
                                       day TEXT NOT NULL, created_at INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS outbox (id TEXT NOT NULL, channel TEXT NOT NULL, phone TEXT NOT NULL,
                                     kind TEXT NOT NULL, text TEXT NOT NULL, ticket_id INTEGER NOT NULL,
                                     ticket_label TEXT NOT NULL, day TEXT NOT NULL, created_at INTEGER NOT NULL,
                                     state TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
                                     last_error TEXT NOT NULL DEFAULT '', done_at INTEGER NOT NULL DEFAULT 0,
                                     PRIMARY KEY (id, channel)) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS outbox_open ON outbox (state, created_at);
  CREATE TABLE IF NOT EXISTS outbox_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
)sql";

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
  ~Stmt() { sqlite3_finalize(s); }
  Stmt& text(int i, const std::string& v) {
    sqlite3_bind_text(s, i, v.c_str(), -1, SQLITE_TRANSIENT);
    return *this;
  }
  Stmt& num(int i, int64_t v) {
    sqlite3_bind_int64(s, i, v);
    return *this;
  }
  std::string col(int i) const {
    const unsigned char* t = sqlite3_column_text(s, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
  int64_t num_col(int i) const { return sqlite3_column_int64(s, i); }
};

Error db_error(sqlite3* db, const std::string& what) {
  return make_error(std::string(proto::err::storage), "outbox: " + what + ": " + sqlite3_errmsg(db));
}

Result<Ok> run(sqlite3* db, Stmt& st, const std::string& what) {
  if (!st.s || sqlite3_step(st.s) != SQLITE_DONE) return db_error(db, what);
  return Ok{};
}

std::string random_hub_id() {
  std::random_device rd;
  char buf[9];
  std::snprintf(buf, sizeof buf, "%08x", static_cast<unsigned>(rd()));
  return buf;
}

}  // namespace

Result<Ok> ensure_tables(sqlite3* db) {
  char* msg = nullptr;
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string why = msg ? msg : "unknown";
    sqlite3_free(msg);
    return make_error(std::string(proto::err::storage), "outbox tables: " + why);
  }
  // The hub's id makes message ids unique across offices sharing one gateway.
  Stmt st(db, "INSERT OR IGNORE INTO outbox_meta (key, value) VALUES ('hub_id', ?)");
  st.text(1, random_hub_id());
  return run(db, st, "hub id");
}

Result<Ok> write_private(sqlite3* db, const PrivateWrites& w) {
  for (const ContactRow& c : w.contacts) {
    Stmt st(db, "INSERT OR REPLACE INTO contacts (token, phone, ticket_id, day, created_at) VALUES (?,?,?,?,?)");
    st.text(1, c.token).text(2, c.phone).num(3, c.ticket_id).text(4, c.day).num(5, c.created_at);
    if (auto r = run(db, st, "save contact"); !r) return r;
  }
  for (const std::string& phone : w.forget_phones)
    for (const char* sql : {"DELETE FROM contacts WHERE phone = ?", "DELETE FROM outbox WHERE phone = ?"}) {
      Stmt st(db, sql);
      st.text(1, phone);
      if (auto r = run(db, st, "delete a person's data"); !r) return r;
    }
  if (w.purge_before > 0)
    for (const char* sql : {"DELETE FROM contacts WHERE created_at < ?", "DELETE FROM outbox WHERE created_at < ?"}) {
      Stmt st(db, sql);
      st.num(1, w.purge_before);
      if (auto r = run(db, st, "delete old contacts"); !r) return r;
    }
  for (const OutboxMessage& m : w.messages) {
    Stmt st(db, "INSERT OR IGNORE INTO outbox (id, channel, phone, kind, text, ticket_id, ticket_label, day, "
                "created_at, state) VALUES (?,?,?,?,?,?,?,?,?,?)");
    st.text(1, m.id).text(2, m.channel).text(3, m.phone).text(4, m.kind).text(5, m.text).num(6, m.ticket_id);
    st.text(7, m.ticket_label).text(8, m.day).num(9, m.created_at).text(10, m.state);
    if (auto r = run(db, st, "save message"); !r) return r;
  }
  return Ok{};
}

Result<PlannerMemory> load_memory(sqlite3* db, const std::string& today) {
  PlannerMemory m;
  m.day = today;
  {
    Stmt st(db, "SELECT value FROM outbox_meta WHERE key = 'hub_id'");
    if (!st.s || sqlite3_step(st.s) != SQLITE_ROW) return db_error(db, "read hub id");
    m.hub_id = st.col(0);
  }
  {
    Stmt st(db, "SELECT token, phone, ticket_id, day, created_at FROM contacts WHERE day = ?");
    st.text(1, today);
    while (st.s && sqlite3_step(st.s) == SQLITE_ROW)
      m.contacts[st.col(0)] = ContactRow{st.col(0), st.col(1), st.col(3), st.num_col(2), st.num_col(4)};
  }
  {
    // Come-back entries' numbers, whatever their day: deleted with the retention days.
    Stmt st(db, "SELECT token, phone, ticket_id, day, created_at FROM contacts WHERE token LIKE 'comeback:%'");
    while (st.s && sqlite3_step(st.s) == SQLITE_ROW)
      m.comeback_contacts[st.col(0)] = ContactRow{st.col(0), st.col(1), st.col(3), st.num_col(2), st.num_col(4)};
  }
  {
    // Ids hold the ticket id, unique in the database: today's are all that can recur.
    Stmt st(db, "SELECT id, phone, channel FROM outbox WHERE day = ?");
    st.text(1, today);
    while (st.s && sqlite3_step(st.s) == SQLITE_ROW) {
      if (!m.message_ids.insert(st.col(0)).second) continue;  // the same message on a second channel
      ++m.made_today[st.col(1)];
    }
  }
  return m;
}

Result<std::vector<Pending>> due(sqlite3* db, int limit, bool handed) {
  Stmt st(db, (std::string("SELECT id, channel, phone, kind, text, ticket_label, state, created_at, attempts FROM outbox "
                           "WHERE state IN ") + (handed ? "('handed')" : "('pending','retrying')") +
               " ORDER BY created_at LIMIT ?").c_str());
  if (!st.s) return db_error(db, "read the outbox");
  st.num(1, limit);
  std::vector<Pending> out;
  int rc;
  while ((rc = sqlite3_step(st.s)) == SQLITE_ROW)
    out.push_back({st.col(0), st.col(1), st.col(2), st.col(3), st.col(4), st.col(5), st.col(6), st.num_col(7),
                   int(st.num_col(8))});
  if (rc != SQLITE_DONE) return db_error(db, "read the outbox");
  return out;
}

Result<Ok> set_state(sqlite3* db, const std::string& id, const std::string& channel, const std::string& state,
                     int attempts, const std::string& error, int64_t at) {
  // A delivery after failures keeps the last failure's text for /admin.
  Stmt st(db, "UPDATE outbox SET state = ?1, attempts = ?2, last_error = CASE WHEN ?3 = '' THEN last_error ELSE ?3 END, "
              "done_at = ?4 WHERE id = ?5 AND channel = ?6");
  st.text(1, state).num(2, attempts).text(3, error.substr(0, 300)).num(4, at).text(5, id).text(6, channel);
  return run(db, st, "save delivery state");
}

json status(sqlite3* db) {
  json out = {{"channels", json::object()}, {"failures", json::array()}};
  {
    // A failed attempt is every attempt that did not deliver.
    Stmt st(db, "SELECT channel, state, COUNT(*), SUM(attempts - CASE WHEN state IN ('sent','handed') THEN 1 ELSE 0 END) "
                "FROM outbox GROUP BY channel, state");
    while (st.s && sqlite3_step(st.s) == SQLITE_ROW) {
      json& c = out["channels"][st.col(0)];
      if (!c.contains("states")) c = {{"states", json::object()}, {"failed_attempts", 0}};
      c["states"][st.col(1)] = st.num_col(2);
      c["failed_attempts"] = c["failed_attempts"].get<int64_t>() + st.num_col(3);
    }
  }
  Stmt st(db, "SELECT id, channel, phone, kind, state, attempts, last_error, created_at FROM outbox "
              "WHERE last_error != '' ORDER BY done_at DESC LIMIT 10");
  while (st.s && sqlite3_step(st.s) == SQLITE_ROW)
    out["failures"].push_back({{"id", st.col(0)}, {"channel", st.col(1)}, {"phone", mask_phone(st.col(2))},
                               {"kind", st.col(3)}, {"state", st.col(4)}, {"attempts", st.num_col(5)},
                               {"error", st.col(6)}, {"created_at", st.num_col(7)}});
  return out;
}

json export_phone(sqlite3* db, const std::string& phone) {
  json out = {{"phone", phone}, {"contacts", json::array()}, {"messages", json::array()}};
  {
    Stmt st(db, "SELECT ticket_id, day, created_at FROM contacts WHERE phone = ? ORDER BY created_at");
    st.text(1, phone);
    while (st.s && sqlite3_step(st.s) == SQLITE_ROW)
      out["contacts"].push_back({{"ticket_id", st.num_col(0)}, {"day", st.col(1)}, {"created_at", st.num_col(2)}});
  }
  Stmt st(db, "SELECT id, channel, kind, text, ticket_label, day, created_at, state, attempts, done_at FROM outbox "
              "WHERE phone = ? ORDER BY created_at, id, channel");
  st.text(1, phone);
  while (st.s && sqlite3_step(st.s) == SQLITE_ROW)
    out["messages"].push_back({{"id", st.col(0)}, {"channel", st.col(1)}, {"kind", st.col(2)}, {"text", st.col(3)},
                               {"ticket", st.col(4)}, {"day", st.col(5)}, {"created_at", st.num_col(6)},
                               {"state", st.col(7)}, {"attempts", st.num_col(8)}, {"done_at", st.num_col(9)}});
  return out;
}

std::pair<int, int> count_matching(sqlite3* db, const std::string& phone, int64_t before) {
  auto count = [&](const char* table) {
    const std::string sql = std::string("SELECT COUNT(*) FROM ") + table +
                            (phone.empty() ? " WHERE created_at < ?" : " WHERE phone = ?");
    Stmt st(db, sql.c_str());
    if (phone.empty()) st.num(1, before);
    else st.text(1, phone);
    return st.s && sqlite3_step(st.s) == SQLITE_ROW ? int(st.num_col(0)) : 0;
  };
  return {count("contacts"), count("outbox")};
}

}  // namespace antrian::outbox_db
