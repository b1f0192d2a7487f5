// The store's current-state rows, written behind the log (store.h): each committed
// event's rows wait in memory until the hub, after the replies went out, writes them
// in a transaction of their own with the seq they are current to. And the WAL kept
// short under commits that never pause.
#include <sqlite3.h>

#include <tuple>
#include <unordered_set>
#include <vector>

#include "antrian/model_json.h"
#include "antrian/store.h"

namespace antrian {
namespace {

// Past this many WAL frames (16 MB) the checkpoint thread did not catch up between
// commits, and the writer copies the last frames itself: only when they are few (the
// thread copied the rest), so a commit never waits behind a long copy.
constexpr int kWriterRestartFrames = 4000;
constexpr int kWriterTailFrames = 256;

}  // namespace

void Store::stage_row(const char* kind, std::string_view key, std::string_view day, std::string_view json) {
  staged_rows_.push_back({kind, std::string(key), std::string(day), std::string(json)});
}

void Store::stage_rows(const Event& e, const EventText& text, const std::string& day) {
  const json& d = e.data;
  if (d.contains("day")) stage_row("meta", "day", "", d["day"].get<std::string>());
  if (d.contains("office")) stage_row("office", "office", "", d["office"].dump());
  if (d.value("replace_config", false)) stage_row("", "", "", "");
  for (const auto& [field, kind, key] : {std::tuple{"tickets", "ticket", "id"}, {"counters", "counter", "number"},
                                         {"services", "service", "code"}, {"staff", "staff", "id"},
                                         {"resources", "resource", "id"}, {"disruptions", "disruption", "id"},
                                         {"stats", "stats", "service"}, {"devices", "device", "id"},
                                         {"device_keys", "device_key", "name"}, {"comeback", "comeback", "id"},
                                         {"bookings", "booking", "id"}, {"arrival_curves", "arrival_curve", "service"}}) {
    if (!d.contains(field)) continue;
    // Each row is a slice of the event's one text (event_text.h).
    const EventText::List* list = d[field].is_array() ? text.list(field) : nullptr;
    std::size_t n = 0;
    for (const json& x : d[field]) {
      const json& k = x.at(key);
      const std::string entity_day = x.contains("day") ? x["day"].get<std::string>() : day;
      const std::string key_text = k.is_string() ? k.get<std::string>() : k.dump();
      if (list) stage_row(kind, key_text, entity_day, text.item(*list, n++));
      else stage_row(kind, key_text, entity_day, x.dump());
    }
  }
  if (d.contains("last_number"))
    for (const auto& [prefix, n] : d["last_number"].items()) stage_row("last_number", prefix, day, n.dump());
  if (d.contains("refused"))
    for (const auto& [service, n] : d["refused"].items()) stage_row("refused", service, day, n.dump());
  if (d.contains("announcement")) stage_row("meta", "announcement", "", d["announcement"].get<std::string>());
  if (d.contains("closures")) stage_row("meta", "closures", "", d["closures"].dump());
}

void Store::rows_replayed(const Event& e, const std::string& day) {
  stage_rows(e, encode_event(e), day);
  pending_rows_.insert(pending_rows_.end(), std::make_move_iterator(staged_rows_.begin()),
                       std::make_move_iterator(staged_rows_.end()));
  staged_rows_.clear();
}

Result<Ok> Store::write_row(const EntityRow& row) {
  if (row.kind.empty()) {
    if (sqlite3_exec(db_, "DELETE FROM entities WHERE kind IN ('service','counter')", nullptr, nullptr, nullptr) != SQLITE_OK)
      return sql_error("replace config");
    return Ok{};
  }
  sqlite3_reset(upsert_entity_);
  sqlite3_bind_text(upsert_entity_, 1, row.kind.c_str(), -1, SQLITE_STATIC);
  sqlite3_bind_text(upsert_entity_, 2, row.key.c_str(), int(row.key.size()), SQLITE_STATIC);
  sqlite3_bind_text(upsert_entity_, 3, row.day.c_str(), int(row.day.size()), SQLITE_STATIC);
  sqlite3_bind_text(upsert_entity_, 4, row.json.c_str(), int(row.json.size()), SQLITE_STATIC);
  if (sqlite3_step(upsert_entity_) != SQLITE_DONE) return sql_error("save " + row.kind);
  return Ok{};
}

Result<Ok> Store::flush_entities() {
  if (!entities_pending()) return Ok{};
  // The rows are current to the last committed event only once the events of a
  // crash's tail (committed, their rows never written) are among them: load() stages
  // those. Until then the seq stays where it was, and a load replays from there:
  // replaying events over rows that are newer ends on the newest all the same.
  const int64_t seq = tail_staged_ ? committed_seq_ : flushed_seq_;
  // A ticket called, started and finished since the last flush is one row: only the
  // last of each (kind, key) is written (a config replaced only deletes, so the last
  // row still ends in the table as it did written after the others).
  std::vector<bool> superseded(pending_rows_.size(), false);
  std::unordered_set<std::string> seen;
  for (std::size_t i = pending_rows_.size(); i-- > 0;) {
    const EntityRow& row = pending_rows_[i];
    if (!row.kind.empty() && !seen.insert(row.kind + '\x1f' + row.key).second) superseded[i] = true;
  }
  step(sync_normal_, "synchronous=NORMAL");
  auto r = in_transaction([&]() -> Result<Ok> {
    for (std::size_t i = 0; i < pending_rows_.size(); ++i)
      if (!superseded[i])
        if (auto w = write_row(pending_rows_[i]); !w) return w;
    return write_row({"meta", "entities_seq", "", std::to_string(seq)});
  });
  step(sync_full_, "synchronous=FULL");
  if (!r) return r;
  pending_rows_.clear();
  flushed_seq_ = seq;
  return Ok{};
}

bool Store::entities_pending() const {
  return !pending_rows_.empty() || (tail_staged_ && flushed_seq_ < committed_seq_);
}

void Store::restart_wal_if_long() {
  if (wal_frames_ <= kWriterRestartFrames || wal_frames_ - ckpt_copied_.load() > kWriterTailFrames) return;
  // The checkpoint thread copied (nearly) all of it; the last frames from here, where
  // no commit can come in between: then the next commit starts the WAL over. Busy
  // (the thread is copying): tried again after the next commit.
  int frames = 0, copied = 0;
  if (sqlite3_wal_checkpoint_v2(db_, nullptr, SQLITE_CHECKPOINT_PASSIVE, &frames, &copied) == SQLITE_OK && copied >= frames)
    wal_frames_ = 0;
}

}  // namespace antrian
