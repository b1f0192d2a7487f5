#pragma once
// Setting up the centre: the schema, one PostgreSQL role per site, dashboard logins,
// district notices. Used by `antrian-district` subcommands and by the tests.
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "pg.h"

namespace antrian::district {

// The schema file's text (district/sql/schema.sql, compiled in).
const std::string& schema_sql();

// Creates or updates the schema (idempotent). Needs a role that may create roles.
Result<Ok> setup_schema(Pg& pg);

// A site and its own LOGIN role "site_<id>" with this password; the role may only
// call the site functions, which act on this site's rows alone.
Result<std::string> add_site(Pg& pg, const std::string& site, const std::string& name, const std::string& password);

// A LOGIN role for the dashboard (reads everything, publishes notices).
Result<Ok> add_dashboard_login(Pg& pg, const std::string& role, const std::string& password);

// A district notice. kind "disruption": body {resource, level, message_id,
// message_en, services?, expected_end?}; kind "announcement": body {text}. sites
// empty = every site. Returns the notice id; the body is checked first.
Result<int64_t> publish_notice(Pg& pg, const std::string& kind, const nlohmann::json& body,
                               const std::vector<std::string>& sites, const std::string& by);
Result<Ok> clear_notice(Pg& pg, int64_t id);

// Checks a site id: 1-40 of a-z, 0-9, '_' and '-', starting with a letter or digit.
bool valid_site_id(const std::string& site);

}  // namespace antrian::district
