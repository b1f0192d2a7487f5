#include "antrian/backup.h"

#include <fcntl.h>
#include <unistd.h>

#include <sqlite3.h>

#include <cstring>
#include <filesystem>
#include <random>

#include "antrian/protocol.h"
#include "antrian/store.h"

namespace antrian {
namespace {

namespace fs = std::filesystem;

Error storage_error(std::string reason) { return make_error(std::string(proto::err::storage), std::move(reason)); }

// Owns a connection; closes it on every path out.
struct Db {
  sqlite3* h = nullptr;
  ~Db() { sqlite3_close(h); }
  std::string msg() const { return h ? sqlite3_errmsg(h) : "out of memory"; }
};

bool disk_full(sqlite3* db) { return db && (sqlite3_extended_errcode(db) & 0xff) == SQLITE_FULL; }

// The first row's first column of a one-value query, or an error with SQLite's reason.
Result<std::string> query_text(sqlite3* db, const char* sql) {
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &s, nullptr) != SQLITE_OK) return storage_error(sqlite3_errmsg(db));
  const int rc = sqlite3_step(s);
  std::string out;
  if (rc == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(s, 0);
    out = t ? reinterpret_cast<const char*>(t) : "";
  }
  sqlite3_finalize(s);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) return storage_error(sqlite3_errmsg(db));
  return out;
}

// Flushes a file (or a directory entry) to the disk: a backup must survive a power cut.
void sync_path(const fs::path& p) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

std::string temp_name(const fs::path& dest) {
  std::random_device rd;
  return dest.string() + ".tmp-" + std::to_string(rd() % 1000000);
}

void remove_quietly(const fs::path& p) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(p.string() + suffix, ec);
}

}  // namespace

Result<Ok> check_backup_file(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return storage_error("backup " + path + " does not exist or is not a file");
  Db db;
  // Immutable: nothing is written next to the backup (no -wal/-shm), even in a read-only folder.
  const std::string uri = "file:" + path + "?immutable=1";
  if (sqlite3_open_v2(uri.c_str(), &db.h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, nullptr) != SQLITE_OK)
    return storage_error("cannot open backup " + path + ": " + db.msg());
  auto check = query_text(db.h, "PRAGMA integrity_check");
  if (!check) return storage_error("backup " + path + " is damaged: " + check.error().reason);
  if (*check != "ok") return storage_error("backup " + path + " is damaged (integrity_check: " + *check + ")");
  auto version = query_text(db.h, "PRAGMA user_version");
  if (!version) return storage_error("backup " + path + ": " + version.error().reason);
  const int v = std::stoi(version->empty() ? "0" : *version);
  if (v < 1)
    return storage_error("backup " + path + " is not an antrian database (schema version 0; a copy of a live "
                         "antrian.db without its -wal file looks like this: use a file from --backup-dir)");
  if (v > Store::kSchemaVersion)
    return storage_error("backup " + path + " has schema " + std::to_string(v) + ", newer than this hub (" +
                         std::to_string(Store::kSchemaVersion) + "); restore it with a newer antrian-server");
  auto tables = query_text(db.h,
      "SELECT count(*) FROM sqlite_schema WHERE type='table' AND name IN ('events','entities','requests','meta')");
  if (!tables || *tables != "4") return storage_error("backup " + path + " is not an antrian database (tables missing)");
  return Ok{};
}

Result<Ok> backup_database(const std::string& db_path, const std::string& dest_path) {
  Db src;
  if (sqlite3_open_v2(db_path.c_str(), &src.h, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
    return storage_error("cannot open database " + db_path + " for a backup: " + src.msg());
  sqlite3_busy_timeout(src.h, 5000);
  const fs::path dest(dest_path);
  const std::string tmp = temp_name(dest);
  {
    Db dst;
    if (sqlite3_open_v2(tmp.c_str(), &dst.h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
      remove_quietly(tmp);
      return storage_error("cannot create backup file " + tmp + ": " + dst.msg());
    }
    sqlite3_backup* b = sqlite3_backup_init(dst.h, "main", src.h, "main");
    if (!b) {
      remove_quietly(tmp);
      return storage_error("cannot start the backup: " + dst.msg());
    }
    // One step (-1): one read transaction on the source, so the copy is one consistent
    // moment of the log; stepping in pieces would restart on every hub commit.
    int rc = sqlite3_backup_step(b, -1);
    for (int tries = 0; (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) && tries < 50; ++tries) {
      sqlite3_sleep(100);
      rc = sqlite3_backup_step(b, -1);
    }
    sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
      const bool full = disk_full(dst.h) || rc == SQLITE_FULL;
      std::string why = full ? "the disk is full; free space in the backup folder" : sqlite3_errstr(rc);
      remove_quietly(tmp);
      return storage_error("backup of " + db_path + " failed: " + why);
    }
    // A backup is a single self-contained file: no WAL beside it.
    if (auto r = query_text(dst.h, "PRAGMA journal_mode=DELETE"); !r) {
      remove_quietly(tmp);
      return storage_error("backup " + tmp + ": " + r.error().reason);
    }
  }
  if (auto r = check_backup_file(tmp); !r) {
    remove_quietly(tmp);
    return storage_error("the fresh copy failed its check, not kept: " + r.error().reason);
  }
  sync_path(tmp);
  std::error_code ec;
  fs::rename(tmp, dest, ec);
  if (ec) {
    remove_quietly(tmp);
    return storage_error("cannot move the backup into place as " + dest_path + ": " + ec.message());
  }
  sync_path(dest.has_parent_path() ? dest.parent_path() : fs::path("."));
  return Ok{};
}

namespace {

bool has_table(sqlite3* db, const std::string& schema, const char* table) {
  const std::string sql = "SELECT count(*) FROM " + schema + ".sqlite_schema WHERE type='table' AND name='" + table + "'";
  auto r = query_text(db, sql.c_str());
  return r && *r == "1";
}

// The rows of the older file's personal tables that the current one no longer has.
std::string gone_rows(const PersonalTable& t) {
  const std::string cols = t.key[0] == '(' ? std::string(t.key).substr(1, std::strlen(t.key) - 2) : t.key;
  return std::string(t.name) + " WHERE " + t.key + " NOT IN (SELECT " + cols + " FROM cur." + t.name + ")";
}

// Opens `path` with the current backup attached as "cur" (read-only, untouched).
Result<Ok> open_with_current(Db& db, const std::string& path, int flags, const std::string& current) {
  if (sqlite3_open_v2(path.c_str(), &db.h, flags | SQLITE_OPEN_URI, nullptr) != SQLITE_OK)
    return storage_error("cannot open backup " + path + ": " + db.msg());
  const std::string attach = "ATTACH 'file:" + current + "?immutable=1' AS cur";
  if (auto r = query_text(db.h, attach.c_str()); !r)
    return storage_error("cannot read the newer backup " + current + ": " + r.error().reason);
  return Ok{};
}

}  // namespace

Result<int> scrub_backup(const std::string& older, const std::string& current) {
  if (older.find('\'') != std::string::npos || current.find('\'') != std::string::npos)
    return storage_error("backup paths must not contain a quote");
  if (auto r = check_backup_file(current); !r) return storage_error("no scrub: " + r.error().reason);
  int to_remove = 0;
  {
    Db db;
    if (auto r = open_with_current(db, "file:" + older + "?immutable=1", SQLITE_OPEN_READONLY, current); !r)
      return r.error();
    for (const PersonalTable& t : kPersonalTables) {
      if (!has_table(db.h, "main", t.name) || !has_table(db.h, "cur", t.name)) continue;
      auto n = query_text(db.h, ("SELECT count(*) FROM " + gone_rows(t)).c_str());
      if (!n) return storage_error("scrub of " + older + ": " + n.error().reason);
      to_remove += std::stoi(*n);
    }
  }
  if (to_remove == 0) return 0;
  // Scrub a copy, check it, then swap: a failure leaves the older backup as it was.
  const fs::path dest(older);
  const std::string tmp = temp_name(dest);
  std::error_code ec;
  fs::copy_file(older, tmp, fs::copy_options::overwrite_existing, ec);
  if (ec) return storage_error("scrub of " + older + ": cannot copy it: " + ec.message());
  {
    Db db;
    if (auto r = open_with_current(db, tmp, SQLITE_OPEN_READWRITE, current); !r) {
      remove_quietly(tmp);
      return r.error();
    }
    std::string sql = "PRAGMA secure_delete=ON; BEGIN;";
    for (const PersonalTable& t : kPersonalTables)
      if (has_table(db.h, "main", t.name) && has_table(db.h, "cur", t.name)) sql += "DELETE FROM " + gone_rows(t) + ";";
    sql += "COMMIT; DETACH cur; VACUUM;";
    char* msg = nullptr;
    if (sqlite3_exec(db.h, sql.c_str(), nullptr, nullptr, &msg) != SQLITE_OK) {
      const std::string why = msg ? msg : db.msg();
      sqlite3_free(msg);
      remove_quietly(tmp);
      return storage_error("scrub of " + older + " failed, the backup is unchanged: " + why);
    }
  }
  if (auto r = check_backup_file(tmp); !r) {
    remove_quietly(tmp);
    return storage_error("scrubbed copy of " + older + " failed its check, the backup is unchanged: " + r.error().reason);
  }
  sync_path(tmp);
  fs::rename(tmp, dest, ec);
  if (ec) {
    remove_quietly(tmp);
    return storage_error("cannot put the scrubbed copy in place of " + older + ": " + ec.message());
  }
  sync_path(dest.has_parent_path() ? dest.parent_path() : fs::path("."));
  return to_remove;
}

Result<Ok> restore_database(const std::string& backup_path, const std::string& data_dir) {
  if (auto r = check_backup_file(backup_path); !r) return storage_error("restore refused: " + r.error().reason);
  std::error_code ec;
  fs::create_directories(data_dir, ec);
  if (ec) return storage_error("restore refused: cannot create " + data_dir + ": " + ec.message());
  const fs::path db_path = fs::path(data_dir) / "antrian.db";
  if (fs::exists(db_path, ec)) {
    // A running hub keeps the database open in WAL mode; an exclusive lock is then
    // impossible. Closing this connection also folds the WAL into the old file.
    Db live;
    if (sqlite3_open_v2(db_path.c_str(), &live.h, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      return storage_error("restore refused: cannot open " + db_path.string() + ": " + live.msg());
    auto mode = query_text(live.h, "PRAGMA locking_mode=EXCLUSIVE");
    auto begin = mode ? query_text(live.h, "BEGIN EXCLUSIVE") : mode;
    if (!begin)
      return storage_error("restore refused: the database " + db_path.string() +
                           " is in use (is antrian-server still running on this data dir?); stop the hub first (" +
                           begin.error().reason + ")");
    query_text(live.h, "COMMIT");
  }
  // Copy first, then swap: a failure part way leaves the old database untouched.
  const fs::path incoming = db_path.string() + ".restoring";
  remove_quietly(incoming);
  fs::copy_file(backup_path, incoming, fs::copy_options::overwrite_existing, ec);
  if (ec) {
    remove_quietly(incoming);
    return storage_error("restore failed, nothing changed: cannot copy " + backup_path + " into " + data_dir + ": " +
                         ec.message());
  }
  sync_path(incoming);
  if (fs::exists(db_path, ec)) {
    const fs::path kept = db_path.string() + ".before-restore";
    remove_quietly(kept);
    fs::rename(db_path, kept, ec);
    if (ec) {
      remove_quietly(incoming);
      return storage_error("restore failed, nothing changed: cannot set the old database aside: " + ec.message());
    }
  }
  // A WAL left beside the new file would be replayed into it and corrupt it.
  for (const char* suffix : {"-wal", "-shm", "-journal"}) fs::remove(db_path.string() + suffix, ec);
  fs::rename(incoming, db_path, ec);
  if (ec)
    return storage_error("restore failed: cannot move the backup into place as " + db_path.string() + ": " +
                         ec.message() + " (the old database is in antrian.db.before-restore)");
  sync_path(data_dir);
  return Ok{};
}

}  // namespace antrian
