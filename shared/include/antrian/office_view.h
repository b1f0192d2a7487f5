#pragma once
// Read-only summaries that every screen shows (kiosk buttons, display rows, counter
// lists, the web): computed from the state in one place so they always agree.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/model.h"
#include "antrian/strings.h"

namespace antrian {

struct ServiceSummary {
  std::string code;
  std::string name_id, name_en;
  ServiceStatus status = ServiceStatus::normal;
  int waiting = 0;
  int open_counters = 0;
  int issued_today = 0;
  std::optional<int> tickets_left;       // nullopt = no limit known (see capacity.h)
  std::string limited_by;                // "quota", "blangko", "hours" or "none"
  bool blangko_low = false;              // cards at or under the warning level
  int refused_today = 0;
  std::string alternative_id, alternative_en;  // what the office offers while halted
  std::optional<int64_t> eta_new_s;      // wait for a ticket taken now; nullopt = unknown
  std::optional<int64_t> eta_new_low_s, eta_new_high_s;  // its range (the hub's forecast)
  std::optional<int64_t> eta_new_priority_s;  // the same for lansia, disabilitas, ibu hamil
  std::optional<int64_t> expected_end;   // when a halted service is expected back
  std::vector<const Disruption*> disruptions;
  // What every screen says about the service in one word (its status word's key is
  // "status." + condition): halted, no_blangko, quota_used_up, full_today, degraded,
  // blangko_low or normal. A service nobody can take a number for is never "normal".
  std::string condition = "normal";
  // The office calendar (office_calendar.h): are numbers given now, and when again.
  bool issuing_open = true;
  std::string issuing_closed = "open";       // to_string(IssuingClosed)
  std::optional<int64_t> issuing_next_at;    // when closed: when numbers are given again
  std::optional<int64_t> issuing_until;      // when open: when they stop (break, window, cutoff)
};

// The whole office's hours now: what the kiosk shows instead of its cards when no
// service gives numbers, and the headline on displays, /admin and antrian-ctl.
struct OfficeHoursSummary {
  bool serving = false;                    // open and not on a break
  bool issuing_any = false;                // some service gives numbers now
  std::string closed = "open";             // why nothing is issued: to_string(IssuingClosed)
  std::string reason_id, reason_en;        // the holiday's or break's name
  std::optional<int64_t> next_issuing_at;  // the earliest next number of any service
  std::optional<int64_t> closes_at;        // today's closing time
  std::string next_text_id, next_text_en;  // "Pengambilan nomor dibuka lagi Senin pukul 08:00"
};
OfficeHoursSummary office_hours_summary(const OfficeState& s, int64_t now_ms);

// A device whose own report is not "ok" (a kiosk's ticket printer out of paper, a
// display's audio failing), in words for a screen: "kiosk-1/printer: kertas habis".
std::string device_problem_text(const DeviceStatus& d, Lang lang);
bool device_ok(const DeviceStatus& d);

// What stops or slows services without a declared disruption: card printers N of M,
// blangko used up (or all promised to people waiting), blangko low, device faults.
// One list that the wall display, the web display, /admin, antrian-ctl and /metrics show.
struct Shortage {
  std::string kind;       // "printers", "blangko_out", "blangko_low", "device"
  std::string id;         // the resource or device id
  bool halted = false;    // red: nobody can be served or take a number because of it
  std::string text_id, text_en;  // "Blangko e-KTP habis: ...", "kiosk-1/printer: kertas habis"
  std::vector<std::string> services;  // affected service codes (empty for devices)
  int64_t since = 0;      // devices: when it reported (0: unknown)
};
std::vector<Shortage> shortages(const OfficeState& s);
nlohmann::json to_json(const Shortage& x);
nlohmann::json to_json(const OfficeHoursSummary& x);

std::vector<ServiceSummary> service_summaries(const OfficeState& s, int64_t now_ms);
ServiceSummary service_summary(const OfficeState& s, const std::string& code, int64_t now_ms);

nlohmann::json to_json(const ServiceSummary& x);

// The most recent calls (called, serving or recalled), newest first.
std::vector<const Ticket*> recent_calls(const OfficeState& s, std::size_t max);

}  // namespace antrian
