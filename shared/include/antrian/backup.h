#pragma once
// Online backups of the hub's database and their restore.
//
// A backup is taken through a separate read-only connection with SQLite's backup
// API in one step: in WAL mode that is one read transaction, a consistent snapshot
// that never blocks the hub's writer. The copy is written to a temporary file,
// checked (PRAGMA integrity_check) and only then renamed into place, so a file named
// like a backup is always a complete, healthy one.
//
// A restore checks the backup (integrity, schema version) and refuses while a hub
// still has the database open, then replaces DATA_DIR/antrian.db. The database it
// replaces is kept as antrian.db.before-restore.
#include <string>

#include "antrian/result.h"

namespace antrian {

// Copies the live database at db_path to dest_path (replacing it if present).
Result<Ok> backup_database(const std::string& db_path, const std::string& dest_path);

// Checks that path is a healthy antrian database this build can open.
Result<Ok> check_backup_file(const std::string& path);

// Personal data (UU 27/2022) deleted from the live database after an older backup
// was taken is deleted from that backup too: the rows of the personal tables
// (kPersonalTables) that are not in `current` (a newer backup of the same database,
// which holds exactly what the hub still keeps) are removed from `older`, through a
// checked copy that then replaces it (secure_delete and VACUUM: no trace left in free
// pages). Returns the number of rows removed; 0 leaves the file untouched.
Result<int> scrub_backup(const std::string& older, const std::string& current);

// Tables that hold personal data, with the columns that identify a row.
struct PersonalTable {
  const char* name;
  const char* key;  // one column or "(a, b)"
};
inline constexpr PersonalTable kPersonalTables[] = {{"contacts", "token"}, {"outbox", "(id, channel)"},
                                                    {"booking_people", "booking_id"}};

// Replaces data_dir/antrian.db with the backup. Errors say why nothing was changed.
Result<Ok> restore_database(const std::string& backup_path, const std::string& data_dir);

}  // namespace antrian
