#pragma once
// The office day the simulator plays: who arrives when, how long serving takes
// really (not what the config guesses), and what breaks. Defaults follow the field
// reports: about 300 applications a day, 6 card printers of which 4 fail at 10:00,
// the central server down for two hours.
#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <vector>

namespace antrian::sim {

struct ServiceProfile {
  std::string code;
  double share = 0;            // of the day's arrivals
  double true_mean_s = 300;    // real mean service time (lognormal)
  double sigma = 0.5;          // lognormal spread
};

// A loket's break: it finishes the applicant at its desk, then pauses.
struct Break {
  int counter = 0;
  int at_min = 0;   // minutes after local midnight
  int minutes = 0;  // how long (staff say so when they pause)
};

struct DayPlan {
  int arrivals = 300;
  int open_hour = 8, close_hour = 15;
  int last_arrival_hour = 14;     // the kiosk stops being busy an hour before closing
  double no_show_rate = 0.05;
  double priority_rate = 0.10;    // lansia, disabilitas, ibu hamil
  std::vector<ServiceProfile> services;
  std::vector<double> hourly_weights;  // arrivals per hour from open_hour, relative
  // Disruptions (minutes after midnight, local). Negative = none.
  int printers_fail_at_min = -1;
  int printers_working = 2, printers_total = 6;
  int central_down_at_min = -1, central_down_minutes = 120;
  int declared_end_error_min = 0;  // staff's expected end = true end + this
  std::vector<int> closed_lokets;  // lokets nobody staffs that day
  std::vector<Break> breaks;
  // The applicant walks up after a call; a no-show is given up after a while.
  int walk_up_s = 30, no_show_after_s = 120;

  static DayPlan normal();
  static DayPlan disrupted();
  // Lokets 1 and 6 unstaffed: e-KTP recording (A) and printing (B) share lokets 2
  // and 3, akta (D) shares lokets 4 and 7 with KK and moving.
  static DayPlan shared();
  // Lokets going on breaks: 2 at 10:00 for 45 min, 4 at 11:30 for 60, 3 at 12:00 for 30.
  static DayPlan with_breaks();
  static bool known(const std::string& name);
  static DayPlan named(const std::string& name);
};

struct Arrival {
  int64_t at_s = 0;  // seconds after local midnight
  std::string service;
  bool priority = false;
};

std::vector<Arrival> generate_arrivals(const DayPlan& plan, std::mt19937_64& rng);
double sample_service_s(const ServiceProfile& p, std::mt19937_64& rng);

}  // namespace antrian::sim
