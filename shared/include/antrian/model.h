#pragma once
// The office's domain model: services, counters (loket), tickets, staff, resources and
// disruptions. Plain data; the rules that change it live in commands.h / reducer.h.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/arrival_curve_data.h"
#include "antrian/forecast_data.h"
#include "antrian/office_calendar.h"
#include "antrian/ticket_index.h"

namespace antrian {

enum class TicketState { waiting, called, serving, done, no_show, cancelled, transferred };
enum class Priority { reguler, lansia, disabilitas, ibu_hamil };
enum class CounterState { closed, open, paused };
enum class ServiceStatus { normal, degraded, halted };
enum class ResourceKind { central_server, network, card_printers, blangko, other };
enum class DisruptionLevel { degraded, down };

// A loket staffed for part of the day (the roster), in minutes after local midnight.
struct RosterShift {
  int counter = 0;
  int from_min = 0, until_min = 0;
};

struct Office {
  std::string name;
  std::string short_name;
  std::string timezone = "WIB";  // WIB (+7), WITA (+8), WIT (+9)
  std::string public_url;        // base of the ticket status page (QR target)
  int opening_hour = 8;   // earliest opening of the week (older configs: Monday-Friday hours)
  int closing_hour = 15;  // latest closing of the week
  OfficeHours hours;      // the week, breaks, last-ticket cutoff (office_calendar.h)
  // The kiosk stops issuing what the working lokets cannot serve before closing.
  bool quota_follows_capacity = true;
  nlohmann::json routing = nlohmann::json::array();  // kiosk routing table (config)
  // Who is planned to staff which loket when (planned_capacity.h); empty: every
  // configured loket over the opening hours.
  std::vector<RosterShift> roster;
  // How long after a no-show the applicant may still be brought back into line
  // (restore_no_show); 0: never.
  int no_show_return_min = 30;
};

// A service's bookings (booking.h), the config's "booking" of a service. Off by default.
struct BookingRules {
  bool enabled = false;
  int days_ahead = 7;          // bookable from tomorrow up to this many days ahead
  int slot_minutes = 60;       // the day's serving hours cut into slots of this length
  int slot_capacity = 0;       // applicants the service serves in one slot (walk-ins and bookings)
  int walk_in_percent = 50;    // share of each slot (and of the daily quota) kept for walk-ins
  int checkin_open_min = 30;   // check-in opens this long before the slot
  int grace_min = 15;          // and closes this long after its start: later, the booking expires
  std::string late_rule = "keep_place";  // after the slot's start: keep_place | as_walk_in
};

struct Service {
  std::string code;    // "A"
  std::string prefix;  // printed before the number: "A-001"
  std::string name_id, name_en;
  int daily_quota = 0;             // 0 = no limit
  int mean_service_s = 300;        // starting guess until service times are learned
  std::vector<std::string> resources;  // resource ids this service needs
  bool enabled = true;
  // What the office offers applicants while this service is halted, e.g. a
  // temporary certificate (surat keterangan) or "come back another day".
  std::string alternative_id, alternative_en;
  std::string alternative_service;  // a service waiting tickets can be moved to, if any
  // Issuing window in minutes after midnight (-1: the office's hours), e.g. KK until 11:00.
  int issuing_from_min = -1, issuing_until_min = -1;
  BookingRules booking;  // bookings with check-in (booking.h); off unless configured
};

struct Counter {
  int number = 0;
  std::string name;
  std::vector<std::string> services;  // served services, in order of preference
  CounterState state = CounterState::closed;
  std::string staff;                  // staff id signed in, empty when closed
  int64_t current_ticket = 0;         // 0 = none
  int64_t break_until = 0;            // paused: when the break is expected to end (unix ms, 0 = open)
};

struct TicketStep {
  std::string what;  // "issued", "called", "recalled", "started", "done", ...
  int64_t at = 0;
  int counter = 0;
  std::string actor;
  std::string note;
};

struct Ticket {
  int64_t id = 0;
  std::string day;          // business day "YYYY-MM-DD" in the office time zone
  std::string service;      // service whose queue it is in
  std::string prefix;       // label prefix, kept through transfers
  int number = 0;           // label number, kept through transfers
  Priority priority = Priority::reguler;
  TicketState state = TicketState::waiting;
  int64_t issued_at = 0;
  int64_t queue_at = 0;     // place in line; a transfer keeps the original arrival
  int64_t called_at = 0, started_at = 0, ended_at = 0;
  int counter = 0;          // loket that called it
  int target_counter = 0;   // transferred to a specific loket (0 = any)
  int recalls = 0;
  int64_t transferred_from = 0, transferred_to = 0;
  std::string token;        // unguessable, for the public status page; never published
  std::optional<int64_t> eta_s_at_issue;  // the estimate shown when it was taken
  std::vector<TicketStep> history;

  std::string label() const;  // "A-001"
  bool is_open() const {
    return state == TicketState::waiting || state == TicketState::called ||
           state == TicketState::serving;
  }
};

struct StaffMember {
  std::string id;
  std::string name;
  std::string pin_hash;  // libsodium crypto_pwhash_str; never published
  bool active = true;
  bool admin = false;    // may sign in to the hub's admin web pages
};

struct Resource {
  std::string id;
  ResourceKind kind = ResourceKind::other;
  std::string name_id, name_en;
  int total = 0, working = 0;           // card printers: N working of M
  int stock = 0, low_threshold = 0;     // blangko
};

struct Disruption {
  int64_t id = 0;
  std::string resource;
  DisruptionLevel level = DisruptionLevel::down;
  int64_t started_at = 0;
  std::optional<int64_t> expected_end;
  std::string message_id, message_en;
  std::vector<std::string> services;  // affected services
  std::string declared_by;
  int counter = 0;  // the loket that reported it (0: an admin, a probe, the district)
  bool active = true;
  int64_t cleared_at = 0;
  std::string cleared_by;
};

// A device's own report (a kiosk's ticket printer: paper out, offline...).
struct DeviceStatus {
  std::string id;     // e.g. "kiosk-1/printer"
  std::string state;  // "ok", "paper_low", "paper_out", "error", "offline"
  std::string message;
  int64_t at = 0;
};

// A device allowed to talk to the hub: its CURVE public key and the role it acts
// as. A counter's key is bound to one loket. Revoked keys stay for the record.
struct DeviceKey {
  std::string name;        // "kiosk-1", "loket-2", "admin-local"
  std::string role;        // proto::role::*
  int counter = 0;         // counters only: the loket this key may act for
  std::string public_key;  // Z85, 40 characters
  int64_t added_at = 0;
  std::string added_by;
  bool revoked = false;
  int64_t revoked_at = 0;
};

// Learned service time per service (exponential moving average).
// Times are learned as they would be at full capacity (a ticket served at 2 of 6
// printers counts a third as long), so a disruption's slowdown is not counted twice.
struct ServiceStats {
  std::string service;
  double mean_service_s = 0;
  int samples = 0;
  // A loket's whole turn for one ticket of the service: from the call until the loket
  // is free again (walk-up, service, no-shows): what the forecast plays forward.
  double mean_cycle_s = 0;
  double var_cycle_s2 = 0;  // its spread (exponentially weighted variance)
  int cycle_samples = 0;
};

// A citizen on a halted service's come-back list (comeback.h): told when to come
// back, in order, and given a ticket that keeps their place when they check in with
// the code. The code is a secret like a ticket's token (never published); no phone
// number or name is held here (personal data lives outside the log).
struct ComebackEntry {
  int64_t id = 0;
  std::string code;          // 6 characters, unambiguous; never published
  std::string service;
  std::string via;           // "kiosk", "refusal" or "bulk_move"
  int64_t joined_at = 0;     // its place in line (a bulk-moved ticket keeps its queue_at)
  int64_t from_ticket = 0;   // the bulk-moved ticket it came from (0: none)
  std::string state = "waiting";  // waiting, invited, came, expired
  int batch = 0;             // the invitation batch (1, 2, ...; 0: not invited yet)
  int64_t invited_at = 0, window_from = 0, window_until = 0;
  int64_t ticket_id = 0;     // the ticket it became at check-in
  int64_t ended_at = 0;      // when it came or expired
  bool is_open() const { return state == "waiting" || state == "invited"; }
};

// A booked visit (booking.h): a slot of a service on a date, checked in at the kiosk
// with its code. No name, phone number or NIK here: those live in the hub's
// booking_people table beside the log (booking_people.h), deleted after retention.
struct Booking {
  int64_t id = 0;
  std::string code;           // 8 characters of kComebackAlphabet; never published
  std::string token;          // the confirmation page's secret; never published
  std::string service;
  std::string date;           // "YYYY-MM-DD", office time
  int slot_min = 0, slot_len = 60;  // the slot's start (minutes after midnight) and length
  std::string state = "booked";     // booked, checked_in, expired, cancelled
  int64_t created_at = 0, ended_at = 0;
  int64_t ticket_id = 0;      // the ticket it became at check-in
  std::string moved_from;     // "YYYY-MM-DD HH:MM" when the office moved it
  std::string cancelled_by;   // citizen | office
  bool is_open() const { return state == "booked"; }
};

// Everything the hub knows now. The snapshot sent to clients is this state (tokens
// and PIN hashes removed) plus the sequence number of the last event applied.
struct OfficeState {
  int64_t seq = 0;
  Office office;
  std::string day;  // current business day
  std::map<std::string, Service> services;
  std::map<int, Counter> counters;
  std::map<int64_t, Ticket> tickets;  // the current business day's tickets only
  std::map<std::string, StaffMember> staff;
  std::map<std::string, Resource> resources;
  std::map<int64_t, Disruption> disruptions;  // active ones, and today's cleared ones
  std::map<std::string, ServiceStats> stats;
  // Past days' arrivals per service and half hour (arrival_curve.h), folded in when a
  // day ends (the day_started event carries them).
  std::map<std::string, ArrivalCurve> arrivals;
  std::map<std::string, DeviceStatus> devices;
  std::map<std::string, DeviceKey> device_keys;  // by name
  std::map<std::string, int> last_number;     // per label prefix, for the current day
  std::map<std::string, int> refused_today;   // per service: tickets the office could not take
  std::string announcement;
  std::map<std::string, Closure> closures;    // holidays and one-off closures, by date
  // The come-back lists: open entries (any day) and those that closed today, by id.
  std::map<int64_t, ComebackEntry> comeback;
  int64_t next_comeback_id = 1;
  // Bookings: open ones (any date) and those of today, by id (booking.h).
  std::map<int64_t, Booking> bookings;
  int64_t next_booking_id = 1;
  int64_t next_ticket_id = 1;
  int64_t next_disruption_id = 1;
  // Derived from `tickets`, not logged: read it through ticket_index(state).
  mutable TicketIndex index;
  // Derived, not logged: the hub's forecast of the waits (forecast.h), made after
  // every change and sent to every screen with the snapshot and on the "fc" topic.
  Forecast forecast;
};

// Names on the wire and in the database ("waiting", "lansia", ...).
std::string_view to_string(TicketState s);
std::string_view to_string(Priority p);
std::string_view to_string(CounterState s);
std::string_view to_string(ServiceStatus s);
std::string_view to_string(ResourceKind k);
std::string_view to_string(DisruptionLevel l);
bool parse(std::string_view text, TicketState& out);
bool parse(std::string_view text, Priority& out);
bool parse(std::string_view text, CounterState& out);
bool parse(std::string_view text, ServiceStatus& out);
bool parse(std::string_view text, ResourceKind& out);
bool parse(std::string_view text, DisruptionLevel& out);

}  // namespace antrian
