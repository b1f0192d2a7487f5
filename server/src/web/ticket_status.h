#pragma once
// What the public status page of one ticket shows (the QR target): number, service,
// state, place in line, estimated wait, the service's disruption notice and, once
// called, which loket. Looked up by the ticket's unguessable token only; nothing
// here is reachable by ticket number.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "antrian/model.h"

namespace antrian::web {

// Tokens are exactly 32 lower-case hex digits (128 random bits), as the hub makes them;
// anything else is refused before any lookup.
bool valid_token_format(std::string_view token);

// The page's data for a ticket of today with this token (the newest copy after a
// transfer); nullopt when today has none.
std::optional<nlohmann::json> ticket_status_today(const OfficeState& s, const std::string& token, int64_t now_ms);
// Figures shared by many tickets, worked out once by a caller that shows them all
// (the live pages' publisher): the service's notice, and the ticket's place as
// ahead_of() and waiting_in_service() define it.
struct TicketFigures {
  nlohmann::json notice;
  int ahead = 0;
};
nlohmann::json ticket_notice(const OfficeState& s, const std::string& service, int64_t now_ms);
// The same for a ticket of today's state; `known` saves working out its figures again.
nlohmann::json ticket_status_of(const OfficeState& s, const Ticket& t, int64_t now_ms,
                                const TicketFigures* known = nullptr);

// A ticket of the last `days_back` days from the hub's database (read-only), for a
// QR scanned after its day: what became of it. nullopt when none.
std::optional<nlohmann::json> ticket_status_past(const std::string& db_path, const OfficeState& s,
                                                 const std::string& token, int64_t now_ms, int days_back = 7);
// The same in two steps, for the live pages: the ticket found once in the database,
// then its view worked out again as the state changes. A bulk-moved ticket of an
// earlier day that joined the come-back list shows its entry (s.comeback: place,
// then the invitation's window), which changes long after the ticket's day.
std::optional<Ticket> find_past_ticket(const std::string& db_path, const OfficeState& s, const std::string& token,
                                       int64_t now_ms, int days_back = 7);
nlohmann::json past_ticket_view(const OfficeState& s, const Ticket& t, int64_t now_ms);
// True while the ticket's come-back entry is waiting or invited (its page still changes).
bool comeback_open_for(const OfficeState& s, const Ticket& t);

// The office part every page shows (name, time zone), from the state.
nlohmann::json office_header(const OfficeState& s);

}  // namespace antrian::web
