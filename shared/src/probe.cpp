#include "antrian/probe.h"

#include <algorithm>

namespace antrian {

Hysteresis::Change Hysteresis::observe(bool ok) {
  if (ok) {
    failures_ = 0;
    if (down_ && ++successes_ >= recover_after_) {
      down_ = false;
      successes_ = 0;
      return Change::came_back;
    }
  } else {
    successes_ = 0;
    if (!down_ && ++failures_ >= fail_after_) {
      down_ = true;
      failures_ = 0;
      return Change::went_down;
    }
  }
  return Change::none;
}

Result<std::vector<ProbeSpec>> parse_probes(const nlohmann::json& list, const std::vector<std::string>& resources) {
  std::vector<ProbeSpec> out;
  if (!list.is_array()) return make_error("bad_config", "probes: must be a list");
  for (size_t i = 0; i < list.size(); ++i) {
    const std::string where = "probes[" + std::to_string(i) + "]";
    const nlohmann::json& j = list[i];
    try {
      ProbeSpec p;
      p.resource = j.at("resource").get<std::string>();
      if (std::find(resources.begin(), resources.end(), p.resource) == resources.end())
        return make_error("bad_config", where + ".resource: unknown resource \"" + p.resource + "\"");
      p.check = j.at("check").get<std::string>();
      if (p.check.rfind("tcp://", 0) != 0 && p.check.rfind("http://", 0) != 0)
        return make_error("bad_config", where + ".check: must start with tcp:// or http://");
      p.interval_ms = j.value("interval_ms", 5000);
      p.timeout_ms = j.value("timeout_ms", 2000);
      p.fail_after = j.value("fail_after", 3);
      p.recover_after = j.value("recover_after", 2);
      if (p.interval_ms < 100 || p.interval_ms > 3'600'000)
        return make_error("bad_config", where + ".interval_ms: must be 100..3600000");
      if (p.timeout_ms < 50 || p.timeout_ms > 60'000) return make_error("bad_config", where + ".timeout_ms: must be 50..60000");
      if (p.fail_after < 1 || p.fail_after > 100 || p.recover_after < 1 || p.recover_after > 100)
        return make_error("bad_config", where + ": fail_after and recover_after must be 1..100");
      const std::string level = j.value("level", "down");
      if (!parse(level, p.level)) return make_error("bad_config", where + ".level: must be degraded or down");
      p.message_id = j.value("message_id", "");
      p.message_en = j.value("message_en", p.message_id);
      out.push_back(p);
    } catch (const std::exception& e) {
      return make_error("bad_config", where + ": " + e.what());
    }
  }
  return out;
}

}  // namespace antrian
