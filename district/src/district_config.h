#pragma once
// The district's configuration in the centre (docs/DISTRICT.md): the template every
// site gets and per-site overrides, both layers (antrian/config_layer.h), versioned;
// and per site the version published against the version its log says it runs.
#include <string>

#include <nlohmann/json.hpp>

#include "pg.h"

namespace antrian::district {

// Checks `doc` (the shape, then laid over the default office and validated as a hub
// validates its config file, with the site's counterpart laid in between) and stores
// it as a new version: the district's template when `site` is empty, else that site's
// override. Returns the version. A bad document changes nothing; the error says why.
Result<int64_t> publish_config(Pg& pg, const nlohmann::json& doc, const std::string& site, const std::string& by,
                               const std::string& note = "");

// {"template": {version, doc, published_at, published_by, note} | null,
//  "sites": [{site, name, published, override: {version, doc} | null, applied, applied_at,
//             reported: {version, state, error} | null, effective: doc}]}
Result<nlohmann::json> config_status(Pg& pg);

}  // namespace antrian::district
