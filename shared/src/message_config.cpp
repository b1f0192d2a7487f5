#include "antrian/message_config.h"

#include <set>

namespace antrian {
namespace {

using json = nlohmann::json;

Error bad(const std::string& where, const std::string& what) {
  return make_error("bad_config", "messages" + (where.empty() ? "" : "." + where) + ": " + what);
}

// A whole number in [lo, hi] at j[key] (kept as is when absent).
Result<Ok> read_int(const json& j, const char* key, const std::string& where, int lo, int hi, int& out) {
  if (!j.contains(key)) return Ok{};
  const json& v = j[key];
  if (!v.is_number_integer() || v.get<int64_t>() < lo || v.get<int64_t>() > hi)
    return bad(where + key, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
  out = v.get<int>();
  return Ok{};
}

Result<Ok> only_keys(const json& j, const std::string& where, const std::set<std::string>& keys) {
  if (!j.is_object()) return bad(where, "must be an object");
  for (const auto& [k, v] : j.items())
    if (!keys.count(k)) {
      std::string list;
      for (const std::string& x : keys) list += (list.empty() ? "" : ", ") + x;
      return bad(where.empty() ? k : where + "." + k, "unknown field (known: " + list + ")");
    }
  return Ok{};
}

}  // namespace

Result<MessageConfig> parse_message_config(const json& j) {
  MessageConfig c;
  if (j.is_null()) return c;
  if (auto r = only_keys(j, "", {"near", "retention_days", "max_per_number_per_day", "webhook", "gammu", "retry"}); !r)
    return r.error();
  if (j.contains("near")) {
    const json& n = j["near"];
    if (auto r = only_keys(n, "near", {"ahead", "minutes"}); !r) return r.error();
    if (n.contains("ahead") == n.contains("minutes"))
      return bad("near", "give either {\"ahead\": N} (tickets ahead) or {\"minutes\": M} (forecast wait), one of them");
    c.near_ahead = 0;
    if (auto r = read_int(n, "ahead", "near.", 1, 50, c.near_ahead); !r) return r.error();
    if (auto r = read_int(n, "minutes", "near.", 1, 240, c.near_minutes); !r) return r.error();
  }
  if (auto r = read_int(j, "retention_days", "", 1, 3650, c.retention_days); !r) return r.error();
  if (auto r = read_int(j, "max_per_number_per_day", "", 1, 1000, c.max_per_number_per_day); !r) return r.error();
  if (j.contains("webhook")) {
    const json& w = j["webhook"];
    if (auto r = only_keys(w, "webhook", {"url", "timeout_s"}); !r) return r.error();
    if (!w.contains("url") || !w["url"].is_string()) return bad("webhook.url", "missing (the gateway's http:// or https:// URL)");
    c.webhook_url = w["url"].get<std::string>();
    const auto scheme_end = c.webhook_url.find("://");
    const std::string scheme = scheme_end == std::string::npos ? "" : c.webhook_url.substr(0, scheme_end);
    if ((scheme != "http" && scheme != "https") || c.webhook_url.size() <= scheme_end + 3 ||
        c.webhook_url.find_first_of(" \t\r\n") != std::string::npos)
      return bad("webhook.url", "must be an http:// or https:// URL with a host, e.g. http://10.0.0.5:8000/send");
    if (auto r = read_int(w, "timeout_s", "webhook.", 1, 120, c.webhook_timeout_s); !r) return r.error();
  }
  if (j.contains("gammu")) {
    const json& g = j["gammu"];
    if (auto r = only_keys(g, "gammu", {"database"}); !r) return r.error();
    if (!g.contains("database") || !g["database"].is_string() || g["database"].get<std::string>().empty())
      return bad("gammu.database", "missing (the path of gammu-smsd's SQLite database, its Database/DBDir)");
    c.gammu_database = g["database"].get<std::string>();
  }
  if (j.contains("retry")) {
    const json& r = j["retry"];
    if (auto x = only_keys(r, "retry", {"first_s", "max_s", "give_up_after_min"}); !x) return x.error();
    if (auto x = read_int(r, "first_s", "retry.", 1, 3600, c.retry_first_s); !x) return x.error();
    if (auto x = read_int(r, "max_s", "retry.", 1, 86400, c.retry_max_s); !x) return x.error();
    if (auto x = read_int(r, "give_up_after_min", "retry.", 1, 7 * 24 * 60, c.give_up_after_min); !x) return x.error();
    if (c.retry_max_s < c.retry_first_s) return bad("retry.max_s", "must not be below retry.first_s");
  }
  return c;
}

}  // namespace antrian
