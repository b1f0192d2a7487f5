#include "outbox_sender.h"

#include <sqlite3.h>
#include <spdlog/spdlog.h>

#include <chrono>

#include "antrian/outbox_store.h"
#include "antrian/phone_number.h"
#include "sms_gammu_sender.h"
#include "webhook_sender.h"

namespace antrian {
namespace {

constexpr auto kPoll = std::chrono::milliseconds(200);
constexpr int64_t kStatusEveryMs = 2000;
constexpr int kBatch = 200;

int64_t steady_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

OutboxSender::OutboxSender(std::string database, MessageConfig cfg, const Clock& clock, std::string office)
    : database_(std::move(database)), cfg_(std::move(cfg)), clock_(clock) {
  if (!cfg_.webhook_url.empty())
    webhook_ = std::make_unique<WebhookSender>(cfg_.webhook_url, cfg_.webhook_timeout_s, office);
  if (!cfg_.gammu_database.empty()) gammu_ = std::make_unique<GammuSender>(cfg_.gammu_database);
  thread_ = std::thread([this] { loop(); });
}

OutboxSender::~OutboxSender() {
  {
    std::lock_guard l(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void OutboxSender::loop() {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(database_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX, nullptr) != SQLITE_OK) {
    spdlog::error("outbox: cannot open {}: messages are not sent", database_);
    sqlite3_close(db);
    return;
  }
  sqlite3_busy_timeout(db, 5000);
  int64_t last_status = 0;
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    deliver_due(db);
    if (steady_ms() - last_status >= kStatusEveryMs) {
      last_status = steady_ms();
      auto s = outbox_db::status(db);
      lock.lock();
      status_ = std::move(s);
      lock.unlock();
    }
    lock.lock();
    cv_.wait_for(lock, kPoll, [this] { return stopping_; });
  }
  lock.unlock();
  sqlite3_close(db);
}

void OutboxSender::deliver_due(sqlite3* db) {
  auto due = outbox_db::due(db, kBatch);
  auto handed = outbox_db::due(db, kBatch, true);
  if (!due || !handed) {
    spdlog::warn("{}", (due ? handed : due).error().reason);
    return;
  }
  due->insert(due->end(), handed->begin(), handed->end());
  for (const outbox_db::Pending& m : *due) {
    {
      std::lock_guard l(mu_);
      if (stopping_) return;
    }
    const auto key = std::make_pair(m.id, m.channel);
    const int64_t now_steady = steady_ms();
    if (auto it = next_try_.find(key); it != next_try_.end() && it->second > now_steady) continue;
    const int64_t now = clock_.now_ms();
    // Log lines name the message id and a masked number, never the number.
    if (m.state == "handed") {  // with gammu-smsd: did it send it?
      auto outcome = gammu_ ? gammu_->delivery(m) : std::nullopt;
      next_try_[key] = now_steady + 1000;
      if (!outcome) continue;
      if (*outcome == "sent") outbox_db::set_state(db, m.id, m.channel, "sent", m.attempts, "", now);
      else if (*outcome == "lost") outbox_db::set_state(db, m.id, m.channel, "retrying", m.attempts, "gone from gammu's tables", now);
      else outbox_db::set_state(db, m.id, m.channel, "failed", m.attempts, "gammu-smsd: " + outcome->substr(8), now);
      if (*outcome != "sent") spdlog::warn("outbox: {} to {} by sms: {}", m.id, mask_phone(m.phone), *outcome);
      continue;
    }
    if (now - m.created_at > int64_t(cfg_.give_up_after_min) * 60'000) {
      outbox_db::set_state(db, m.id, m.channel, "expired", m.attempts,
                           "not delivered within " + std::to_string(cfg_.give_up_after_min) + " min", now);
      next_try_.erase(key);
      continue;
    }
    Result<Ok> r = make_error("outbox", "no " + m.channel + " channel in the config's messages");
    if (m.channel == "webhook" && webhook_) r = webhook_->send(m);
    if (m.channel == "sms" && gammu_) r = gammu_->hand_over(m);
    const int attempts = m.attempts + 1;
    if (r) {
      outbox_db::set_state(db, m.id, m.channel, m.channel == "sms" ? "handed" : "sent", attempts, "", now);
      next_try_.erase(key);
      continue;
    }
    const int64_t backoff_s = std::min<int64_t>(int64_t(cfg_.retry_first_s) << std::min(attempts - 1, 20), cfg_.retry_max_s);
    next_try_[key] = now_steady + backoff_s * 1000;
    outbox_db::set_state(db, m.id, m.channel, "retrying", attempts, r.error().reason, now);
    spdlog::warn("outbox: {} to {} by {} failed (attempt {}, next in {} s): {}", m.id, mask_phone(m.phone), m.channel,
                 attempts, backoff_s, r.error().reason);
  }
}

std::string OutboxSender::metrics_text() const {
  std::lock_guard l(mu_);
  std::string out =
      "# HELP antrian_messages Messages to citizens' phones by channel and delivery state "
      "(pending, retrying, handed to gammu-smsd, sent, failed, expired, limited).\n"
      "# TYPE antrian_messages gauge\n";
  std::string failed =
      "# HELP antrian_message_failed_attempts Delivery attempts that did not deliver, by channel.\n"
      "# TYPE antrian_message_failed_attempts gauge\n";
  if (status_.contains("channels"))
    for (const auto& [channel, c] : status_["channels"].items()) {
      for (const auto& [state, n] : c["states"].items())
        out += "antrian_messages{channel=\"" + channel + "\",state=\"" + state + "\"} " + n.dump() + "\n";
      failed += "antrian_message_failed_attempts{channel=\"" + channel + "\"} " + c["failed_attempts"].dump() + "\n";
    }
  return out + failed;
}

}  // namespace antrian
