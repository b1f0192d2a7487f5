#pragma once
// Loudness measures the tests use to tell speech from silence, noise or a steady tone.
#include <cmath>
#include <cstdint>
#include <vector>

inline double rms(const std::int16_t* s, std::size_t n) {
  if (n == 0) return 0;
  double sum = 0;
  for (std::size_t i = 0; i < n; ++i) sum += double(s[i]) * s[i];
  return std::sqrt(sum / double(n));
}

inline double rms(const std::vector<std::int16_t>& s) { return rms(s.data(), s.size()); }

// RMS of consecutive windows of window_ms.
inline std::vector<double> window_rms(const std::vector<std::int16_t>& s, int rate, int window_ms) {
  const std::size_t w = std::size_t(rate) * window_ms / 1000;
  std::vector<double> out;
  for (std::size_t i = 0; w > 0 && i + w <= s.size(); i += w) out.push_back(rms(s.data() + i, w));
  return out;
}

// Runs of at least min_windows quiet windows (below quiet) with a loud window (above
// loud) somewhere before and after: the pauses between words, not the lead-in or tail.
inline int interior_gaps(const std::vector<double>& windows, double quiet, double loud, int min_windows) {
  int gaps = 0, run = 0;
  bool seen_loud = false, gap_pending = false;
  for (double v : windows) {
    if (v < quiet) {
      ++run;
      continue;
    }
    if (seen_loud && run >= min_windows) gap_pending = true;
    run = 0;
    if (v >= loud) {
      if (gap_pending) ++gaps;
      gap_pending = false;
      seen_loud = true;
    }
  }
  return gaps;
}
