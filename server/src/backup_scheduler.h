#pragma once
// Backups on a thread of the hub: one right after start, then every N minutes, to
// DIR/antrian-YYYYMMDD-HHMMSS.db (UTC), keeping the newest `keep`. A failed backup
// is logged and tried again at the next tick; the hub goes on serving either way.
// After each backup, personal data the hub has deleted since is removed from the
// older ones (scrub_backup), so no backup keeps a number past its retention.
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace antrian {

class BackupScheduler {
 public:
  BackupScheduler(std::string db_path, std::string backup_dir, int every_minutes, int keep = 48);
  ~BackupScheduler();
  BackupScheduler(const BackupScheduler&) = delete;
  BackupScheduler& operator=(const BackupScheduler&) = delete;

  // Takes one backup now (on the caller's thread); the file's path, or "" on failure.
  std::string backup_now();

 private:
  void loop();
  void prune();
  void scrub_older(const std::string& newest);

  std::string db_path_, dir_;
  std::chrono::minutes every_;
  int keep_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace antrian
