#pragma once
// The applicants the forecast expects to come still today (one service, one class),
// read one at a time: the k-th expected arrival time is computed when a play asks for
// it, from at most one entry per half-hour slot, instead of a list of up to 2,000
// times built for every service and class in every play (each issue after the first
// of a group commit plays its own run). The times are exactly those of
// expected_arrival_times (along past days' curve) or of an even pace, and their cut at
// the service's numbers left is the one a merge of the two classes made.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "antrian/arrival_curve_data.h"

namespace antrian {

class ExpectedArrivals {
 public:
  ExpectedArrivals() = default;  // nobody expected

  // The times expected_arrival_times(c, priority, level, now_ms, until_ms, offset_hours,
  // max_n) lists, the same figures.
  static ExpectedArrivals along_curve(const ArrivalCurve& c, bool priority, double level, int64_t now_ms,
                                      int64_t until_ms, int offset_hours, std::size_t max_n);
  // One every gap_ms from now: the k-th (from 0) at now_ms + int64_t(gap_ms * (k + 1)),
  // those before until_ms, at most max_n.
  static ExpectedArrivals evenly(int64_t now_ms, double gap_ms, int64_t until_ms, std::size_t max_n);

  std::size_t size() const { return n_; }
  // The k-th expected arrival (k < size()), unix ms; ascending in k.
  int64_t operator[](std::size_t k) const;

  // Keeps only the first n.
  void keep(std::size_t n) {
    if (n < n_) n_ = n;
  }

 private:
  // One half-hour slot of the curve where arrivals fall: as the list's loop stood at its
  // start (from t, expected count so far, rate per ms) and how many were listed by its end.
  struct Slot {
    int64_t t = 0, end = 0;
    double count = 0, rate = 0;
    std::size_t listed = 0;
  };
  std::vector<Slot> slots_;
  bool even_ = false;
  int64_t now_ = 0;
  double gap_ = 0;
  std::size_t n_ = 0;
  // The slot last read (a play reads along the list): not part of the value. One
  // forecast's Hall is read by one thread.
  mutable std::size_t hint_ = 0;
};

// The kiosk stops at a service's numbers left: of its expected priority and regular
// applicants, only the first `left` by time come (priority first at the same moment).
// The same cut as walking the two lists merged, by binary search.
void keep_first_arrivals(ExpectedArrivals& priority, ExpectedArrivals& regular, std::size_t left);

}  // namespace antrian
