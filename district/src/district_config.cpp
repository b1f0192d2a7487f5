#include "district_config.h"

#include "antrian/commands.h"
#include "antrian/config_layer.h"
#include "antrian/event.h"
#include "district_admin.h"

namespace antrian::district {

using nlohmann::json;

namespace {

// The default office as a hub would run it: what a layer is checked against before a
// site's own hub checks it against itself.
const OfficeState& default_office_state() {
  static const OfficeState s = [] {
    OfficeState st;
    auto cfg = default_office_config();
    if (cfg)
      for (const Event& e : configure_office_events(st, *cfg, 0)) apply_event(st, e);
    return st;
  }();
  return s;
}

json parse_or_empty(const PgResult& r, int row, int col) {
  return r.is_null(row, col) ? json::object() : json::parse(r.get(row, col), nullptr, false);
}

}  // namespace

Result<int64_t> publish_config(Pg& pg, const json& doc, const std::string& site, const std::string& by,
                               const std::string& note) {
  if (auto r = check_config_layer(doc); !r) return make_error("bad_request", r.error().reason);
  if (note.size() > 500) return make_error("bad_request", "note: at most 500 bytes");
  if (!site.empty()) {
    if (!valid_site_id(site)) return make_error("bad_request", "\"" + site + "\" is not a site id");
    auto known = pg.exec("SELECT 1 FROM district.sites WHERE site = $1", {site});
    if (!known) return known.error();
    if (known->rows() == 0) return make_error("not_found", "there is no site \"" + site + "\"");
  }
  // Laid over the default office with what it will be combined with: the template
  // under a site's override, or each site's override over a new template.
  auto check = [&](const json& layer, const std::string& what) -> Result<Ok> {
    auto cfg = apply_config_layer(default_office_state(), layer);
    if (!cfg) return make_error("bad_request", what + cfg.error().reason);
    return Ok{};
  };
  if (site.empty()) {
    if (auto r = check(doc, ""); !r) return r.error();
    auto overrides = pg.exec("SELECT DISTINCT ON (site) site, doc::text FROM district.config_docs "
                             "WHERE site IS NOT NULL ORDER BY site, version DESC");
    if (!overrides) return overrides.error();
    for (int i = 0; i < overrides->rows(); ++i)
      if (auto r = check(merge_config_layers(doc, parse_or_empty(*overrides, i, 1)),
                         "with the override of " + overrides->get(i, 0) + ": ");
          !r)
        return r.error();
  } else {
    auto tpl = pg.exec("SELECT doc::text FROM district.config_docs WHERE site IS NULL ORDER BY version DESC LIMIT 1");
    if (!tpl) return tpl.error();
    const json base = tpl->rows() ? parse_or_empty(*tpl, 0, 0) : json::object();
    if (auto r = check(merge_config_layers(base, doc), "with the district's template: "); !r) return r.error();
  }
  auto r = pg.exec("INSERT INTO district.config_docs (site, doc, published_by, note) VALUES ($1, $2::jsonb, $3, $4) "
                   "RETURNING version",
                   {site.empty() ? Param{} : Param{site}, doc.dump(), by, note});
  if (!r) return r.error();
  return r->get_int(0, 0);
}

Result<json> config_status(Pg& pg) {
  json out = {{"template", nullptr}, {"sites", json::array()}};
  auto tpl = pg.exec("SELECT version, doc::text, (EXTRACT(EPOCH FROM published_at) * 1000)::bigint, published_by, note "
                     "FROM district.config_docs WHERE site IS NULL ORDER BY version DESC LIMIT 1");
  if (!tpl) return tpl.error();
  json base = json::object();
  if (tpl->rows()) {
    base = parse_or_empty(*tpl, 0, 1);
    out["template"] = {{"version", tpl->get_int(0, 0)}, {"doc", base}, {"published_at", tpl->get_int(0, 2)},
                       {"published_by", tpl->get(0, 3)}, {"note", tpl->get(0, 4)}};
  }
  auto rows = pg.exec(
      "SELECT s.site, s.name, COALESCE(c.version, 0), o.version, o.doc::text, COALESCE(t.config_version, 0), "
      "  (EXTRACT(EPOCH FROM t.config_applied_at) * 1000)::bigint, r.version, r.state, r.error "
      "FROM district.sites s "
      "LEFT JOIN LATERAL district.site_config(s.site) c ON true "
      "LEFT JOIN LATERAL (SELECT version, doc FROM district.config_docs d WHERE d.site = s.site "
      "                   ORDER BY version DESC LIMIT 1) o ON true "
      "LEFT JOIN district.site_status t ON t.site = s.site "
      "LEFT JOIN district.config_reports r ON r.site = s.site ORDER BY s.site");
  if (!rows) return rows.error();
  for (int i = 0; i < rows->rows(); ++i) {
    const json over = rows->is_null(i, 3) ? json(nullptr)
                                          : json{{"version", rows->get_int(i, 3)}, {"doc", parse_or_empty(*rows, i, 4)}};
    const int64_t published = rows->get_int(i, 2), applied = rows->get_int(i, 5);
    out["sites"].push_back(
        {{"site", rows->get(i, 0)}, {"name", rows->get(i, 1)}, {"published", published}, {"override", over},
         {"applied", applied}, {"applied_at", rows->is_null(i, 6) ? json(nullptr) : json(rows->get_int(i, 6))},
         {"up_to_date", published == 0 || published == applied},
         {"reported", rows->is_null(i, 7) ? json(nullptr)
                                          : json{{"version", rows->get_int(i, 7)}, {"state", rows->get(i, 8)},
                                                 {"error", rows->get(i, 9)}}},
         {"effective", merge_config_layers(base, over.is_null() ? json::object() : over["doc"])}});
  }
  return out;
}

}  // namespace antrian::district
