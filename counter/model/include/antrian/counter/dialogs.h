#pragma once
// The two dialogs of the console: transfer the held ticket, and report a disruption.
// Plain data edited by ConsoleModel; the choices are taken from the state when a
// dialog opens (the hub checks them again when the request arrives).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/counter/text_field.h"
#include "antrian/model.h"

namespace antrian::counter {

struct TransferTarget {
  bool to_loket = false;
  std::string service;  // to another service's queue (any loket serving it)
  int loket = 0;        // to a named loket
};

struct TransferDialog {
  int64_t ticket_id = 0;
  std::string ticket_label;
  std::string ticket_service;
  std::vector<TransferTarget> targets;  // other services first, then other lokets
  int chosen = 0;
  TextField note{200};
};

// Other services (enabled, not the ticket's own) then the other lokets.
TransferDialog open_transfer(const OfficeState& s, int loket, const Ticket& held);
// {counter, to_service | to_counter, note}
nlohmann::json transfer_args(const TransferDialog& d, int loket);

struct DisruptionDialog {
  std::vector<std::string> resources;  // resource ids
  int chosen = 0;
  DisruptionLevel level = DisruptionLevel::down;
  std::vector<std::string> services;   // this loket's services
  std::vector<bool> affected;          // parallel to services
  TextField message{300};
  // Expected back: minutes ("45") or a time of day ("14:30"), read on the hub's clock.
  TextField expected{5};
  bool expected_focus = false;  // Tab: typing goes to the expected end, not the message
};

// Opens on the resource of an active disruption this loket reported, if any (so it
// can be updated or cleared at once), else on the first resource.
DisruptionDialog open_disruption(const OfficeState& s, int loket);
// The active disruption of the chosen resource that this loket reported, if any:
// Enter updates it, F4 clears it.
const Disruption* own_disruption(const OfficeState& s, const DisruptionDialog& d, int loket);
// The expected end as typed: "" -> {} (unknown), "45" -> {expected_minutes: 45},
// "14:30" or "14.30" -> {expected_at: "14:30"}; nullopt when it is neither.
std::optional<nlohmann::json> expected_end_args(std::string_view typed);
// Pre-ticks the loket's services that need the chosen resource; when none of them
// does, all of them (the staff member reports it because it stops their work).
void preset_affected(const OfficeState& s, DisruptionDialog& d);
// {resource, level, message_id, message_en, services, counter} plus the expected end
// and, when this loket already reported one on that resource, its id. An empty message
// becomes a standard sentence in both languages; a typed one is sent as typed.
nlohmann::json disruption_args(const OfficeState& s, const DisruptionDialog& d, int loket);

}  // namespace antrian::counter
