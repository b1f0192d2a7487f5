#include "antrian/booking_people.h"

#include <sodium.h>
#include <sqlite3.h>

#include <cctype>

#include "antrian/protocol.h"

namespace antrian {
namespace {

using json = nlohmann::json;

Error bad(const std::string& reason) { return make_error(std::string(proto::err::bad_request), reason); }

constexpr const char* kSchema = R"sql(
  CREATE TABLE IF NOT EXISTS booking_people (booking_id INTEGER PRIMARY KEY, service TEXT NOT NULL,
                                             date TEXT NOT NULL, name TEXT NOT NULL, phone TEXT NOT NULL,
                                             nik_hash TEXT NOT NULL, created_at INTEGER NOT NULL);
  CREATE INDEX IF NOT EXISTS booking_people_phone ON booking_people (phone);
)sql";

struct Stmt {
  sqlite3_stmt* s = nullptr;
  Stmt(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &s, nullptr); }
  ~Stmt() { sqlite3_finalize(s); }
  std::string col(int i) const {
    const unsigned char* t = sqlite3_column_text(s, i);
    return t ? reinterpret_cast<const char*>(t) : "";
  }
};

Error db_error(sqlite3* db, const std::string& what) {
  return make_error(std::string(proto::err::storage), "booking_people: " + what + ": " + sqlite3_errmsg(db));
}

}  // namespace

Result<std::string> normalize_nik(std::string_view typed) {
  std::string nik;
  for (char c : typed) {
    if (c == ' ' || c == '.' || c == '-') continue;
    if (c < '0' || c > '9') return bad("args.nik: the NIK has only digits (16, as on the KTP or KK)");
    nik += c;
  }
  if (nik.size() != 16)
    return bad("args.nik: the NIK has 16 digits, this has " + std::to_string(nik.size()));
  const int province = std::stoi(nik.substr(0, 2)), day = std::stoi(nik.substr(6, 2)), month = std::stoi(nik.substr(8, 2));
  if (province < 11 || province > 94) return bad("args.nik: its first two digits are no province code (11 to 94)");
  if (!((day >= 1 && day <= 31) || (day >= 41 && day <= 71)) || month < 1 || month > 12)
    return bad("args.nik: digits 7 to 12 must be a birth date (DDMMYY, women's day + 40)");
  return nik;
}

Result<std::string> normalize_person_name(std::string_view typed) {
  std::size_t a = 0, b = typed.size();
  while (a < b && std::isspace(static_cast<unsigned char>(typed[a]))) ++a;
  while (b > a && std::isspace(static_cast<unsigned char>(typed[b - 1]))) --b;
  std::string name(typed.substr(a, b - a));
  if (name.size() < 2 || name.size() > 60) return bad("args.name: the name must have 2 to 60 characters");
  for (unsigned char c : name)
    if (!(std::isalpha(c) || c == ' ' || c == '.' || c == '\'' || c == '-' || c == ',' || c >= 0x80))
      return bad("args.name: a name has letters, spaces and . ' - , only");
  return name;
}

std::string nik_hash(const std::string& nik, const std::string& key) {
  if (sodium_init() < 0) return {};
  unsigned char out[32];
  crypto_generichash(out, sizeof out, reinterpret_cast<const unsigned char*>(nik.data()), nik.size(),
                     reinterpret_cast<const unsigned char*>(key.data()), key.size());
  char hex[sizeof out * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, out, sizeof out);
  return hex;
}

std::string new_nik_key() {
  if (sodium_init() < 0) return {};
  std::string key(crypto_generichash_KEYBYTES, '\0');
  randombytes_buf(key.data(), key.size());
  return key;
}

namespace booking_db {

Result<Ok> ensure_tables(sqlite3* db) {
  char* msg = nullptr;
  if (sqlite3_exec(db, kSchema, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string why = msg ? msg : "unknown";
    sqlite3_free(msg);
    return make_error(std::string(proto::err::storage), "booking_people table: " + why);
  }
  return Ok{};
}

Result<Ok> write(sqlite3* db, const std::vector<BookingPerson>& add, const std::vector<std::string>& forget_phones,
                 int64_t purge_before) {
  for (const BookingPerson& p : add) {
    Stmt st(db, "INSERT OR REPLACE INTO booking_people (booking_id, service, date, name, phone, nik_hash, created_at) "
                "VALUES (?,?,?,?,?,?,?)");
    sqlite3_bind_int64(st.s, 1, p.booking_id);
    sqlite3_bind_text(st.s, 2, p.service.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st.s, 3, p.date.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st.s, 4, p.name.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st.s, 5, p.phone.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st.s, 6, p.nik_hash.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st.s, 7, p.created_at);
    if (!st.s || sqlite3_step(st.s) != SQLITE_DONE) return db_error(db, "save a booker");
  }
  for (const std::string& phone : forget_phones) {
    Stmt st(db, "DELETE FROM booking_people WHERE phone = ?");
    sqlite3_bind_text(st.s, 1, phone.c_str(), -1, SQLITE_TRANSIENT);
    if (!st.s || sqlite3_step(st.s) != SQLITE_DONE) return db_error(db, "delete a person's bookings");
  }
  if (purge_before > 0) {
    Stmt st(db, "DELETE FROM booking_people WHERE created_at < ?");
    sqlite3_bind_int64(st.s, 1, purge_before);
    if (!st.s || sqlite3_step(st.s) != SQLITE_DONE) return db_error(db, "delete old bookers");
  }
  return Ok{};
}

Result<std::vector<BookingPerson>> load(sqlite3* db) {
  Stmt st(db, "SELECT booking_id, service, date, name, phone, nik_hash, created_at FROM booking_people");
  if (!st.s) return db_error(db, "read");
  std::vector<BookingPerson> out;
  while (sqlite3_step(st.s) == SQLITE_ROW)
    out.push_back({sqlite3_column_int64(st.s, 0), st.col(1), st.col(2), st.col(3), st.col(4), st.col(5),
                   sqlite3_column_int64(st.s, 6)});
  return out;
}

json export_phone(sqlite3* db, const std::string& phone) {
  json out = json::array();
  Stmt st(db, "SELECT booking_id, service, date, name, created_at FROM booking_people WHERE phone = ? ORDER BY created_at");
  sqlite3_bind_text(st.s, 1, phone.c_str(), -1, SQLITE_TRANSIENT);
  while (st.s && sqlite3_step(st.s) == SQLITE_ROW)
    out.push_back({{"booking_id", sqlite3_column_int64(st.s, 0)}, {"service", st.col(1)}, {"date", st.col(2)},
                   {"name", st.col(3)}, {"created_at", sqlite3_column_int64(st.s, 4)},
                   {"nik", "kept only as a keyed hash"}});
  return out;
}

int count_phone(sqlite3* db, const std::string& phone) {
  Stmt st(db, "SELECT COUNT(*) FROM booking_people WHERE phone = ?");
  sqlite3_bind_text(st.s, 1, phone.c_str(), -1, SQLITE_TRANSIENT);
  return st.s && sqlite3_step(st.s) == SQLITE_ROW ? int(sqlite3_column_int64(st.s, 0)) : 0;
}

std::optional<BookingPerson> person_of(sqlite3* db, int64_t booking_id) {
  Stmt st(db, "SELECT booking_id, service, date, name, phone, nik_hash, created_at FROM booking_people WHERE booking_id = ?");
  sqlite3_bind_int64(st.s, 1, booking_id);
  if (!st.s || sqlite3_step(st.s) != SQLITE_ROW) return std::nullopt;
  return BookingPerson{sqlite3_column_int64(st.s, 0), st.col(1), st.col(2), st.col(3), st.col(4), st.col(5),
                       sqlite3_column_int64(st.s, 6)};
}

std::vector<int64_t> bookings_of_nik(sqlite3* db, const std::string& nik_hash, const std::string& service,
                                     const std::string& date) {
  std::vector<int64_t> out;
  Stmt st(db, "SELECT booking_id FROM booking_people WHERE nik_hash = ? AND service = ? AND date = ?");
  sqlite3_bind_text(st.s, 1, nik_hash.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st.s, 2, service.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text(st.s, 3, date.c_str(), -1, SQLITE_TRANSIENT);
  while (st.s && sqlite3_step(st.s) == SQLITE_ROW) out.push_back(sqlite3_column_int64(st.s, 0));
  return out;
}

int count_before(sqlite3* db, int64_t before) {
  Stmt st(db, "SELECT COUNT(*) FROM booking_people WHERE created_at < ?");
  sqlite3_bind_int64(st.s, 1, before);
  return st.s && sqlite3_step(st.s) == SQLITE_ROW ? int(sqlite3_column_int64(st.s, 0)) : 0;
}

}  // namespace booking_db
}  // namespace antrian
