#include "district_admin.h"

#include <regex>

namespace antrian::district {

using nlohmann::json;

bool valid_site_id(const std::string& site) {
  static const std::regex re("^[a-z0-9][a-z0-9_-]{0,39}$");
  return std::regex_match(site, re);
}

Result<Ok> setup_schema(Pg& pg) {
  // One transaction, and one setup at a time (two setups racing on CREATE ROLE fail).
  const std::string sql = "BEGIN; SELECT pg_advisory_xact_lock(hashtext('antrian district setup'));\n" +
                          schema_sql() + "\nCOMMIT;";
  auto r = pg.exec_script(sql);
  if (!r) pg.exec_script("ROLLBACK");
  return r;
}

Result<std::string> add_site(Pg& pg, const std::string& site, const std::string& name, const std::string& password) {
  if (!valid_site_id(site))
    return make_error("bad_request", "site id \"" + site + "\": use 1-40 of a-z, 0-9, _ and -, e.g. kec-sampang");
  if (name.empty() || name.size() > 200) return make_error("bad_request", "site name: 1-200 characters");
  if (password.size() < 12) return make_error("bad_request", "site password: at least 12 characters");
  const std::string role = "site_" + site;
  if (auto r = pg.exec_script("BEGIN"); !r) return r.error();
  auto fail = [&](Error e) -> Result<std::string> {
    pg.exec_script("ROLLBACK");
    return e;
  };
  auto sql = pg.exec(
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1::text) "
      "THEN format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) "
      "ELSE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE antrian_site', $1::text, $2::text) END",
      {role, password});
  if (!sql) return fail(sql.error());
  if (auto r = pg.exec(sql->get(0, 0)); !r) return fail(r.error());
  if (auto r = pg.exec("INSERT INTO district.sites (site, name, db_role) VALUES ($1, $2, $3) "
                       "ON CONFLICT (site) DO UPDATE SET name = excluded.name",
                       {site, name, role});
      !r)
    return fail(r.error());
  if (auto r = pg.exec("INSERT INTO district.site_status (site) VALUES ($1) ON CONFLICT DO NOTHING", {site}); !r)
    return fail(r.error());
  if (auto r = pg.exec_script("COMMIT"); !r) return r.error();
  return role;
}

Result<Ok> add_dashboard_login(Pg& pg, const std::string& role, const std::string& password) {
  auto sql = pg.exec(
      "SELECT CASE WHEN EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1::text) "
      "THEN format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) "
      "ELSE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE antrian_dashboard', $1::text, $2::text) END",
      {role, password});
  if (!sql) return sql.error();
  if (auto r = pg.exec(sql->get(0, 0)); !r) return r.error();
  return Ok{};
}

Result<int64_t> publish_notice(Pg& pg, const std::string& kind, const json& body, const std::vector<std::string>& sites,
                               const std::string& by) {
  if (!body.is_object()) return make_error("bad_request", "the notice must be a JSON object");
  json clean = json::object();
  auto text_field = [&](const char* f, std::size_t max, bool required) -> std::optional<Error> {
    if (!body.contains(f)) {
      if (required) return make_error("bad_request", std::string(f) + " is required");
      return std::nullopt;
    }
    if (!body[f].is_string() || body[f].get<std::string>().size() > max)
      return make_error("bad_request", std::string(f) + " must be text of at most " + std::to_string(max) + " bytes");
    clean[f] = body[f];
    return std::nullopt;
  };
  if (kind == "disruption") {
    for (auto [f, max, req] : {std::tuple{"resource", 64, true}, {"level", 16, false}, {"message_id", 300, true},
                               {"message_en", 300, false}})
      if (auto e = text_field(f, max, req)) return *e;
    if (clean.contains("level") && clean["level"] != "down" && clean["level"] != "degraded")
      return make_error("bad_request", "level must be down or degraded");
    if (body.contains("services")) {
      if (!body["services"].is_array()) return make_error("bad_request", "services must be a list of service codes");
      for (const json& s : body["services"])
        if (!s.is_string() || s.get<std::string>().empty() || s.get<std::string>().size() > 3)
          return make_error("bad_request", "services must be service codes such as \"A\"");
      clean["services"] = body["services"];
    }
    if (body.contains("expected_end") && !body["expected_end"].is_null()) {
      if (!body["expected_end"].is_number_integer())
        return make_error("bad_request", "expected_end must be a time in unix milliseconds");
      clean["expected_end"] = body["expected_end"];
    }
  } else if (kind == "announcement") {
    if (auto e = text_field("text", 500, true)) return *e;
  } else {
    return make_error("bad_request", "kind must be disruption or announcement");
  }
  for (const std::string& s : sites)
    if (!valid_site_id(s)) return make_error("bad_request", "\"" + s + "\" is not a site id");
  std::string arr;
  if (!sites.empty()) {
    arr = "{";
    for (std::size_t i = 0; i < sites.size(); ++i) arr += (i ? "," : "") + sites[i];
    arr += "}";
  }
  auto r = pg.exec("INSERT INTO district.notices (kind, body, sites, published_by) VALUES ($1, $2::jsonb, $3::text[], $4) "
                   "RETURNING id",
                   {kind, clean.dump(), sites.empty() ? Param{} : Param{arr}, by});
  if (!r) return r.error();
  return r->get_int(0, 0);
}

Result<Ok> clear_notice(Pg& pg, int64_t id) {
  auto r = pg.exec("UPDATE district.notices SET cleared_at = now() WHERE id = $1 AND cleared_at IS NULL RETURNING id",
                   {std::to_string(id)});
  if (!r) return r.error();
  if (r->rows() == 0) return make_error("not_found", "no active district notice " + std::to_string(id));
  return Ok{};
}

}  // namespace antrian::district
