#pragma once
// Small helpers the trust tests share: issue tickets and read the hub's state with
// raw requests, and check a database file without a hub.
#include <sqlite3.h>

#include <chrono>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "raw_client.h"

namespace antrian::test {

// Issues one ticket of `service`; the reply's ticket label, or "" if refused.
inline std::string issue_ticket(RawClient& c, const std::string& id, const std::string& service = "A") {
  const nlohmann::json r = c.request(id, "issue", {{"service", service}}, "kiosk");
  return r.value("ok", false) ? r["result"]["ticket"]["label"].get<std::string>() : "";
}

// The hub's state as a display sees it (seq + state).
inline nlohmann::json snapshot(RawClient& c, const std::string& id) {
  const nlohmann::json r = c.request(id, "snapshot", nlohmann::json::object(), "display");
  return r.value("ok", false) ? r["result"] : nlohmann::json();
}

// PRAGMA integrity_check on a database file, opened read-only.
inline std::string integrity_of(const std::string& path) {
  sqlite3* db = nullptr;
  std::string out = "cannot open";
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_busy_timeout(db, 2000);
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &s, nullptr) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
      out = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
    else
      out = sqlite3_errmsg(db);
    sqlite3_finalize(s);
  }
  sqlite3_close(db);
  return out;
}

}  // namespace antrian::test
