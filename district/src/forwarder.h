#pragma once
// antrian-forwarder's loop: the site's log to the centre, in batches, resuming from
// what the centre acknowledged; the district's notices down to the hub. The hub never
// waits on any of it: the log is read from the hub's database file (read-only, WAL)
// and notices go through the hub's ordinary protocol with the forwarder's own key.
#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "antrian/hub_client.h"
#include "config_applier.h"
#include "hub_log.h"
#include "notice_applier.h"
#include "pg.h"
#include "site_tracker.h"

namespace antrian::district {

struct ForwarderOptions {
  std::string hub_db;        // DATA_DIR/antrian.db of the site's hub
  std::string pg;            // the site's own PostgreSQL credential (conninfo)
  int batch = 200;           // events per transaction (with the pause: 1,000 events/s while behind)
  int idle_ms = 1000;        // pause when there is nothing new
  int max_backoff_ms = 5000; // longest pause between attempts to reach the centre
  // While behind, a pause after each batch sent: the backlog drains in a duty cycle and
  // leaves the hub (and the disk) room between batches. 0 sends back to back. The
  // default from bench/district-offline.sh (docs/BENCHMARKS.md).
  int catch_up_pause_ms = 200;
  // While behind, the site's picture (its hall now: queues, waits, counts) goes with
  // the batch that catches up, and with a batch at most this often before it: a
  // picture of a moment in the middle of a backlog is already history, and making and
  // storing it at every batch is work for both ends (bench/district-load.sh).
  int projection_every_ms = 30000;
  std::optional<HubClientOptions> hub;  // for notices sent down and the hub's clock; none = log only
  bool exit_when_caught_up = false;     // benchmarks: stop once the centre has everything
  // Tests: the process kills itself (SIGKILL) after sending this many batches and
  // before reading the centre's answer, as a crash mid-batch would.
  int crash_after_batches = 0;
};

struct ForwarderStats {
  int64_t acked = 0, hub_seq = 0, sent_events = 0, batches = 0;
  bool connected = false;
};

class Forwarder {
 public:
  explicit Forwarder(ForwarderOptions o);
  ~Forwarder();
  // Runs until stop is set. Returns the exit code: 0 on stop or catch-up, 1 when the
  // log cannot be read (the reason is logged).
  int run(const std::atomic<bool>& stop);
  // One round: reconnect if needed, send one batch or a heartbeat, apply notices.
  // Returns the number of events the centre newly acknowledged, or an error.
  Result<int64_t> step();
  const ForwarderStats& stats() const { return stats_; }

 private:
  Result<Ok> connect_centre();
  Result<Ok> catch_up_tracker(int64_t acked);
  int64_t site_clock() const;
  void drop_centre(const std::string& why);

  ForwarderOptions o_;
  std::unique_ptr<HubLog> log_;
  std::unique_ptr<Pg> pg_;
  std::unique_ptr<HubClient> hub_;
  std::unique_ptr<NoticeApplier> notices_;
  std::unique_ptr<ConfigApplier> config_;
  std::unique_ptr<SiteTracker> tracker_;
  // The batch sent but not yet confirmed: resent as it was after a lost answer.
  struct Pending {
    int64_t from = 0, last = 0, first_at = 0, last_at = 0;
    std::string events, projection;
  };
  std::optional<Pending> pending_;
  ForwarderStats stats_;
  int backoff_ms_ = 250;
  std::string site_;  // the site the centre knows this credential as
  // When this forwarder last sent the site's picture (projection) with a batch.
  std::chrono::steady_clock::time_point projected_at_ = std::chrono::steady_clock::now();
  std::string last_problem_;
};

}  // namespace antrian::district
