#pragma once
// The come-back list of a halted service (issue 17, part 1). A citizen turned away
// while a service is halted (or out of numbers or blangko) joins the list and keeps a
// short code; when the service runs again the hub invites the list in order, in
// batches the day's planned capacity (planned_capacity.h, capacity.h) can serve, each
// with a window to come (today, or the next office day by the office calendar).
// Invitations not used by the window's end expire. Checking in with the code turns
// the entry into a ticket that keeps its place (its join time is its queue_at).
// Pure rules: no I/O, no clock read; the hub passes "now".
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/event.h"
#include "antrian/model.h"
#include "antrian/strings.h"

namespace antrian {

inline constexpr std::size_t kComebackCodeLength = 6;
// Capital letters and digits without the look-alikes 0/O, 1/I/L: read aloud, typed
// on a kiosk keypad and printed on paper without mistakes.
inline constexpr std::string_view kComebackAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
// How long an invitation is open ("datang antara 09:00-11:00").
inline constexpr int kComebackWindowMinutes = 120;

// The entity on the wire; with_code only in the log and in the reply to the person
// who joined (never in published events or snapshots).
nlohmann::json to_json(const ComebackEntry& e, bool with_code);
ComebackEntry comeback_from_json(const nlohmann::json& j);

// A fresh random code (libsodium), not yet used by an entry in the state.
std::string new_comeback_code(const OfficeState& s);
// The code as typed ("k7m-2qx", "K7M 2QX") in its canonical form, or nullopt when it
// cannot be a code (wrong length, a character outside the alphabet).
std::optional<std::string> normalize_comeback_code(std::string_view typed);

// True when a walk-in cannot take a number for the service now: it is halted
// (switched off, a disruption, no printer, no blangko) or no numbers are left today.
bool comeback_can_join(const OfficeState& s, const std::string& service, int64_t now_ms);

// The service's waiting entries in the order they are invited: join time, then id.
std::vector<const ComebackEntry*> comeback_waiting(const OfficeState& s, const std::string& service);
// An entry's place on its service's list (1 = invited next), counting the waiting
// entries before it in that order; every page, the kiosk and the join reply show it.
int comeback_position(const OfficeState& s, const ComebackEntry& e);

struct ComebackCounts {
  int waiting = 0, invited = 0, came = 0, expired = 0;
};
// Open entries, and those that came or expired today.
ComebackCounts comeback_counts(const OfficeState& s, const std::string& service);
nlohmann::json comeback_counts_json(const OfficeState& s);  // {service: {waiting, invited, came, expired}}

// The next batch of invitations for a service, or nullopt (still halted, nobody
// waits, a batch's window is still open, or no room yet).
struct InvitationPlan {
  int count = 0;
  int64_t window_from = 0, window_until = 0;
  bool next_day = false;  // the window lies on a later office day
};
std::optional<InvitationPlan> plan_invitations(const OfficeState& s, const std::string& service, int64_t now_ms);

// What the hub appends as time passes (every heartbeat, after clock_set):
// comeback_expired for invitations whose window ended, then comeback_invited for
// each service with a batch to invite. Actor "hub".
std::vector<Event> comeback_tick_events(const OfficeState& s, int64_t now_ms);

// "datang antara 09:00–11:00 hari ini" / "... besok" / "... Senin 16 Februari":
// the window of an invitation as every screen and message says it.
std::string comeback_window_text(const ComebackEntry& e, int64_t now_ms, int offset_hours, Lang lang);

}  // namespace antrian
