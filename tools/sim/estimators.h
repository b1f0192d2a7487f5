#pragma once
// The three estimates of a wait that the simulator scores side by side, and the
// score itself.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace antrian::sim {

// Most queue systems: people ahead x a fixed mean service time / lokets open;
// blind to disruptions and to how long serving really takes.
double blind_estimate_s(int ahead, double configured_mean_s, int open_lokets);

// The formula oracle: the old formula with the true mean service time (stretched by
// the true capacity) and the true end of a halt. Blind to lokets shared between
// services and to breaks; forward_oracle.h is the honest judge.
double oracle_estimate_s(int ahead, double true_mean_s, double capacity, int open_lokets, int64_t halted_for_s);

struct Sample {
  std::string service;
  double actual_s = 0;
  std::optional<double> ours_s, blind_s, oracle_s;
  std::optional<double> forward_s;  // the forward oracle (forward_oracle.h)
  bool priority = false;
  int64_t issued_s = 0;  // seconds after local midnight (to break the figures down by hour)
};

struct Score {
  int n = 0;
  int unknown = 0;           // estimates that said "unknown" (count as misses)
  double mae_min = 0;        // mean absolute error over known estimates, minutes
  double within_share = 0;   // share of all samples within tolerance
};

// Within tolerance: |estimate - actual| <= max(25% of actual, floor_s). The floor
// (2 minutes by default) keeps waits of a few seconds from failing on noise.
bool within(double estimate_s, double actual_s, double floor_s = 120);
Score score(const std::vector<Sample>& samples, std::optional<double> Sample::*which, double floor_s = 120);

}  // namespace antrian::sim
