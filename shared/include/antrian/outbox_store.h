#pragma once
// The outbox's tables in the hub's SQLite database, beside the event log: contacts
// (a ticket's phone number, by token) and outbox (one row per message and channel).
// They are made with CREATE TABLE IF NOT EXISTS on every open, outside the log's
// numbered migrations, and hold the only copy of a phone number on the hub.
// The hub's thread writes them inside its commit (write_private); the sender thread
// reads and updates delivery states on a connection of its own.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/outbox.h"
#include "antrian/result.h"

struct sqlite3;

namespace antrian::outbox_db {

Result<Ok> ensure_tables(sqlite3* db);
// Inside a transaction the caller opened. Messages already there are left as they are.
Result<Ok> write_private(sqlite3* db, const PrivateWrites& w);
// What the planner must know after a start (today = the state's business day).
Result<PlannerMemory> load_memory(sqlite3* db, const std::string& today);

// A message waiting for delivery, as the sender reads it.
struct Pending {
  std::string id, channel, phone, kind, text, ticket_label, state;
  int64_t created_at = 0;
  int attempts = 0;
};
// Pending and retrying messages, oldest first; or (handed) those handed to gammu-smsd
// and not yet seen sent (apart, so a stopped modem never holds up the webhook).
Result<std::vector<Pending>> due(sqlite3* db, int limit, bool handed = false);
// state: sent, handed (to gammu-smsd), retrying, failed, expired.
Result<Ok> set_state(sqlite3* db, const std::string& id, const std::string& channel, const std::string& state,
                     int attempts, const std::string& error, int64_t at);

// For /admin, /metrics and antrian-ctl: counts per channel and state, the sum of
// failed attempts, and the latest failures (numbers masked).
nlohmann::json status(sqlite3* db);
// One person's data (UU 27/2022 access request): their contacts and messages.
nlohmann::json export_phone(sqlite3* db, const std::string& phone);
// How many contacts and messages a forget_phones / purge_before would delete.
std::pair<int, int> count_matching(sqlite3* db, const std::string& phone, int64_t before);

}  // namespace antrian::outbox_db
