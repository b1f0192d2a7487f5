#include "backup_scheduler.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <vector>

#include "antrian/backup.h"

namespace antrian {
namespace {

namespace fs = std::filesystem;

// antrian-YYYYMMDD-HHMMSS.db sorts by time as text, so pruning needs no parsing.
bool is_backup_name(const std::string& n) {
  return n.size() == std::string("antrian-YYYYMMDD-HHMMSS.db").size() && n.rfind("antrian-", 0) == 0 &&
         n.ends_with(".db") && n[16] == '-';
}

std::string backup_name(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::strftime(buf, sizeof buf, "antrian-%Y%m%d-%H%M%S.db", &tm);
  return buf;
}

}  // namespace

BackupScheduler::BackupScheduler(std::string db_path, std::string backup_dir, int every_minutes, int keep)
    : db_path_(std::move(db_path)), dir_(std::move(backup_dir)), every_(std::max(1, every_minutes)),
      keep_(std::max(1, keep)) {
  thread_ = std::thread([this] { loop(); });
}

BackupScheduler::~BackupScheduler() {
  {
    std::lock_guard l(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

std::string BackupScheduler::backup_now() {
  std::error_code ec;
  fs::create_directories(dir_, ec);
  if (ec) {
    spdlog::error("backup: cannot create {}: {}", dir_, ec.message());
    return "";
  }
  const std::string dest = (fs::path(dir_) / backup_name(std::time(nullptr))).string();
  const auto t0 = std::chrono::steady_clock::now();
  if (auto r = backup_database(db_path_, dest); !r) {
    spdlog::error("backup failed: {}", r.error().reason);
    return "";
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
  spdlog::info("backup written: {} ({} ms)", dest, ms);
  prune();
  scrub_older(dest);
  return dest;
}

void BackupScheduler::prune() {
  std::vector<fs::path> found;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec))
    if (e.is_regular_file() && is_backup_name(e.path().filename().string())) found.push_back(e.path());
  if (int(found.size()) <= keep_) return;
  std::sort(found.begin(), found.end());
  for (size_t i = 0; i + keep_ < found.size(); ++i) {
    fs::remove(found[i], ec);
    if (ec) spdlog::warn("backup: cannot remove old {}: {}", found[i].string(), ec.message());
  }
}

// What the hub deleted since an older backup (phone numbers past retention or at the
// person's request) leaves that backup too, at the next backup at the latest.
void BackupScheduler::scrub_older(const std::string& newest) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir_, ec)) {
    const std::string path = e.path().string();
    if (!e.is_regular_file() || !is_backup_name(e.path().filename().string()) || path == newest) continue;
    auto r = scrub_backup(path, newest);
    if (!r) spdlog::error("backup: personal data could not be removed from {}: {}", path, r.error().reason);
    else if (*r > 0) spdlog::info("backup: {} rows of personal data deleted since were removed from {}", *r, path);
  }
}

void BackupScheduler::loop() {
  std::unique_lock lock(mu_);
  while (!stopping_) {
    lock.unlock();
    backup_now();
    lock.lock();
    cv_.wait_for(lock, every_, [this] { return stopping_; });
  }
}

}  // namespace antrian
