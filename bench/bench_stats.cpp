#include "bench_stats.h"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace antrian::bench {

Summary summarize(std::vector<double> v) {
  Summary s;
  if (v.empty()) return s;
  std::sort(v.begin(), v.end());
  auto pct = [&](double p) { return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))]; };
  s.n = v.size();
  s.p50_ms = pct(0.50);
  s.p90_ms = pct(0.90);
  s.p99_ms = pct(0.99);
  s.max_ms = v.back();
  s.mean_ms = std::accumulate(v.begin(), v.end(), 0.0) / double(v.size());
  return s;
}

std::string describe(const std::string& name, const Summary& s) {
  char buf[256];
  std::snprintf(buf, sizeof buf, "%-38s n=%-5zu p50 %7.3f ms  p99 %7.3f ms  mean %7.3f ms  max %7.3f ms",
                name.c_str(), s.n, s.p50_ms, s.p99_ms, s.mean_ms, s.max_ms);
  return buf;
}

}  // namespace antrian::bench
