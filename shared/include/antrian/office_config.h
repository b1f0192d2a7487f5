#pragma once
// The office configuration file (JSON): services, lokets, resources, staff. The
// default office is embedded (assets/default-office.json); a file can replace it.
#include <string>
#include <string_view>
#include <vector>

#include "antrian/message_config.h"
#include "antrian/model.h"
#include "antrian/probe.h"
#include "antrian/result.h"

namespace antrian {

struct StaffSeed {
  std::string id, name, pin;  // plain PIN from the config, hashed by the hub
  bool admin = false;
};

struct OfficeConfig {
  Office office;
  std::vector<Service> services;
  std::vector<Counter> counters;
  std::vector<Resource> resources;
  std::vector<StaffSeed> staff;
  std::vector<ProbeSpec> probes;  // automatic disruption detection (probe.h)
  std::vector<Closure> closures;  // "holidays" and "closures": dates the office is closed
  MessageConfig messages;         // messages to citizens' phones (message_config.h)
};

std::string_view default_office_json();  // generated at build time

// Parses and validates; every problem comes back with the field it is about,
// e.g. "counters[2].services: unknown service \"Z\"".
Result<OfficeConfig> parse_office_config(std::string_view text);
Result<OfficeConfig> load_office_config_file(const std::string& path);
Result<OfficeConfig> default_office_config();

}  // namespace antrian
