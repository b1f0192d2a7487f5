#pragma once
// The forwarder's replay of its site's log: the office state after every event (the
// same reducer the hub uses, shared/src/event.cpp) plus what the centre keeps that the
// hub's state forgets (a day's counts after the day ends, blangko used per day). Its
// projection() is the site's picture the centre stores with each batch, so the
// centre's projections are, by construction, a replay of the site's log.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "antrian/event.h"
#include "antrian/model.h"

namespace antrian::district {

class SiteTracker {
 public:
  void apply(const Event& e);
  const OfficeState& state() const { return s_; }
  int64_t seq() const { return s_.seq; }
  int64_t last_event_at() const { return last_at_; }
  // The district configuration the log says the hub runs: the version of its newest
  // config_applied event (0 when the office's own config came after it), and the seq
  // of the newest event that configured the office (either kind).
  int64_t config_version() const { return config_version_; }
  int64_t config_event_seq() const { return config_seq_; }

  // The site's picture now, at the site's clock `now_ms`: services (waiting, longest
  // wait, status), disruptions, resources, devices, the counts of every day touched
  // since the last call and blangko used per day. Marks those days as sent.
  nlohmann::json projection(int64_t now_ms);

 private:
  nlohmann::json day_counts(const std::string& day) const;
  OfficeState s_;
  int64_t last_at_ = 0;
  int64_t config_version_ = 0, config_seq_ = 0, config_at_ = 0;
  std::map<std::string, nlohmann::json> closed_days_;  // counts of days that ended, not yet sent
  struct BlangkoDay {
    int used = 0, stock_end = 0;
  };
  std::map<std::pair<std::string, std::string>, BlangkoDay> blangko_;  // (day, resource)
  std::set<std::pair<std::string, std::string>> blangko_dirty_;
};

}  // namespace antrian::district
