#pragma once
// Latency samples and their percentiles.
#include <string>
#include <vector>

namespace antrian::bench {

struct Summary {
  double p50_ms = 0, p90_ms = 0, p99_ms = 0, mean_ms = 0, max_ms = 0;
  std::size_t n = 0;
};

Summary summarize(std::vector<double> samples_ms);
std::string describe(const std::string& name, const Summary& s);

}  // namespace antrian::bench
