#pragma once
// A read-only connection to the hub's SQLite file, for the web's reports and past
// tickets. WAL mode lets it read while the hub writes; it never blocks a commit.
#include <functional>
#include <string>
#include <variant>
#include <vector>

#include "antrian/result.h"

struct sqlite3;
struct sqlite3_stmt;

namespace antrian::web {

class ReadonlyDb {
 public:
  using Value = std::variant<std::string, int64_t>;
  struct Row {
    sqlite3_stmt* stmt;
    std::string text(int col) const;
    int64_t integer(int col) const;
  };

  static Result<ReadonlyDb> open(const std::string& path);
  ReadonlyDb(ReadonlyDb&& o) noexcept : db_(o.db_) { o.db_ = nullptr; }
  ReadonlyDb& operator=(ReadonlyDb&&) = delete;
  ~ReadonlyDb();

  // Runs sql with the values bound to ?1, ?2, ...; calls on_row for every row.
  Result<Ok> query(const std::string& sql, const std::vector<Value>& binds,
                   const std::function<void(const Row&)>& on_row);

 private:
  explicit ReadonlyDb(sqlite3* db) : db_(db) {}
  sqlite3* db_ = nullptr;
};

}  // namespace antrian::web
