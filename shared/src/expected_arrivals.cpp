#include "antrian/expected_arrivals.h"

#include <algorithm>
#include <cmath>

namespace antrian {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kSlotMs = int64_t(kArrivalSlotMinutes) * 60'000;

// ms after local midnight of the day `at_ms` falls in (as arrival_curve.cpp reads it).
int64_t ms_of_day(int64_t at_ms, int offset_hours) {
  const int64_t local = at_ms + int64_t(offset_hours) * 3'600'000;
  return ((local % kDayMs) + kDayMs) % kDayMs;
}

}  // namespace

ExpectedArrivals ExpectedArrivals::along_curve(const ArrivalCurve& c, bool priority, double level, int64_t now_ms,
                                               int64_t until_ms, int offset_hours, std::size_t max_n) {
  // expected_arrival_times' loop, slot by slot, with the same arithmetic; where it
  // lists each whole arrival the count reaches in a slot, this keeps the slot and how
  // many were listed by its end (the largest j with j <= count + 1e-9, the list's own test).
  ExpectedArrivals out;
  const std::vector<double>& v = priority ? c.priority : c.regular;
  if (v.size() != std::size_t(kArrivalSlots) || level <= 0 || until_ms <= now_ms) return out;
  const int64_t day_start = now_ms - ms_of_day(now_ms, offset_hours);
  const int64_t end = std::min(until_ms, day_start + kDayMs);
  double count = 0;
  for (int64_t t = now_ms; t < end && out.n_ < max_n;) {
    const int64_t slot = (t - day_start) / kSlotMs, slot_end = std::min(end, day_start + (slot + 1) * kSlotMs);
    const double rate = level * v[std::size_t(slot)] / double(kSlotMs);  // per ms
    const double here = rate * double(slot_end - t);
    if (rate > 0) {
      const double reach = count + here + 1e-9;
      const std::size_t listed = reach >= double(max_n) ? max_n : std::max(out.n_, std::size_t(std::floor(reach)));
      if (listed > out.n_) {
        out.slots_.push_back(Slot{t, slot_end, count, rate, listed});
        out.n_ = listed;
      }
    }
    count += here;
    t = slot_end;
  }
  return out;
}

ExpectedArrivals ExpectedArrivals::evenly(int64_t now_ms, double gap_ms, int64_t until_ms, std::size_t max_n) {
  ExpectedArrivals out;
  out.even_ = true;
  out.now_ = now_ms;
  out.gap_ = gap_ms;
  auto before_end = [&](std::size_t k) { return now_ms + int64_t(gap_ms * double(k + 1)) < until_ms; };
  if (gap_ms > 0) {
    // Ascending in k: the first k at or after the end, by halving.
    std::size_t lo = 0, hi = max_n;
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      if (before_end(mid)) lo = mid + 1;
      else hi = mid;
    }
    out.n_ = lo;
  } else {
    while (out.n_ < max_n && before_end(out.n_)) ++out.n_;
  }
  return out;
}

int64_t ExpectedArrivals::operator[](std::size_t k) const {
  if (even_) return now_ + int64_t(gap_ * double(k + 1));
  // The slot that listed the k-th: the one read last or the next, else by halving.
  std::size_t s = hint_ < slots_.size() ? hint_ : 0;
  auto holds = [&](std::size_t i) { return k < slots_[i].listed && (i == 0 || k >= slots_[i - 1].listed); };
  if (!holds(s)) {
    if (s + 1 < slots_.size() && holds(s + 1)) {
      ++s;
    } else {
      s = std::size_t(std::upper_bound(slots_.begin(), slots_.end(), k,
                                       [](std::size_t x, const Slot& sl) { return x < sl.listed; }) -
                      slots_.begin());
    }
    hint_ = s;
  }
  const Slot& sl = slots_[s];
  return std::min(sl.end, sl.t + int64_t(std::llround((double(k + 1) - sl.count) / sl.rate)));
}

void keep_first_arrivals(ExpectedArrivals& priority, ExpectedArrivals& regular, std::size_t left) {
  const std::size_t np = priority.size(), nr = regular.size();
  if (left >= np + nr) return;
  // Walking both lists merged (priority first at the same moment), the first `left` hold
  // pk priority ones: the most for which the pk-th priority one is not after the
  // regular one that would come next. Both lists ascend, so this is found by halving.
  std::size_t lo = left > nr ? left - nr : 0, hi = std::min(left, np);
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo + 1) / 2, rk = left - mid;
    if (rk >= nr || priority[mid - 1] <= regular[rk]) lo = mid;
    else hi = mid - 1;
  }
  priority.keep(lo);
  regular.keep(left - lo);
}

}  // namespace antrian
