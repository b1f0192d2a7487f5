#pragma once
// Who booked (booking.h): the name, phone number and NIK a booking asks for. They
// live only in the hub's booking_people table beside the event log, never in an
// event, a snapshot, /api/state or a log line; the NIK only as a keyed hash
// (libsodium's BLAKE2b keyed with a secret in the hub's data dir), enough to allow
// one booking per NIK per service per day and nothing else. Rows are deleted after
// the messages' retention_days (UU 27/2022) or on a person's request.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/result.h"

struct sqlite3;

namespace antrian {

struct BookingPerson {
  int64_t booking_id = 0;
  std::string service, date;  // what it is for (one NIK per service per date)
  std::string name, phone;    // phone normalised (+628...)
  std::string nik_hash;       // hex of the keyed hash
  int64_t created_at = 0;
};

// The NIK (Nomor Induk Kependudukan) as typed, checked: 16 digits (spaces and dots
// dropped), a province code 11..94, a birth date part that can be one (day 01-31,
// or 41-71 for women; month 01-12). The error never repeats the number.
Result<std::string> normalize_nik(std::string_view typed);
// A person's name as typed, trimmed: 2 to 60 characters, letters, spaces and . ' - ,
Result<std::string> normalize_person_name(std::string_view typed);
// The keyed hash of a normalised NIK (key: 32 bytes), hex.
std::string nik_hash(const std::string& nik, const std::string& key);
// 32 random bytes for a new hub's NIK key.
std::string new_nik_key();

namespace booking_db {

Result<Ok> ensure_tables(sqlite3* db);
// Inside the caller's transaction: rows added, and rows of forgotten phone numbers
// or made before a time deleted.
Result<Ok> write(sqlite3* db, const std::vector<BookingPerson>& add, const std::vector<std::string>& forget_phones,
                 int64_t purge_before);
Result<std::vector<BookingPerson>> load(sqlite3* db);
// One person's bookings (export: the name and number they gave, no NIK hash).
nlohmann::json export_phone(sqlite3* db, const std::string& phone);
int count_phone(sqlite3* db, const std::string& phone);
// The booker of one booking, if the row is still there.
std::optional<BookingPerson> person_of(sqlite3* db, int64_t booking_id);
// Bookings made with this NIK hash for a service on a date (any state: the caller
// looks at the log's state of each).
std::vector<int64_t> bookings_of_nik(sqlite3* db, const std::string& nik_hash, const std::string& service,
                                     const std::string& date);
int count_before(sqlite3* db, int64_t before);

}  // namespace booking_db
}  // namespace antrian
