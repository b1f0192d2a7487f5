#pragma once
// Configuration sent down by the district (docs/DISTRICT.md): a "layer" that changes
// part of a site's office configuration and leaves the rest (its lokets, resources,
// staff, kiosk routing) as the site has it. A layer:
//
//   {"services": [{"code": "A", "daily_quota": 120, ...}],   service templates, by code
//    "calendar": {"hours": {...}, "breaks": [...], "last_ticket_minutes": 30},
//    "holidays": [{"date": "2026-12-24", "reason_id": "Cuti bersama", ...}]}
//
// The district's template and a site's override are both layers; the override is laid
// over the template (merge_config_layers), and the result over the site's office
// (apply_config_layer), which is then checked by the office-config validation the hub
// uses for its config file (parse_office_config). A service code the site does not
// have is added (it needs a prefix and names); holidays join the site's closed dates.
#include <string>

#include <nlohmann/json.hpp>

#include "antrian/model.h"
#include "antrian/office_config.h"
#include "antrian/result.h"

namespace antrian {

// Checks a layer's shape (known fields only, each of the right type); an error names
// the field, e.g. "services[1].daily_qouta: unknown field".
Result<Ok> check_config_layer(const nlohmann::json& layer);

// `over` laid over `base`: services merged field by field by code, calendar keys
// replaced one by one (hours day by day), holidays joined by date (over wins).
nlohmann::json merge_config_layers(const nlohmann::json& base, const nlohmann::json& over);

// The office configuration a state runs, as a config document (without staff PINs).
nlohmann::json office_config_json(const OfficeState& s);

// The site's configuration with the layer applied, validated as a config file is.
Result<OfficeConfig> apply_config_layer(const OfficeState& s, const nlohmann::json& layer);

}  // namespace antrian
