#pragma once
// Delivery by SMS through gammu-smsd (Debian's gammu-smsd with a GSM modem), the
// daemon's SQL backend on SQLite (Service = sql, Driver = sqlite3 through libdbi):
// a message is inserted into gammu's own `outbox` table (its schema from
// /usr/share/doc/gammu-smsd/examples/sqlite.sql) with our message id as CreatorID;
// gammu-smsd sends it and moves it to `sentitems` with its status. Before inserting,
// both tables are searched for the id, so a message handed over just before the hub
// was killed is never handed over twice: gammu sees each message once.
#include <optional>
#include <string>

#include "antrian/outbox_store.h"
#include "antrian/result.h"

struct sqlite3;

namespace antrian {

class GammuSender {
 public:
  explicit GammuSender(std::string database) : path_(std::move(database)) {}
  ~GammuSender();
  GammuSender(const GammuSender&) = delete;
  GammuSender& operator=(const GammuSender&) = delete;

  // Inserts into gammu's outbox unless it holds the id already.
  Result<Ok> hand_over(const outbox_db::Pending& m);
  // After a hand-over: "sent", "failed: <gammu status>", "lost" (in neither table:
  // hand it over again) or nullopt (gammu has not sent it yet).
  std::optional<std::string> delivery(const outbox_db::Pending& m);

 private:
  Result<sqlite3*> db();
  std::string path_;
  sqlite3* db_ = nullptr;
};

}  // namespace antrian
