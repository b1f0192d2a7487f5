#include "config_applier.h"

#include <spdlog/spdlog.h>

#include "antrian/config_layer.h"

namespace antrian::district {

using nlohmann::json;

void ConfigApplier::apply_pending(Pg& pg, const SiteTracker& tracker) {
  if (!hub_.online()) return;
  auto rows = pg.exec("SELECT version, district_doc::text, site_doc::text, reported_version, reported_state "
                      "FROM district.my_config()");
  if (!rows) {
    spdlog::warn("district configuration: {}", rows.error().reason);
    return;
  }
  if (rows->rows() == 0) return;  // the district never published one
  const int64_t version = rows->get_int(0, 0);
  const int64_t reported = rows->get_int(0, 3);
  const std::string reported_state = rows->get(0, 4);
  auto report = [&](const std::string& state, const std::string& error) {
    if (auto r = pg.exec("SELECT district.report_config($1, $2, $3)", {std::to_string(version), state, error}); !r)
      spdlog::warn("district configuration: {}", r.error().reason);
  };
  if (tracker.config_version() == version) {
    // Applied (perhaps just before a crash that lost the report): say so once.
    if (reported != version || reported_state != "applied") report("applied", "");
    return;
  }
  if (reported == version && reported_state == "refused") return;  // until the district publishes another
  const json district_doc = rows->is_null(0, 1) ? json::object() : json::parse(rows->get(0, 1), nullptr, false);
  const json site_doc = rows->is_null(0, 2) ? json::object() : json::parse(rows->get(0, 2), nullptr, false);
  const json doc = merge_config_layers(district_doc, site_doc);
  // The id names the version and the configuration it replaces: a retry after a crash
  // is answered from the hub's store, and a hub that went back to its own config file
  // (a restart with --config) gets the version again under a new id.
  const std::string rid = "district-config-v" + std::to_string(version) + "-on-" +
                          std::to_string(tracker.config_event_seq());
  auto r = hub_.request_with_id(proto::cmd::config_apply, {{"version", version}, {"doc", doc}}, rid);
  if (!r.ok && r.error.code == proto::err::unreachable) return;  // next round
  if (r.ok) {
    spdlog::info("district configuration version {} applied", version);
    report("applied", "");
  } else {
    spdlog::warn("district configuration version {} refused by the hub: {}", version, r.error.reason);
    report("refused", r.error.code + ": " + r.error.reason);
  }
}

}  // namespace antrian::district
