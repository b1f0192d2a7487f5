#include "antrian/arrival_curve.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "antrian/office_time.h"

namespace antrian {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kSlotMs = int64_t(kArrivalSlotMinutes) * 60'000;

int office_offset(const OfficeState& s) {
  int h = 7;
  timezone_offset_hours(s.office.timezone, h);
  return h;
}

// ms after local midnight of the day `at_ms` falls in.
int64_t ms_of_day(int64_t at_ms, int offset_hours) {
  const int64_t local = at_ms + int64_t(offset_hours) * 3'600'000;
  return ((local % kDayMs) + kDayMs) % kDayMs;
}

const std::vector<double>& slots(const ArrivalCurve& c, bool priority) { return priority ? c.priority : c.regular; }

bool is_arrival(const Ticket& t) { return t.transferred_from == 0; }

}  // namespace

std::vector<ArrivalCurve> curves_after_day(const OfficeState& s) {
  const int offset = office_offset(s);
  std::map<std::string, std::pair<std::vector<double>, std::vector<double>>> today;
  for (const auto& [code, _] : s.services)
    today[code] = {std::vector<double>(kArrivalSlots, 0.0), std::vector<double>(kArrivalSlots, 0.0)};
  int seen = 0;
  for (const auto& [_, t] : s.tickets) {
    auto it = today.find(t.service);
    if (!is_arrival(t) || it == today.end()) continue;
    const std::size_t slot = std::size_t(ms_of_day(t.issued_at, offset) / kSlotMs);
    (t.priority != Priority::reguler ? it->second.second : it->second.first)[slot] += 1;
    ++seen;
  }
  std::vector<ArrivalCurve> out;
  if (seen == 0) return out;  // a day the office did not work says nothing of its days
  for (auto& [code, counts] : today) {
    ArrivalCurve c;
    c.service = code;
    if (auto old = s.arrivals.find(code); old != s.arrivals.end()) c = old->second;
    if (c.regular.size() != std::size_t(kArrivalSlots)) c.regular.assign(kArrivalSlots, 0.0);
    if (c.priority.size() != std::size_t(kArrivalSlots)) c.priority.assign(kArrivalSlots, 0.0);
    const double w = 1.0 / std::min(c.days + 1, kArrivalCurveMemoryDays);
    for (std::size_t i = 0; i < std::size_t(kArrivalSlots); ++i) {
      // Two decimals are plenty for a mean count and keep the event small.
      c.regular[i] = std::round(((1 - w) * c.regular[i] + w * counts.first[i]) * 100) / 100;
      c.priority[i] = std::round(((1 - w) * c.priority[i] + w * counts.second[i]) * 100) / 100;
    }
    c.days = std::min(c.days + 1, 100000);
    out.push_back(std::move(c));
  }
  return out;
}

double curve_count(const ArrivalCurve& c, bool priority, int64_t from_ms, int64_t to_ms) {
  const std::vector<double>& v = slots(c, priority);
  if (v.size() != std::size_t(kArrivalSlots)) return 0;
  from_ms = std::clamp<int64_t>(from_ms, 0, kDayMs);
  to_ms = std::clamp<int64_t>(to_ms, 0, kDayMs);
  double n = 0;
  for (int64_t t = from_ms; t < to_ms;) {
    const int64_t slot = t / kSlotMs, end = std::min(to_ms, (slot + 1) * kSlotMs);
    n += v[std::size_t(slot)] * double(end - t) / double(kSlotMs);
    t = end;
  }
  return n;
}

double today_level(const OfficeState& s, int64_t open_ms, int64_t now_ms) {
  if (now_ms <= open_ms) return 1.0;
  const int offset = office_offset(s);
  const int64_t from = ms_of_day(open_ms, offset), to = from + (now_ms - open_ms);
  double expected = 0;
  for (const auto& [_, c] : s.arrivals) expected += curve_count(c, false, from, to) + curve_count(c, true, from, to);
  // From the index (binary searches on the day's arrival times), not a walk over the day.
  const int seen = arrivals_between(ticket_index(s), open_ms, now_ms);
  return (seen + kArrivalLevelPrior) / (expected + kArrivalLevelPrior);
}

std::vector<int64_t> expected_arrival_times(const ArrivalCurve& c, bool priority, double level, int64_t now_ms,
                                            int64_t until_ms, int offset_hours, std::size_t max_n) {
  std::vector<int64_t> out;
  const std::vector<double>& v = slots(c, priority);
  if (v.size() != std::size_t(kArrivalSlots) || level <= 0 || until_ms <= now_ms) return out;
  const int64_t day_start = now_ms - ms_of_day(now_ms, offset_hours);
  const int64_t end = std::min(until_ms, day_start + kDayMs);
  double count = 0;  // expected arrivals from now to t
  for (int64_t t = now_ms; t < end && out.size() < max_n;) {
    const int64_t slot = (t - day_start) / kSlotMs, slot_end = std::min(end, day_start + (slot + 1) * kSlotMs);
    const double rate = level * v[std::size_t(slot)] / double(kSlotMs);  // per ms
    const double here = rate * double(slot_end - t);
    // Each whole arrival the count reaches inside this slot, at its moment.
    // (A hair of slack: 4 in a slot are 4, not 3.9999999.)
    while (rate > 0 && count + here + 1e-9 >= double(out.size() + 1) && out.size() < max_n)
      out.push_back(std::min(slot_end, t + int64_t(std::llround((double(out.size() + 1) - count) / rate))));
    count += here;
    t = slot_end;
  }
  return out;
}

nlohmann::json to_json(const ArrivalCurve& c) {
  return {{"service", c.service}, {"days", c.days}, {"regular", c.regular}, {"priority", c.priority}};
}

ArrivalCurve arrival_curve_from_json(const nlohmann::json& j) {
  ArrivalCurve c;
  c.service = j.at("service").get<std::string>();
  c.days = j.at("days").get<int>();
  c.regular = j.at("regular").get<std::vector<double>>();
  c.priority = j.at("priority").get<std::vector<double>>();
  auto bad = [](const std::vector<double>& v) {
    return v.size() != std::size_t(kArrivalSlots) ||
           std::any_of(v.begin(), v.end(), [](double x) { return !std::isfinite(x) || x < 0; });
  };
  if (c.days < 0 || bad(c.regular) || bad(c.priority))
    throw std::invalid_argument("arrival curve of " + c.service + ": days >= 0 and " + std::to_string(kArrivalSlots) +
                                " counts of 0 or more per class");
  return c;
}

}  // namespace antrian
