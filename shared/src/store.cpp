#include "antrian/store.h"

#include <sqlite3.h>

#include "antrian/arrival_curve.h"
#include "antrian/booking.h"
#include "antrian/booking_people.h"
#include "antrian/comeback.h"
#include "antrian/model_json.h"
#include "antrian/outbox_store.h"
#include "antrian/protocol.h"

namespace antrian {
namespace {

// Each entry moves the schema one version up; never edit a released entry.
constexpr const char* kMigrations[] = {
    // 1: event log, current-state entities, answered requests, settings. No secondary
    //    indexes and WITHOUT ROWID tables: every page a commit touches is written and
    //    synced on the hot path. The last sequence number is the log's own MAX(seq).
    R"sql(
      CREATE TABLE events (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, type TEXT NOT NULL,
                           actor TEXT NOT NULL, data TEXT NOT NULL);
      CREATE TABLE entities (kind TEXT NOT NULL, key TEXT NOT NULL, day TEXT NOT NULL,
                             json TEXT NOT NULL, PRIMARY KEY (kind, key)) WITHOUT ROWID;
      CREATE TABLE requests (id TEXT PRIMARY KEY, at INTEGER NOT NULL, reply TEXT NOT NULL) WITHOUT ROWID;
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    )sql",
};

// A WAL longer than this (4 MB) is checkpointed until the writer can start it over
// (see restart_wal_if_long in store_rows.cpp for what the writer does past 16 MB).
constexpr int kRestartAfterFrames = 1000;

struct Stmt {
  sqlite3_stmt* s = nullptr;
  ~Stmt() { sqlite3_finalize(s); }
};

std::string column_text(sqlite3_stmt* s, int i) {
  const unsigned char* t = sqlite3_column_text(s, i);
  return t ? reinterpret_cast<const char*>(t) : "";
}

}  // namespace

Result<std::unique_ptr<Store>> Store::open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                      nullptr) != SQLITE_OK) {
    std::string why = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return make_error(std::string(proto::err::storage), "cannot open database " + path + ": " + why);
  }
  std::unique_ptr<Store> store(new Store(db));
  sqlite3_busy_timeout(db, 5000);
  // Checkpoints run on a thread of their own (see Checkpointer) so a command's commit
  // never waits for the WAL to be copied back into the database.
  // journal_size_limit: after a busy day's checkpoint the WAL file shrinks back to 64 MiB
  // instead of keeping its largest size on the office's disk.
  // secure_delete: a phone number deleted (retention, or at the person's request) is
  // overwritten with zeros, not left in a free page for the next backup to copy.
  for (const char* pragma : {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA journal_size_limit=67108864",
                             "PRAGMA secure_delete=ON"})
    if (auto r = store->exec(pragma); !r) return r.error();
  if (auto r = store->migrate(); !r) return r.error();
  if (auto r = outbox_db::ensure_tables(db); !r) return r.error();
  if (auto r = booking_db::ensure_tables(db); !r) return r.error();
  auto prep = [&](const char* sql, sqlite3_stmt** out) { return sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, out, nullptr) == SQLITE_OK; };
  if (!prep("INSERT INTO events (seq, at, type, actor, data) VALUES (?,?,?,?,?)", &store->insert_event_) ||
      !prep("INSERT INTO entities (kind, key, day, json) VALUES (?,?,?,?) "
            "ON CONFLICT (kind, key) DO UPDATE SET day = excluded.day, json = excluded.json",
            &store->upsert_entity_) ||
      !prep("INSERT OR REPLACE INTO requests (id, at, reply) VALUES (?,?,?)", &store->insert_request_) ||
      !prep("SELECT reply FROM requests WHERE id = ?", &store->find_request_) ||
      !prep("BEGIN IMMEDIATE", &store->begin_) || !prep("COMMIT", &store->commit_) ||
      !prep("ROLLBACK", &store->rollback_) || !prep("PRAGMA synchronous=NORMAL", &store->sync_normal_) ||
      !prep("PRAGMA synchronous=FULL", &store->sync_full_))
    return store->sql_error("prepare");
  // The seq the current-state rows are current to. A database of an older hub had
  // its rows written with every commit: current to its last event.
  if (auto r = store->exec("INSERT OR IGNORE INTO entities (kind, key, day, json) "
                           "SELECT 'meta', 'entities_seq', '', COALESCE(MAX(seq), 0) FROM events");
      !r)
    return r.error();
  store->committed_seq_ = store->last_seq();
  store->flushed_seq_ = store->rows_seq();
  store->tail_staged_ = store->flushed_seq_ >= store->committed_seq_;
  // Without a second connection SQLite's own automatic checkpoints stay on.
  sqlite3* checkpoint_db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &checkpoint_db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr) == SQLITE_OK &&
      store->exec("PRAGMA wal_autocheckpoint=0")) {
    sqlite3_busy_timeout(checkpoint_db, 1000);
    // A connection that has never read the database has not opened its WAL, and
    // SQLite 3.40 (Debian 12) then makes every checkpoint on it a silent no-op: the
    // WAL grew without end (1.4 GB after three 10x days) and the database stayed empty.
    sqlite3_exec(checkpoint_db, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
    // (After the pragma, which clears any WAL hook.) How long the WAL is, after each
    // commit: restart_wal_if_long() reads it.
    sqlite3_wal_hook(db, [](void* self, sqlite3*, const char*, int frames) {
      static_cast<Store*>(self)->wal_frames_ = frames;
      return SQLITE_OK;
    }, store.get());
    store->checkpointer_ = std::thread([s = store.get(), checkpoint_db] { s->checkpoint_loop(checkpoint_db); });
  } else {
    sqlite3_close(checkpoint_db);
  }
  return store;
}

void Store::checkpoint_loop(sqlite3* db) {
  std::unique_lock lock(checkpoint_mu_);
  bool again = false;
  int last_frames = 0;
  while (!stopping_) {
    checkpoint_cv_.wait_for(lock, std::chrono::milliseconds(again ? 10 : 500));
    if (stopping_) break;
    lock.unlock();
    // PASSIVE never blocks the writer; pages still in use are copied next time.
    int frames = 0, copied = 0;
    const int rc = sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied);
    ckpt_copied_ = rc == SQLITE_OK ? copied : 0;
    // The writer starts the WAL over from its beginning only when every frame was
    // copied before its next commit. Under steady commits a round that copied 500 ms
    // of them never finished in time and the WAL grew without end (400 MB in 8 s of
    // the hub bench; every commit then extends the file, which costs each one's sync).
    // So a long WAL gets rounds 10 ms apart until one finds nothing new (1 ms apart,
    // their syncs of the database file stretched the commits' p99 at 50,000 tickets);
    // commits that never pause get the last frames copied by the writer
    // (restart_wal_if_long).
    again = rc == SQLITE_OK && frames > kRestartAfterFrames && frames != last_frames;
    last_frames = frames;
    lock.lock();
  }
  sqlite3_wal_checkpoint_v2(db, nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  sqlite3_close(db);
}

Store::~Store() {
  flush_entities();  // a hub that stops leaves its rows current (a failure: load() replays)
  {
    std::lock_guard lock(checkpoint_mu_);
    stopping_ = true;
  }
  checkpoint_cv_.notify_all();
  if (checkpointer_.joinable()) checkpointer_.join();
  for (sqlite3_stmt* s : {insert_event_, upsert_entity_, insert_request_, find_request_, begin_, commit_, rollback_,
                          sync_normal_, sync_full_})
    sqlite3_finalize(s);
  sqlite3_close(db_);
}

Error Store::sql_error(const std::string& what) const {
  const int code = sqlite3_extended_errcode(db_);
  std::string reason = what + ": " + sqlite3_errmsg(db_);
  if ((code & 0xff) == SQLITE_FULL) reason = what + ": the disk is full; free space on the hub's data disk";
  return make_error(std::string(proto::err::storage), reason);
}

Result<Ok> Store::exec(const char* sql) {
  char* msg = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string why = msg ? msg : "unknown";
    sqlite3_free(msg);
    return make_error(std::string(proto::err::storage), std::string("database: ") + why);
  }
  return Ok{};
}

Result<Ok> Store::migrate() {
  Stmt s;
  sqlite3_prepare_v2(db_, "PRAGMA user_version", -1, &s.s, nullptr);
  int version = sqlite3_step(s.s) == SQLITE_ROW ? sqlite3_column_int(s.s, 0) : 0;
  if (version > kSchemaVersion)
    return make_error(std::string(proto::err::storage),
                      "database schema " + std::to_string(version) + " is newer than this hub (" +
                          std::to_string(kSchemaVersion) + "); run a newer antrian-server");
  for (; version < kSchemaVersion; ++version) {
    if (auto r = exec("BEGIN IMMEDIATE"); !r) return r;
    auto r = exec(kMigrations[version]);
    const std::string bump = "PRAGMA user_version=" + std::to_string(version + 1);
    if (r) r = exec(bump.c_str());
    if (!r) {
      exec("ROLLBACK");
      return r;
    }
    if (auto c = exec("COMMIT"); !c) return c;
  }
  return Ok{};
}

Result<Ok> Store::commit(const std::vector<Event>& events, const std::string& day_after,
                         const std::string& request_id, const std::string& reply) {
  return commit_logged([&] { return write(events, {}, day_after, request_id, reply); },
                       events.empty() ? committed_seq_ : events.back().seq);
}

Result<Ok> Store::commit(const std::vector<Change>& changes) {
  if (changes.empty()) return Ok{};
  int64_t last = committed_seq_;
  for (const Change& c : changes)
    if (!c.events.empty()) last = std::max(last, c.events.back().seq);
  return commit_logged([&]() -> Result<Ok> {
    for (const Change& c : changes)
      if (auto r = write(c.events, c.texts, c.day, c.request_id, c.reply, &c.priv); !r) return r;
    return Ok{};
  }, last);
}

Result<Ok> Store::commit_logged(const std::function<Result<Ok>()>& body, int64_t last_seq) {
  staged_rows_.clear();
  auto r = in_transaction(body);
  if (r) {
    pending_rows_.insert(pending_rows_.end(), std::make_move_iterator(staged_rows_.begin()),
                         std::make_move_iterator(staged_rows_.end()));
    committed_seq_ = std::max(committed_seq_, last_seq);
  }
  staged_rows_.clear();
  return r;
}

Result<Ok> Store::step(sqlite3_stmt* s, const char* what) {
  const int rc = sqlite3_step(s);
  Result<Ok> r = Ok{};
  if (rc != SQLITE_DONE) r = sql_error(what);
  sqlite3_reset(s);
  return r;
}

Result<Ok> Store::in_transaction(const std::function<Result<Ok>()>& body) {
  if (auto r = step(begin_, "begin"); !r) return r;
  if (auto r = body(); !r) {
    step(rollback_, "rollback");
    return r;
  }
  if (auto r = step(commit_, "commit"); !r) {
    step(rollback_, "rollback");
    return r;
  }
  return Ok{};
}

Result<Ok> Store::write(const std::vector<Event>& events, const std::vector<EventText>& texts,
                        const std::string& day_after, const std::string& request_id, const std::string& reply,
                        const PrivateWrites* priv) {
  auto fail = [&](Error e) -> Result<Ok> { return e; };
  if (priv && !priv->empty())
    if (auto r = outbox_db::write_private(db_, *priv); !r) return r;
  if (priv && (!priv->booking_people.empty() || !priv->forget_phones.empty() || priv->purge_bookers_before > 0))
    if (auto r = booking_db::write(db_, priv->booking_people, priv->forget_phones, priv->purge_bookers_before); !r)
      return r;
  std::string day = day_after;
  for (std::size_t i = 0; i < events.size(); ++i) {
    const Event& e = events[i];
    // The log row and each entity row are slices of one text (event_text.h).
    EventText made;
    if (texts.size() != events.size()) made = encode_event(e);
    const EventText& text = texts.size() == events.size() ? texts[i] : made;
    const std::string& data = text.data;
    sqlite3_reset(insert_event_);
    sqlite3_bind_int64(insert_event_, 1, e.seq);
    sqlite3_bind_int64(insert_event_, 2, e.at);
    sqlite3_bind_text(insert_event_, 3, e.type.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert_event_, 4, e.actor.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(insert_event_, 5, data.data(), int(data.size()), SQLITE_STATIC);
    if (sqlite3_step(insert_event_) != SQLITE_DONE) return fail(sql_error("append event"));
    stage_rows(e, text, day);
  }
  if (!request_id.empty()) {
    sqlite3_reset(insert_request_);
    sqlite3_bind_text(insert_request_, 1, request_id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(insert_request_, 2, events.empty() ? 0 : events.back().at);
    sqlite3_bind_text(insert_request_, 3, reply.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(insert_request_) != SQLITE_DONE) return fail(sql_error("record request"));
  }
  return Ok{};
}

std::optional<std::string> Store::find_reply(const std::string& request_id) {
  sqlite3_reset(find_request_);
  sqlite3_bind_text(find_request_, 1, request_id.c_str(), -1, SQLITE_TRANSIENT);
  if (sqlite3_step(find_request_) != SQLITE_ROW) return std::nullopt;
  return column_text(find_request_, 0);
}

Result<OfficeState> Store::load() {
  flush_entities();  // when it fails, the events past the rows are replayed below
  OfficeState s;
  int64_t table_seq = 0;
  try {
    Stmt q;
    sqlite3_prepare_v2(db_, "SELECT kind, key, day, json FROM entities", -1, &q.s, nullptr);
    std::vector<std::tuple<std::string, std::string, std::string, std::string>> rows;
    while (sqlite3_step(q.s) == SQLITE_ROW)
      rows.emplace_back(column_text(q.s, 0), column_text(q.s, 1), column_text(q.s, 2), column_text(q.s, 3));
    for (const auto& [kind, key, day, text] : rows) {
      if (kind == "meta" && key == "day") s.day = text;
      if (kind == "meta" && key == "entities_seq") table_seq = std::stoll(text);
    }
    for (const auto& [kind, key, day, text] : rows) {
      if (kind == "meta") {
        if (key == "announcement") s.announcement = text;
        if (key == "closures")
          for (const json& j : json::parse(text))
            if (auto c = closure_from_json(j, "closures")) s.closures[c->date] = *c;
      } else if (kind == "office") {
        s.office = office_from_json(json::parse(text));
      } else if (kind == "ticket") {
        Ticket t = ticket_from_json(json::parse(text));
        s.next_ticket_id = std::max(s.next_ticket_id, t.id + 1);
        if (t.day == s.day) s.tickets[t.id] = std::move(t);
      } else if (kind == "counter") {
        Counter c = counter_from_json(json::parse(text));
        s.counters[c.number] = c;
      } else if (kind == "service") {
        Service v = service_from_json(json::parse(text));
        s.services[v.code] = v;
      } else if (kind == "staff") {
        StaffMember m = staff_from_json(json::parse(text));
        s.staff[m.id] = m;
      } else if (kind == "resource") {
        Resource r = resource_from_json(json::parse(text));
        s.resources[r.id] = r;
      } else if (kind == "disruption") {
        Disruption d = disruption_from_json(json::parse(text));
        s.next_disruption_id = std::max(s.next_disruption_id, d.id + 1);
        if (d.active || day == s.day) s.disruptions[d.id] = d;
      } else if (kind == "stats") {
        ServiceStats st = stats_from_json(json::parse(text));
        s.stats[st.service] = st;
      } else if (kind == "arrival_curve") {
        ArrivalCurve c = arrival_curve_from_json(json::parse(text));
        s.arrivals[c.service] = c;
      } else if (kind == "device") {
        DeviceStatus x = device_from_json(json::parse(text));
        s.devices[x.id] = x;
      } else if (kind == "device_key") {
        DeviceKey k = device_key_from_json(json::parse(text));
        s.device_keys[k.name] = k;
      } else if (kind == "comeback") {
        ComebackEntry c = comeback_from_json(json::parse(text));
        s.next_comeback_id = std::max(s.next_comeback_id, c.id + 1);
        if (c.is_open() || day == s.day) s.comeback[c.id] = c;  // as the reducer keeps them
      } else if (kind == "booking") {
        Booking b = booking_from_json(json::parse(text));
        s.next_booking_id = std::max(s.next_booking_id, b.id + 1);
        if (b.is_open() || b.date >= s.day) s.bookings[b.id] = b;  // as the reducer keeps them
      } else if (kind == "last_number") {
        if (day == s.day) s.last_number[key] = std::stoi(text);
      } else if (kind == "refused") {
        if (day == s.day) s.refused_today[key] = std::stoi(text);
      }
    }
  } catch (const std::exception& e) {
    return make_error(std::string(proto::err::storage), std::string("database content is damaged: ") + e.what());
  }
  reindex(s);
  // Events committed after the rows were last written (the hub stopped between the
  // two transactions): the log is the truth, and their rows are written again.
  if (auto r = apply_log_after(s, table_seq, true); !r) return r.error();
  tail_staged_ = true;
  flush_entities();  // when it fails, the rows stay pending and the seq where it was
  s.seq = last_seq();
  return s;
}

Result<std::vector<Event>> Store::events_after(int64_t seq, int limit) {
  Stmt q;
  sqlite3_prepare_v2(db_, "SELECT seq, at, type, actor, data FROM events WHERE seq > ? ORDER BY seq LIMIT ?", -1, &q.s, nullptr);
  sqlite3_bind_int64(q.s, 1, seq);
  sqlite3_bind_int(q.s, 2, limit);
  std::vector<Event> out;
  try {
    while (sqlite3_step(q.s) == SQLITE_ROW) {
      Event e;
      e.seq = sqlite3_column_int64(q.s, 0);
      e.at = sqlite3_column_int64(q.s, 1);
      e.type = column_text(q.s, 2);
      e.actor = column_text(q.s, 3);
      e.data = json::parse(column_text(q.s, 4));
      out.push_back(std::move(e));
    }
  } catch (const std::exception& e) {
    return make_error(std::string(proto::err::storage), std::string("event log is damaged: ") + e.what());
  }
  return out;
}

Result<OfficeState> Store::replay() {
  OfficeState s;
  if (auto r = apply_log_after(s, 0, false); !r) return r.error();
  return s;
}

Result<Ok> Store::apply_log_after(OfficeState& s, int64_t seq, bool rows_too) {
  for (int64_t from = seq;;) {
    auto batch = events_after(from, 5000);
    if (!batch) return batch.error();
    if (batch->empty()) return Ok{};
    for (const Event& e : *batch) {
      apply_event(s, e);
      if (rows_too) rows_replayed(e, s.day);
    }
    from = batch->back().seq;
  }
}

int64_t Store::rows_seq() {
  Stmt q;
  sqlite3_prepare_v2(db_, "SELECT json FROM entities WHERE kind = 'meta' AND key = 'entities_seq'", -1, &q.s, nullptr);
  return sqlite3_step(q.s) == SQLITE_ROW ? std::atoll(column_text(q.s, 0).c_str()) : 0;
}

int64_t Store::last_seq() {
  Stmt q;
  sqlite3_prepare_v2(db_, "SELECT COALESCE(MAX(seq), 0) FROM events", -1, &q.s, nullptr);
  return sqlite3_step(q.s) == SQLITE_ROW ? sqlite3_column_int64(q.s, 0) : 0;
}

Result<Ok> Store::prune_requests(int64_t older_than_ms) {
  Stmt q;
  sqlite3_prepare_v2(db_, "DELETE FROM requests WHERE at < ?", -1, &q.s, nullptr);
  sqlite3_bind_int64(q.s, 1, older_than_ms);
  if (sqlite3_step(q.s) != SQLITE_DONE) return sql_error("prune requests");
  return Ok{};
}

std::string Store::integrity_check() {
  Stmt q;
  sqlite3_prepare_v2(db_, "PRAGMA integrity_check", -1, &q.s, nullptr);
  return sqlite3_step(q.s) == SQLITE_ROW ? column_text(q.s, 0) : "no answer";
}

}  // namespace antrian
