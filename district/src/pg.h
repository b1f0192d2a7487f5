#pragma once
// A small RAII wrapper of libpq (Debian libpq-dev): one connection, parameterised
// statements in text format, results as strings. Errors come back as Result with
// PostgreSQL's own message, so a caller can show the reason.
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "antrian/result.h"

struct pg_conn;
struct pg_result;

namespace antrian::district {

class PgResult {
 public:
  PgResult() = default;
  explicit PgResult(pg_result* r);
  int rows() const;
  int cols() const;
  bool is_null(int row, int col) const;
  std::string get(int row, int col) const;           // "" for NULL
  int64_t get_int(int row, int col) const;            // 0 for NULL
  std::string column_name(int col) const;
  int column(const std::string& name) const;          // -1 when absent

 private:
  std::shared_ptr<pg_result> r_;
};

using Param = std::optional<std::string>;  // nullopt is SQL NULL

class Pg {
 public:
  // conninfo: "host=... port=... dbname=... user=... password=..." or a postgresql:// URI.
  static Result<std::unique_ptr<Pg>> connect(const std::string& conninfo, int timeout_s = 5);
  ~Pg();
  Pg(const Pg&) = delete;
  Pg& operator=(const Pg&) = delete;

  Result<PgResult> exec(const std::string& sql, const std::vector<Param>& params = {});
  // Several statements without parameters (a schema file). The first that fails
  // ends the script and is the answer (its SQLSTATE in the error's code, "pg:XXXXX").
  Result<Ok> exec_script(const std::string& sql);
  // 'text' as an SQL string literal for this connection (PQescapeLiteral).
  Result<std::string> literal(std::string_view text);
  // COPY ... FROM STDIN with the given text-format payload. copy_sql may start with
  // other statements ("BEGIN; SELECT ...; COPY ..."): they run in the same round trip
  // and the first that fails is the answer, before any row is sent.
  Result<int64_t> copy_in(const std::string& copy_sql, const std::string& payload);
  bool ok() const;  // the connection is still usable
  pg_conn* raw() { return c_; }

 private:
  explicit Pg(pg_conn* c) : c_(c) {}
  pg_conn* c_;
};

// 'text' quoted as a COPY text-format field (backslash escapes).
std::string copy_escape(std::string_view text);

}  // namespace antrian::district
