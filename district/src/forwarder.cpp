#include "forwarder.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <thread>

#include <spdlog/spdlog.h>

#include "antrian/event_public.h"

namespace antrian::district {
namespace {

// A time for COPY's text format, in UTC with milliseconds.
std::string copy_timestamp(int64_t ms) {
  const std::time_t secs = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d.%03d+00", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<int>(ms % 1000));
  return buf;
}

int64_t wall_ms() {
  using namespace std::chrono;
  return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

}  // namespace

Forwarder::Forwarder(ForwarderOptions o) : o_(std::move(o)), tracker_(std::make_unique<SiteTracker>()) {
  if (o_.hub) {
    hub_ = std::make_unique<HubClient>(*o_.hub);
    notices_ = std::make_unique<NoticeApplier>(*hub_);
    config_ = std::make_unique<ConfigApplier>(*hub_);
  }
}

Forwarder::~Forwarder() = default;

void Forwarder::drop_centre(const std::string& why) {
  if (why != last_problem_) spdlog::warn("centre: {}; the site keeps working, the log waits", why);
  last_problem_ = why;
  pg_.reset();
  stats_.connected = false;
}

Result<Ok> Forwarder::connect_centre() {
  auto pg = Pg::connect(o_.pg);
  if (!pg) return pg.error();
  pg_ = std::move(*pg);
  auto acked = pg_->exec("SELECT district.acked_seq()");
  if (!acked) {
    pg_.reset();
    return acked.error();
  }
  stats_.acked = acked->get_int(0, 0);
  auto site = pg_->exec("SELECT district.my_site()");
  if (!site) {
    pg_.reset();
    return site.error();
  }
  site_ = site->get(0, 0);
  stats_.connected = true;
  if (!last_problem_.empty()) spdlog::info("centre reachable again; it has this site up to event {}", stats_.acked);
  last_problem_.clear();
  // Whatever happened to the last batch, the centre's answer is the truth now.
  if (pending_ && !(pending_->from == stats_.acked + 1)) pending_.reset();
  if (pending_) return Ok{};
  return catch_up_tracker(stats_.acked);
}

// Brings the replay to exactly the centre's acknowledged sequence (from scratch if
// the replay is ahead, e.g. after a batch the centre never stored).
Result<Ok> Forwarder::catch_up_tracker(int64_t acked) {
  if (tracker_->seq() > acked) tracker_ = std::make_unique<SiteTracker>();
  while (tracker_->seq() < acked) {
    auto n = log_->each_after(tracker_->seq(), static_cast<int>(std::min<int64_t>(5000, acked - tracker_->seq())),
                              [this](Event& e, std::string_view) { tracker_->apply(e); });
    if (!n) return n.error();
    if (*n == 0)
      return make_error("hub_log", "the centre has this site up to event " + std::to_string(acked) +
                                       " but the hub's log ends at " + std::to_string(tracker_->seq()) +
                                       ": is --hub-db the right site's log?");
  }
  return Ok{};
}

int64_t Forwarder::site_clock() const {
  if (hub_ && hub_->online()) return hub_->hub_now_ms();
  return tracker_->last_event_at() > 0 ? tracker_->last_event_at() : wall_ms();
}

Result<int64_t> Forwarder::step() {
  if (!log_) {
    auto log = HubLog::open(o_.hub_db);
    if (!log) return log.error();
    log_ = std::move(*log);
  }
  if (!pg_ || !pg_->ok()) {
    pg_.reset();
    if (auto c = connect_centre(); !c) {
      if (c.error().code == "hub_log") return c.error();
      drop_centre(c.error().reason);
      return int64_t{0};
    }
  }
  auto hub_seq = log_->last_seq();
  if (!hub_seq) return hub_seq.error();
  stats_.hub_seq = *hub_seq;
  const int64_t before = stats_.acked;
  if (!pending_ && tracker_->seq() < *hub_seq) {
    Pending p;
    // COPY text rows: seq, at, type, actor, data (the site is the credential's own:
    // the centre fills it in, schema.sql). Each event is replayed and written out as
    // it is read.
    auto n = log_->each_after(tracker_->seq(), o_.batch, [&](Event& e, std::string_view data_text) {
      if (p.from == 0) {
        p.from = e.seq;
        p.first_at = e.at;
      }
      p.last = e.seq;
      p.last_at = e.at;
      tracker_->apply(e);
      p.events += std::to_string(e.seq);
      p.events += '\t';
      p.events += copy_timestamp(e.at);
      p.events += '\t';
      p.events += copy_escape(e.type);
      p.events += '\t';
      p.events += copy_escape(e.actor);
      p.events += '\t';
      // What leaves the hub is the public view: no ticket tokens, PIN hashes or keys.
      // Most events have no such field and go as the log holds them.
      p.events += strip_private_fields(e.data) ? copy_escape(e.data.dump()) : copy_escape(data_text);
      p.events += '\n';
    });
    if (!n) return n.error();
    if (*n == 0)
      return make_error("hub_log", "the hub's log says it has events up to " + std::to_string(*hub_seq) +
                                       " but none after " + std::to_string(tracker_->seq()) + " could be read");
    // The picture with the batch that catches up, else at most every
    // projection_every_ms (counts of days passed meanwhile wait in the tracker).
    const auto now = std::chrono::steady_clock::now();
    if (tracker_->seq() >= *hub_seq || now - projected_at_ >= std::chrono::milliseconds(o_.projection_every_ms)) {
      p.projection = tracker_->projection(site_clock()).dump();
      projected_at_ = now;
    }
    pending_ = std::move(p);
  }
  if (pending_) {
    ++stats_.batches;
    const auto sent_at = std::chrono::steady_clock::now();
    // One transaction: the batch opened (checks it follows what the centre has), the
    // rows copied straight into the log, the batch closed with the projection. Three
    // round trips, not six: the batch holds one of the centre's two ingest slots from
    // begin_batch to COMMIT, and on a busy machine every answer the forwarder waits
    // for the CPU to read is time the slot stands idle (bench/district-load.sh). The
    // numbers are ours and the projection is quoted by libpq, so the statements can be
    // sent as text; in a script the first statement that fails ends it (nothing after
    // it runs) and is the answer, so a refused begin_batch sends no row and a refused
    // finish_batch commits nothing.
    const std::string open_batch = "BEGIN; SELECT district.begin_batch(" + std::to_string(pending_->from) + ", " +
                                   std::to_string(pending_->first_at) + ", " + std::to_string(pending_->last_at) +
                                   "); COPY district.events (seq, at, type, actor, data) FROM STDIN";
    Result<Ok> r = make_error("database", "not sent");
    if (auto c = pg_->copy_in(open_batch, pending_->events); !c) r = c.error();
    else if (auto projection = pending_->projection.empty() ? Result<std::string>(std::string("NULL"))
                                                              : pg_->literal(pending_->projection);
             !projection)
      r = projection.error();
    else
      r = pg_->exec_script("SELECT district.finish_batch(" + std::to_string(pending_->from) + ", " +
                           std::to_string(pending_->last) + ", " + *projection + "::jsonb, " +
                           std::to_string(*hub_seq) + ", " + std::to_string(site_clock()) + "); COMMIT");
    if (!r && pg_->ok()) pg_->exec("ROLLBACK");
    // Tests: die as a crash would, after the centre committed and before the answer is used.
    if (o_.crash_after_batches > 0 && stats_.batches >= o_.crash_after_batches) ::kill(::getpid(), SIGKILL);
    if (!r) {
      const std::string why = r.error().reason;
      // The centre answered with a refusal (not a lost link): the batch does not follow
      // what it has (e.g. another forwarder of this site stored it, or it was sent
      // twice). Start again from the centre's answer.
      if (pg_->ok()) {
        spdlog::error("centre refused a batch: {}", why);
        pending_.reset();
        tracker_ = std::make_unique<SiteTracker>();
      }
      drop_centre(why);
      return int64_t{0};
    }
    spdlog::debug("batch {}..{} stored in {} ms", pending_->from, pending_->last,
                  std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - sent_at).count());
    stats_.acked = pending_->last;  // what finish_batch answered, committed
    stats_.sent_events += pending_->last - pending_->from + 1;
    pending_.reset();
    if (tracker_->seq() != stats_.acked) {
      if (auto c = catch_up_tracker(stats_.acked); !c) return c.error();
    }
  } else {
    auto r = pg_->exec("SELECT district.heartbeat($1, $2)", {std::to_string(*hub_seq), std::to_string(site_clock())});
    if (!r) {
      drop_centre(r.error().reason);
      return int64_t{0};
    }
  }
  if (notices_ && pg_) notices_->apply_pending(*pg_);
  // The configuration only once the replay has the whole log (its running version is current).
  if (config_ && pg_ && !pending_ && tracker_->seq() >= stats_.hub_seq) config_->apply_pending(*pg_, *tracker_);
  // What was just applied is new events in the hub's log: count them as not yet sent,
  // so a forwarder told to stop once caught up (--exit-when-caught-up) sends them first.
  if (notices_ || config_)
    if (auto now = log_->last_seq(); now && *now > stats_.hub_seq) stats_.hub_seq = *now;
  return stats_.acked - before;
}

int Forwarder::run(const std::atomic<bool>& stop) {
  while (!stop) {
    auto r = step();
    if (!r) {
      spdlog::error("{}", r.error().reason);
      if (r.error().code == "hub_log") {
        // The hub may not have made its database yet: wait, do not give up.
        log_.reset();
      }
    }
    if (o_.exit_when_caught_up && stats_.connected && stats_.acked >= stats_.hub_seq && stats_.hub_seq > 0) return 0;
    int pause = 0;
    if (!stats_.connected) {
      pause = backoff_ms_;
      backoff_ms_ = std::min(backoff_ms_ * 2, o_.max_backoff_ms);
    } else {
      backoff_ms_ = 250;
      if (r && *r == 0 && !pending_ && stats_.acked >= stats_.hub_seq) pause = o_.idle_ms;
      else if (r && *r > 0 && stats_.acked < stats_.hub_seq) pause = o_.catch_up_pause_ms;
    }
    for (int waited = 0; waited < pause && !stop; waited += 50)
      std::this_thread::sleep_for(std::chrono::milliseconds(std::min(50, pause - waited)));
  }
  return 0;
}

}  // namespace antrian::district
