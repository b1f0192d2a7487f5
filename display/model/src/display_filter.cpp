#include "antrian/display/display_filter.h"

#include <algorithm>

namespace antrian::display {

DisplayFilter::DisplayFilter(std::vector<std::string> services, std::vector<int> lokets)
    : services_(std::move(services)), lokets_(std::move(lokets)) {
  std::sort(lokets_.begin(), lokets_.end());
}

bool DisplayFilter::shows_service(const std::string& code) const {
  return services_.empty() || std::find(services_.begin(), services_.end(), code) != services_.end();
}

bool DisplayFilter::shows_loket(int number) const {
  return lokets_.empty() || std::binary_search(lokets_.begin(), lokets_.end(), number);
}

std::vector<int> DisplayFilter::lokets_to_show(const OfficeState& s) const {
  std::vector<int> out;
  for (const auto& [number, counter] : s.counters) {
    if (!lokets_.empty()) {
      if (shows_loket(number)) out.push_back(number);
      continue;
    }
    const bool serves_shown =
        services_.empty() || std::any_of(counter.services.begin(), counter.services.end(),
                                         [&](const std::string& code) { return shows_service(code); });
    if (serves_shown) out.push_back(number);
  }
  return out;
}

std::vector<std::string> DisplayFilter::problems(const OfficeState& s, Lang lang) const {
  std::vector<std::string> out;
  for (const std::string& code : services_) {
    if (s.services.count(code)) continue;
    std::string list;
    for (const auto& [c, _] : s.services) list += (list.empty() ? "" : ", ") + c;
    out.push_back(trf("display.problem_service", lang, {code, list}));
  }
  for (int n : lokets_) {
    if (s.counters.count(n)) continue;
    std::string list;
    for (const auto& [c, _] : s.counters) list += (list.empty() ? "" : ", ") + std::to_string(c);
    out.push_back(trf("display.problem_loket", lang, {std::to_string(n), list}));
  }
  return out;
}

}  // namespace antrian::display
