#pragma once
// The antrian wire protocol, version 1. This header is the single definition of it:
// command names, event types, error codes, topics and the envelope of every message.
//
// Transport (ZeroMQ):
//   requests  client DEALER -> hub ROUTER, one frame: a JSON Request; one frame back: a Reply.
//   events    hub PUB -> client SUB, two frames: topic ("ev" or "hb"), JSON body.
//
// Security: both sockets are ZeroMQ CURVE servers. Every client has a key pair of its
// own whose public key an admin registered with a role (key_add); the hub's ZAP
// handler refuses unknown and revoked keys at the handshake, and every request is
// checked against the role (and, for counters, the loket) of the key it came with.
//
// Request  {"v":1, "id":"<client-chosen, unique>", "cmd":"<command>", "role":"<role>",
//           "args":{...}}
// Reply    {"v":1, "id":"<same>", "ok":true, "result":{...}}
//          {"v":1, "id":"<same>", "ok":false, "error":{"code":"<err>", "reason":"<text>"}}
// Event    {"seq":N, "at":<unix ms>, "type":"<event>", "actor":"<who>", "data":{...}}
// Heartbeat{"seq":<last seq>, "at":<unix ms>}          (every second)
// Forecast {"seq":<state seq>, "made_at":<unix ms>, "tickets":{...}, "new":{...}}
//          topic "fc": the hub's estimated waits (forecast.h), after every change and
//          at least once a minute; the snapshot carries the latest as state.forecast.
//
// A request id that the hub has answered before gets the first answer again and never
// acts twice, also across a hub restart (ids are stored with the events they caused).
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/result.h"

namespace antrian::proto {

inline constexpr int kVersion = 1;
inline constexpr std::size_t kMaxRequestBytes = 64 * 1024;
inline constexpr std::size_t kMaxRequestIdLength = 128;
inline constexpr int kMaxEventsPerReply = 1000;

inline constexpr std::string_view kTopicEvent = "ev";
inline constexpr std::string_view kTopicHeartbeat = "hb";
inline constexpr std::string_view kTopicForecast = "fc";
inline constexpr int kHeartbeatIntervalMs = 1000;
// Two missed heartbeats: a client shows "offline" within 3 s of the hub going away.
inline constexpr int kOfflineAfterMs = 2000;

// Commands (Request.cmd).
namespace cmd {
inline constexpr std::string_view hello = "hello";            // -> endpoints, office, time
inline constexpr std::string_view snapshot = "snapshot";      // -> {seq, state}
inline constexpr std::string_view issue = "issue";            // {service, priority} -> ticket
inline constexpr std::string_view call_next = "call_next";    // {counter} -> ticket
inline constexpr std::string_view call = "call";              // {counter, ticket}
inline constexpr std::string_view recall = "recall";          // {counter}
inline constexpr std::string_view start = "start";            // {counter}
inline constexpr std::string_view finish = "finish";          // {counter}
inline constexpr std::string_view no_show = "no_show";        // {counter}
inline constexpr std::string_view transfer = "transfer";      // {counter, to_service|to_counter, note}
inline constexpr std::string_view cancel = "cancel";          // {ticket, reason}
// Every waiting ticket of a halted service: moved to the alternative, or closed.
inline constexpr std::string_view bulk_move = "bulk_move";    // {service, to_service | reason}
// Hubs started with --manual-clock only (the simulator): set the hub's time.
inline constexpr std::string_view clock_set = "clock_set";    // {now}
inline constexpr std::string_view pause = "pause";            // {counter, minutes?}
inline constexpr std::string_view resume = "resume";          // {counter}
inline constexpr std::string_view sign_in = "sign_in";        // {counter, staff, pin}
inline constexpr std::string_view sign_out = "sign_out";      // {counter}
inline constexpr std::string_view staff_set = "staff_set";    // {id, name, pin}
inline constexpr std::string_view service_set = "service_set";  // {code, name_id?, name_en?, daily_quota?, enabled?, ...}
inline constexpr std::string_view counter_set = "counter_set";  // {number, name?, services?}
inline constexpr std::string_view disruption_set = "disruption_set";      // {resource, level, ...}
inline constexpr std::string_view disruption_clear = "disruption_clear";  // {id}
inline constexpr std::string_view resource_set = "resource_set";  // {resource, working|total|stock...}
inline constexpr std::string_view announcement_set = "announcement_set";  // {text}
inline constexpr std::string_view ticket_lookup = "ticket_lookup";        // {token}
inline constexpr std::string_view device_report = "device_report";  // {device, state, message}
inline constexpr std::string_view events_since = "events_since";  // {seq} -> {events, last_seq, more}
// The day's closed tickets a snapshot left out, a page at a time (snapshot_view.h).
inline constexpr std::string_view history = "history";  // {after_id, limit?} -> {tickets, next_after, more}
// Device keys (admins): register a device's CURVE public key with a role, revoke it.
inline constexpr std::string_view key_add = "key_add";        // {name, role, public_key, counter?}
inline constexpr std::string_view key_revoke = "key_revoke";  // {name}
inline constexpr std::string_view key_list = "key_list";      // -> {keys}
// The office calendar (admins): close the office on a date (holiday, one-off closure) or open it again.
inline constexpr std::string_view calendar_set = "calendar_set";  // {date, closed, kind?, reason_id?, reason_en?}
// The information desk: a no-show brought back into line within the office's time
// (the loket that marked it, or an admin); any ticket of today found by its number;
// a loket freed after its PC crashed (admins).
inline constexpr std::string_view restore_no_show = "restore_no_show";  // {ticket, counter?}
inline constexpr std::string_view ticket_find = "ticket_find";          // {number} -> ticket, actions
inline constexpr std::string_view force_sign_out = "force_sign_out";    // {counter, reason?}
// The district's configuration (its forwarder, docs/DISTRICT.md): a layer over the office's own.
inline constexpr std::string_view config_apply = "config_apply";  // {version, doc}
// The come-back list of a halted service (comeback.h): join it and keep a code;
// check in with the code when invited (a ticket that keeps its place).
inline constexpr std::string_view comeback_join = "comeback_join";        // {service, via?} | {token} -> code
inline constexpr std::string_view comeback_checkin = "comeback_checkin";  // {code} -> ticket
// The satisfaction survey (SKM) of a finished ticket, once (survey.h).
inline constexpr std::string_view survey_submit = "survey_submit";  // {token | ticket, answers: [9 x 1..4]}
// Read only: may that ticket answer now (the kiosk's survey tablet asks first).
inline constexpr std::string_view survey_status = "survey_status";  // {token | ticket} -> {label, service, state, survey}
// Messages to citizens' phones (outbox.h): a ticket's phone number, by its token (any
// role: the QR page, the kiosk, staff); one person's data by number (admins); the outbox.
inline constexpr std::string_view contact_set = "contact_set";        // {token, phone} -> {phone (masked)}
inline constexpr std::string_view contact_export = "contact_export";  // {phone} -> {contacts, messages}
inline constexpr std::string_view contact_delete = "contact_delete";  // {phone} -> {contacts, messages}
inline constexpr std::string_view outbox_status = "outbox_status";    // -> {channels, failures}
// Bookings with check-in (booking.h): made on the office's web (name, phone and NIK
// stay in the hub's booking_people table, the NIK only as a keyed hash), checked in
// at the kiosk with the 8-character code (a ticket placed at the slot's start),
// cancelled by the citizen with the confirmation page's token, and a service's day
// moved or cancelled by the office in one action (each booker gets a message).
inline constexpr std::string_view booking_create = "booking_create";    // {service, date, slot, name, phone, nik} -> code, token
inline constexpr std::string_view booking_checkin = "booking_checkin";  // {code} -> ticket
inline constexpr std::string_view booking_cancel = "booking_cancel";    // {token}
inline constexpr std::string_view booking_move = "booking_move";        // {service, date, to_date | cancel, reason}
// A day's bookings without personal data or codes (antrian-ctl booking-day).
inline constexpr std::string_view booking_day = "booking_day";          // {date, service?} -> {counts, bookings}
}  // namespace cmd

// Event types (Event.type).
namespace ev {
inline constexpr std::string_view office_configured = "office_configured";
inline constexpr std::string_view day_started = "day_started";
inline constexpr std::string_view ticket_issued = "ticket_issued";
inline constexpr std::string_view ticket_called = "ticket_called";
inline constexpr std::string_view ticket_recalled = "ticket_recalled";
inline constexpr std::string_view ticket_started = "ticket_started";
inline constexpr std::string_view ticket_finished = "ticket_finished";
inline constexpr std::string_view ticket_no_show = "ticket_no_show";
inline constexpr std::string_view ticket_cancelled = "ticket_cancelled";
inline constexpr std::string_view ticket_transferred = "ticket_transferred";
inline constexpr std::string_view counter_changed = "counter_changed";
inline constexpr std::string_view staff_changed = "staff_changed";
inline constexpr std::string_view service_changed = "service_changed";
inline constexpr std::string_view disruption_declared = "disruption_declared";
inline constexpr std::string_view disruption_cleared = "disruption_cleared";
inline constexpr std::string_view resource_changed = "resource_changed";
inline constexpr std::string_view announcement_changed = "announcement_changed";
inline constexpr std::string_view device_reported = "device_reported";
inline constexpr std::string_view tickets_moved = "tickets_moved";
inline constexpr std::string_view issue_refused = "issue_refused";  // a ticket the office could not take
inline constexpr std::string_view device_key_added = "device_key_added";
inline constexpr std::string_view device_key_revoked = "device_key_revoked";
inline constexpr std::string_view calendar_changed = "calendar_changed";  // {changed, closed, closures}
inline constexpr std::string_view ticket_restored = "ticket_restored";  // a no-show back in line
inline constexpr std::string_view config_applied = "config_applied";  // office_configured's data + {version, layer}
inline constexpr std::string_view comeback_joined = "comeback_joined";          // on a come-back list
inline constexpr std::string_view comeback_invited = "comeback_invited";        // a batch invited (hub)
inline constexpr std::string_view comeback_checked_in = "comeback_checked_in";  // came: a ticket
inline constexpr std::string_view comeback_expired = "comeback_expired";        // windows ended (hub)
inline constexpr std::string_view survey_answered = "survey_answered";  // {ticket_id, service, counter, answers, tickets}
// A ticket's holder left a phone number (the number itself stays in the hub's database).
inline constexpr std::string_view contact_added = "contact_added";        // {ticket_id, label}
// Phone numbers deleted: one person's on request, or all past the retention days.
inline constexpr std::string_view contacts_deleted = "contacts_deleted";  // {reason, contacts, messages}
inline constexpr std::string_view booking_created = "booking_created";          // {booking_id, bookings}
inline constexpr std::string_view booking_checked_in = "booking_checked_in";    // {booking_id, ticket_id, tickets, bookings}
inline constexpr std::string_view booking_cancelled = "booking_cancelled";      // {booking_id, bookings} (by its holder)
inline constexpr std::string_view bookings_moved = "bookings_moved";            // {service, date, to_date, reason, count, bookings}
inline constexpr std::string_view booking_expired = "booking_expired";          // {count, bookings} (hub, after the grace)
// Bookers' names, numbers and NIK hashes deleted: one person's on request, or past retention.
inline constexpr std::string_view booking_people_deleted = "booking_people_deleted";  // {reason, count}
}  // namespace ev

// Error codes (Reply.error.code).
namespace err {
inline constexpr std::string_view bad_request = "bad_request";        // malformed or invalid
inline constexpr std::string_view bad_version = "bad_version";        // protocol version mismatch
inline constexpr std::string_view unknown_command = "unknown_command";
inline constexpr std::string_view forbidden = "forbidden";            // role may not do this
inline constexpr std::string_view not_found = "not_found";
inline constexpr std::string_view illegal_state = "illegal_state";    // e.g. finish an uncalled ticket
inline constexpr std::string_view quota_exhausted = "quota_exhausted";
inline constexpr std::string_view service_halted = "service_halted";
inline constexpr std::string_view queue_empty = "queue_empty";
inline constexpr std::string_view office_closed = "office_closed";    // no numbers now (hours, holiday, window)
inline constexpr std::string_view auth_failed = "auth_failed";
inline constexpr std::string_view storage = "storage";                // disk full, I/O error
inline constexpr std::string_view internal = "internal";
// Client-side only: the hub did not answer in time after every retry.
inline constexpr std::string_view unreachable = "unreachable";
}  // namespace err

// Roles a connection acts as.
namespace role {
inline constexpr std::string_view kiosk = "kiosk";
inline constexpr std::string_view counter = "counter";
inline constexpr std::string_view display = "display";
inline constexpr std::string_view admin = "admin";
}  // namespace role

struct Request {
  int v = kVersion;
  std::string id;
  std::string cmd;
  std::string role;
  nlohmann::json args = nlohmann::json::object();
};

struct Reply {
  std::string id;
  bool ok = false;
  nlohmann::json result = nlohmann::json::object();
  Error error;
};

// True when a role may send a command (the hub enforces it).
bool role_allows(std::string_view role, std::string_view command);
bool is_known_command(std::string_view command);
bool is_known_role(std::string_view role);
// Every command name, and the argument names a command takes (besides "client").
std::vector<std::string> known_commands();
std::vector<std::string> command_args(std::string_view command);
// An argument the command does not take is refused with its name (bad_request).
Result<Ok> check_args(const Request& r);

// Codec. decode_* never throw; a bad message gives an Error with the reason.
std::string encode_request(const Request& r);
Result<Request> decode_request(std::string_view bytes);
std::string encode_reply(const Reply& r);
// encode_reply(ok_reply(id, result)) without copying the result.
std::string encode_ok_reply(const std::string& id, const nlohmann::json& result);
Result<Reply> decode_reply(std::string_view bytes);
Reply ok_reply(const std::string& id, nlohmann::json result);
Reply error_reply(const std::string& id, const Error& e);

}  // namespace antrian::proto
