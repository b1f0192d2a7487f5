#include "dashboard_cache.h"

#include <spdlog/spdlog.h>

namespace antrian::district {

DashboardCache::DashboardCache(std::string conninfo, int refresh_ms, int max_age_ms)
    : conninfo_(std::move(conninfo)), refresh_ms_(refresh_ms), max_age_ms_(max_age_ms) {}

DashboardCache::~DashboardCache() {
  {
    std::lock_guard l(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void DashboardCache::add(const std::string& name, Maker make) { makers_[name] = std::move(make); }

void DashboardCache::start() {
  if (refresh_ms_ > 0 && !makers_.empty()) thread_ = std::thread([this] { run(); });
}

std::optional<std::string> DashboardCache::get(const std::string& name) {
  std::lock_guard l(mu_);
  auto it = pictures_.find(name);
  if (it == pictures_.end() ||
      std::chrono::steady_clock::now() - it->second.made > std::chrono::milliseconds(max_age_ms_))
    return std::nullopt;
  return it->second.json;
}

void DashboardCache::refresh_now() {
  {
    std::lock_guard l(mu_);
    again_ = true;
  }
  wake_.notify_all();
}

void DashboardCache::run() {
  std::unique_ptr<Pg> pg;
  std::string last_problem;
  for (;;) {
    {
      std::unique_lock l(mu_);
      if (stop_) return;
    }
    if (!pg || !pg->ok()) {
      auto c = Pg::connect(conninfo_, 3);
      if (c) pg = std::move(*c);
      else pg.reset();
    }
    for (const auto& [name, make] : makers_) {
      if (!pg) break;
      auto r = make(*pg);
      if (!r) {
        if (r.error().reason != last_problem) spdlog::warn("dashboard picture {}: {}", name, r.error().reason);
        last_problem = r.error().reason;
        continue;
      }
      last_problem.clear();
      std::lock_guard l(mu_);
      pictures_[name] = {std::move(*r), std::chrono::steady_clock::now()};
    }
    std::unique_lock l(mu_);
    wake_.wait_for(l, std::chrono::milliseconds(refresh_ms_), [this] { return stop_ || again_; });
    again_ = false;
  }
}

}  // namespace antrian::district
