#pragma once
// The outbox's delivery thread. It reads the hub's outbox table on a connection of
// its own (WAL: it never blocks a commit for long), delivers each message through its
// channel (webhook_sender.h, sms_gammu_sender.h) and writes the outcome back:
// at least once, retried with a doubling backoff, given up ("expired") only after
// the configured minutes. A message is marked delivered only after the channel took
// it, so a hub killed in between sends it again with the same id (the receiver
// deduplicates; gammu's tables are searched for the id first).
#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "antrian/message_config.h"
#include "antrian/office_time.h"

struct sqlite3;

namespace antrian {

class WebhookSender;
class GammuSender;

class OutboxSender {
 public:
  // database: the hub's SQLite file. Starts the thread.
  OutboxSender(std::string database, MessageConfig cfg, const Clock& clock, std::string office);
  ~OutboxSender();  // stops and joins
  OutboxSender(const OutboxSender&) = delete;
  OutboxSender& operator=(const OutboxSender&) = delete;

  // Delivery figures for /metrics (Prometheus text), refreshed every few seconds.
  std::string metrics_text() const;

 private:
  void loop();
  void deliver_due(sqlite3* db);
  std::string database_;
  MessageConfig cfg_;
  const Clock& clock_;
  std::unique_ptr<WebhookSender> webhook_;
  std::unique_ptr<GammuSender> gammu_;
  // When each (id, channel) may be tried again (steady ms): in memory, so a restart
  // tries everything open at once.
  std::map<std::pair<std::string, std::string>, int64_t> next_try_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  nlohmann::json status_ = nlohmann::json::object();
  std::thread thread_;
};

}  // namespace antrian
