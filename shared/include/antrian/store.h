#pragma once
// The hub's database: SQLite in WAL mode with synchronous=FULL. The append-only
// event log is the source of truth; current-state tables (one row per entity) are
// updated from the same events in the same transaction so a restart loads fast.
// Request ids and their replies are stored with the events they caused, so a retry
// after a crash gets the first answer instead of acting twice.
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

  // The state as the current-state tables hold it (seq 0 for a new database).
  Result<OfficeState> load();
  // The state rebuilt from the event log alone (what load() must equal).
  Result<OfficeState> replay();

  // Appends events (with their seq already set), updates the current-state tables
  // and records the request's reply, all in one transaction. `day` is the business
  // day the state is on after these events. Nothing is written if it fails.
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

  std::optional<std::string> find_reply(const std::string& request_id);
  Result<std::vector<Event>> events_after(int64_t seq, int limit);
  int64_t last_seq();
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
  Result<Ok> upsert(const char* kind, std::string_view key, std::string_view day, std::string_view json);
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
};

}  // namespace antrian
