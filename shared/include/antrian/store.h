#pragma once
// The hub's database: SQLite in WAL mode with synchronous=FULL. The append-only
// event log is the source of truth; current-state tables (one row per entity) are
// kept from the same events so a restart loads fast. Request ids and their replies
// are stored with the events they caused, so a retry after a crash gets the first
// answer instead of acting twice.
// A commit (what a reply waits for) writes the events, the request ids and the
// private rows, synced. The current-state rows of those events follow in a second
// transaction of their own, without a sync (flush_entities: the hub makes it after
// the replies went out), with the seq they are current to; load() replays the log
// past that seq, so a crash between the two loses nothing.
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <optional>
#include <functional>
#include <string>
#include <vector>

#include "antrian/event.h"
#include "antrian/event_text.h"
#include "antrian/model.h"
#include "antrian/outbox.h"
#include "antrian/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace antrian {

class Store {
 public:
  static constexpr int kSchemaVersion = 1;

  // Opens (creating if needed) and migrates the database at path.
  static Result<std::unique_ptr<Store>> open(const std::string& path);
  ~Store();
  Store(const Store&) = delete;
  Store& operator=(const Store&) = delete;

  // The state as the current-state tables hold it, with the events logged after
  // their rows were written replayed on top (seq 0 for a new database).
  Result<OfficeState> load();
  // The state rebuilt from the event log alone (what load() must equal).
  Result<OfficeState> replay();

  // Appends events (with their seq already set) and records the request's reply, in
  // one transaction; their current-state rows wait for flush_entities(). `day` is the
  // business day the state is on after these events. Nothing is written if it fails.
  Result<Ok> commit(const std::vector<Event>& events, const std::string& day,
                    const std::string& request_id, const std::string& reply);
  // Several commands' changes in ONE transaction (group commit): each with its
  // events, the day after them, its request id and reply. All or nothing.
  struct Change {
    std::vector<Event> events;
    std::string day, request_id, reply;
    PrivateWrites priv;  // phone numbers and messages (outbox_store.h), never in the log
    // encode_event(e) of each event, when the caller made it already (the hub, which
    // sends the same text's public part); empty: the store encodes them.
    std::vector<EventText> texts;
  };
  Result<Ok> commit(const std::vector<Change>& changes);
  // Writes the current-state rows of every event committed since the last call, and
  // the seq they are current to, in one transaction that does not wait for the disk
  // (the next commit's sync or a checkpoint carries it there). On failure the rows
  // stay pending and the log still holds their events.
  Result<Ok> flush_entities();
  bool entities_pending() const;
  // A WAL past 16 MB: its last frames copied into the database from this (the
  // writer's) connection, so the next commit starts the WAL over instead of making
  // the file longer (a longer file makes every commit's sync slower). Off the
  // replies' path: the hub calls it after them.
  void restart_wal_if_long();

  std::optional<std::string> find_reply(const std::string& request_id);
  Result<std::vector<Event>> events_after(int64_t seq, int limit);
  int64_t last_seq();
  // The seq of the last event whose rows the current-state table holds.
  int64_t rows_seq();
  // Forgets request ids older than the given time (they will not be retried).
  Result<Ok> prune_requests(int64_t older_than_ms);
  // PRAGMA integrity_check; "ok" when healthy.
  std::string integrity_check();
  // The hub thread's connection, for the outbox's own queries (outbox_store.h).
  sqlite3* handle() { return db_; }

 private:
  explicit Store(sqlite3* db) : db_(db) {}
  Result<Ok> migrate();
  Result<Ok> exec(const char* sql);
  Error sql_error(const std::string& what) const;
  // A current-state row of the transaction being written (kind empty: delete every
  // service and counter row, a config replaced); pending once it is committed.
  struct EntityRow {
    std::string kind, key, day, json;
  };
  void stage_row(const char* kind, std::string_view key, std::string_view day, std::string_view json);
  // Every current-state row an event changes (`day`: the business day after it).
  void stage_rows(const Event& e, const EventText& text, const std::string& day);
  // The rows of an event load() replayed from a crash's tail, pending at once.
  void rows_replayed(const Event& e, const std::string& day);
  Result<Ok> write_row(const EntityRow& row);
  // apply_event of every logged event after `seq`, in order; rows_too: their
  // current-state rows pending again as well (load() after a crash's tail).
  Result<Ok> apply_log_after(OfficeState& s, int64_t seq, bool rows_too);
  // Commits `body`; its staged rows become pending, up to `last_seq`.
  Result<Ok> commit_logged(const std::function<Result<Ok>()>& body, int64_t last_seq);
  // BEGIN IMMEDIATE, body, COMMIT; ROLLBACK when either fails.
  Result<Ok> in_transaction(const std::function<Result<Ok>()>& body);
  // One command's rows, inside a transaction the caller opened.
  Result<Ok> write(const std::vector<Event>& events, const std::vector<EventText>& texts, const std::string& day,
                   const std::string& request_id, const std::string& reply, const PrivateWrites* priv = nullptr);
  Result<Ok> step(sqlite3_stmt* s, const char* what);

  void checkpoint_loop(sqlite3* checkpoint_db);

  sqlite3* db_ = nullptr;
  std::thread checkpointer_;
  std::mutex checkpoint_mu_;
  std::condition_variable checkpoint_cv_;
  bool stopping_ = false;
  sqlite3_stmt* insert_event_ = nullptr;
  sqlite3_stmt* upsert_entity_ = nullptr;
  sqlite3_stmt* insert_request_ = nullptr;
  sqlite3_stmt* find_request_ = nullptr;
  sqlite3_stmt* begin_ = nullptr;  // BEGIN IMMEDIATE, COMMIT, ROLLBACK: prepared once
  sqlite3_stmt* commit_ = nullptr;
  sqlite3_stmt* rollback_ = nullptr;
  sqlite3_stmt* sync_normal_ = nullptr;  // PRAGMA synchronous=NORMAL / FULL, around flush_entities
  sqlite3_stmt* sync_full_ = nullptr;
  std::vector<EntityRow> staged_rows_, pending_rows_;
  int64_t committed_seq_ = 0, flushed_seq_ = 0;  // last event logged; the rows' seq in the table
  bool tail_staged_ = true;  // false from open() until load() staged a crash's tail
  int wal_frames_ = 0;  // frames in the WAL after the last commit (a WAL hook)
  std::atomic<int> ckpt_copied_{0};  // frames the checkpoint thread's last round had copied
};

}  // namespace antrian
