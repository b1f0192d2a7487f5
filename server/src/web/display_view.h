#pragma once
// What the browser display shows: the same information as the native wall display
// (antrian-display), with the same filters (?services=A,B&lokets=1,2): the newest
// call, a tile per loket, the services with their status, queue and waiting time,
// the disruption banners, the running announcement, and the recent calls to speak.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/model.h"
#include "web/call_log.h"

namespace antrian::web {

struct WebDisplayFilter {
  std::vector<std::string> services;  // empty = all
  std::vector<int> lokets;            // empty = all
  bool shows_service(const std::string& code) const;
  bool shows_loket(int number) const;
};

// Parses the query values; an error text names the bad entry.
std::optional<WebDisplayFilter> parse_display_filter(std::string_view services, std::string_view lokets,
                                                     std::string& error);

nlohmann::json display_view(const OfficeState& s, const WebDisplayFilter& f, const std::vector<CallRecord>& calls,
                            int64_t now_ms);

}  // namespace antrian::web
