#pragma once
// How many applicants a service gets in each half hour of an office day, learned from
// past days (arrival_curve.h learns and reads it). Only its shape here, so the model
// can hold it.
#include <string>
#include <vector>

namespace antrian {

// Half-hour slots of the local day (00:00-00:30 is slot 0).
inline constexpr int kArrivalSlotMinutes = 30;
inline constexpr int kArrivalSlots = 24 * 60 / kArrivalSlotMinutes;

struct ArrivalCurve {
  std::string service;
  int days = 0;  // past open days folded in
  // New tickets per slot, on a mean past day: reguler and prioritas (lansia,
  // disabilitas, ibu hamil). kArrivalSlots values each (empty: no day seen).
  std::vector<double> regular, priority;
};

}  // namespace antrian
