#include "pg.h"

#include <libpq-fe.h>

namespace antrian::district {
namespace {

Error pg_error(const std::string& what, const char* msg) {
  std::string m = msg ? msg : "unknown error";
  while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
  return make_error("database", what + ": " + m);
}

}  // namespace

PgResult::PgResult(pg_result* r) : r_(r, PQclear) {}
int PgResult::rows() const { return r_ ? PQntuples(r_.get()) : 0; }
int PgResult::cols() const { return r_ ? PQnfields(r_.get()) : 0; }
bool PgResult::is_null(int row, int col) const { return PQgetisnull(r_.get(), row, col); }
std::string PgResult::get(int row, int col) const {
  if (!r_ || row >= rows() || col < 0 || col >= cols()) return "";
  return PQgetvalue(r_.get(), row, col);
}
int64_t PgResult::get_int(int row, int col) const {
  const std::string v = get(row, col);
  return v.empty() ? 0 : std::stoll(v);
}
std::string PgResult::column_name(int col) const { return PQfname(r_.get(), col); }
int PgResult::column(const std::string& name) const { return r_ ? PQfnumber(r_.get(), name.c_str()) : -1; }

Result<std::unique_ptr<Pg>> Pg::connect(const std::string& conninfo, int timeout_s) {
  // connect_timeout bounds a dead centre; keepalives notice a silently dropped link.
  const char* keys[] = {"dbname", "connect_timeout", "keepalives_idle", "keepalives_interval", "keepalives_count",
                        "application_name", nullptr};
  const std::string timeout = std::to_string(timeout_s);
  const char* values[] = {conninfo.c_str(), timeout.c_str(), "10", "5", "3", "antrian", nullptr};
  pg_conn* c = PQconnectdbParams(keys, values, 1);
  if (!c) return make_error("database", "out of memory connecting to PostgreSQL");
  if (PQstatus(c) != CONNECTION_OK) {
    Error e = pg_error("cannot connect to PostgreSQL", PQerrorMessage(c));
    PQfinish(c);
    return e;
  }
  PQsetNoticeProcessor(c, [](void*, const char*) {}, nullptr);
  return std::unique_ptr<Pg>(new Pg(c));
}

Pg::~Pg() { PQfinish(c_); }

bool Pg::ok() const { return PQstatus(c_) == CONNECTION_OK; }

Result<PgResult> Pg::exec(const std::string& sql, const std::vector<Param>& params) {
  std::vector<const char*> values;
  values.reserve(params.size());
  for (const Param& p : params) values.push_back(p ? p->c_str() : nullptr);
  pg_result* r = PQexecParams(c_, sql.c_str(), static_cast<int>(params.size()), nullptr, values.data(), nullptr,
                              nullptr, 0);
  const auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    Error e = pg_error("PostgreSQL", r ? PQresultErrorMessage(r) : PQerrorMessage(c_));
    if (const char* code = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr) e.code = std::string("pg:") + code;
    PQclear(r);
    return e;
  }
  return PgResult(r);
}

Result<Ok> Pg::exec_script(const std::string& sql) {
  pg_result* r = PQexec(c_, sql.c_str());
  const auto status = PQresultStatus(r);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    Error e = pg_error("PostgreSQL", r ? PQresultErrorMessage(r) : PQerrorMessage(c_));
    if (const char* code = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr) e.code = std::string("pg:") + code;
    PQclear(r);
    return e;
  }
  PQclear(r);
  return Ok{};
}

Result<std::string> Pg::literal(std::string_view text) {
  char* q = PQescapeLiteral(c_, text.data(), text.size());
  if (!q) return pg_error("quoting a value", PQerrorMessage(c_));
  std::string out(q);
  PQfreemem(q);
  return out;
}

Result<int64_t> Pg::copy_in(const std::string& copy_sql, const std::string& payload) {
  pg_result* r = PQexec(c_, copy_sql.c_str());
  if (PQresultStatus(r) != PGRES_COPY_IN) {
    Error e = pg_error("COPY", r ? PQresultErrorMessage(r) : PQerrorMessage(c_));
    PQclear(r);
    return e;
  }
  PQclear(r);
  if (PQputCopyData(c_, payload.data(), static_cast<int>(payload.size())) != 1 || PQputCopyEnd(c_, nullptr) != 1)
    return pg_error("COPY", PQerrorMessage(c_));
  int64_t n = 0;
  std::optional<Error> failed;
  while ((r = PQgetResult(c_)) != nullptr) {
    if (PQresultStatus(r) != PGRES_COMMAND_OK) failed = pg_error("COPY", PQresultErrorMessage(r));
    else if (const char* t = PQcmdTuples(r); t && *t) n = std::stoll(t);
    PQclear(r);
  }
  if (failed) return *failed;
  return n;
}

std::string copy_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (char c : text) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace antrian::district
