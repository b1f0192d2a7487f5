#pragma once
// Helpers shared by the command files: typed access to request arguments with
// errors that name the field, and building events. Private to antrian_core.
#include <optional>
#include <string>

#include "antrian/commands.h"
#include "antrian/model_json.h"
#include "antrian/protocol.h"

namespace antrian::detail {

Error bad_arg(const std::string& field, const std::string& what);
Error illegal(const std::string& reason);
Error not_found(const std::string& reason);

Result<int64_t> get_int(const json& args, const char* field, int64_t min, int64_t max);
Result<std::string> get_string(const json& args, const char* field, size_t max_len, bool allow_empty = false);
std::optional<std::string> opt_string(const json& args, const char* field);
// The optional loket a staff action was made from (0 when absent or not a number).
int counter_arg(const json& args);

// A loket that exists, as a Result.
Result<const Counter*> find_counter(const OfficeState& s, const json& args);
// The ticket a loket holds now (called or being served), or an error naming the loket.
Result<const Ticket*> current_ticket(const OfficeState& s, const Counter& c);

std::string actor_of(const OfficeState& s, const CommandContext& ctx, int counter);
int offset_hours(const OfficeState& s);
Event make_event(std::string_view type, const CommandContext& ctx, const std::string& actor, json data);
// The service's next number today, or quota_exhausted once 9999 are used.
Result<int> next_number(const OfficeState& s, const Service& service);
// A new ticket of the service with that number, issued now, in line from queue_at
// (a walk-in: now; a booking: its slot; a come-back entry: when it joined).
Ticket new_ticket(const OfficeState& s, const Service& service, int number, int64_t queue_at, const CommandContext& ctx);
TicketStep step(std::string what, const CommandContext& ctx, int counter, const std::string& actor,
                std::string note = {});

// Command groups (commands_tickets.cpp, commands_counters.cpp, commands_admin.cpp).
Result<Decision> cmd_issue(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_call_next(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_call(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_recall(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_start(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_finish(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_no_show(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_transfer(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_bulk_move(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_cancel(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_ticket_lookup(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_pause(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_resume(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_sign_in(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_sign_out(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_service_set(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_counter_set(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_staff_set(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_disruption_set(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_disruption_clear(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_resource_set(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_device_report(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_announcement_set(const OfficeState& s, const json& a, const CommandContext& ctx);
// Why no numbers are given now and when they are again, for a refusal.
std::string issuing_closed_reason(const OfficeState& s, const Service& service, const IssuingStatus& st,
                                  int64_t now_ms);
// commands_calendar.cpp
Result<Decision> cmd_calendar_set(const OfficeState& s, const json& a, const CommandContext& ctx);
json closures_json(const std::map<std::string, Closure>& closures);
// commands_desk.cpp
Result<Decision> cmd_restore_no_show(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_ticket_find(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_force_sign_out(const OfficeState& s, const json& a, const CommandContext& ctx);
// commands_comeback.cpp
Result<Decision> cmd_comeback_join(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_comeback_checkin(const OfficeState& s, const json& a, const CommandContext& ctx);
// The ticket named by args.ticket: an id, or a label like A-001 (today's newest).
Result<const Ticket*> find_ticket(const OfficeState& s, const json& args);
// commands_booking.cpp
Result<Decision> cmd_booking_checkin(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_booking_cancel(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_booking_day(const OfficeState& s, const json& a, const CommandContext& ctx);
// commands_survey.cpp
Result<Decision> cmd_survey_submit(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_survey_status(const OfficeState& s, const json& a, const CommandContext& ctx);
// commands_keys.cpp
Result<Decision> cmd_key_add(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_key_revoke(const OfficeState& s, const json& a, const CommandContext& ctx);
Result<Decision> cmd_key_list(const OfficeState& s, const json& a, const CommandContext& ctx);
// commands_config.cpp
Result<Decision> cmd_config_apply(const OfficeState& s, const json& a, const CommandContext& ctx);

}  // namespace antrian::detail
