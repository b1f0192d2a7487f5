#pragma once
// A come-back entry as the citizen's pages show it: on the status page of the ticket a
// bulk move closed (ticket_status.cpp) and on the come-back code's own page
// (/k/<code>, comeback_page_routes.cpp). Whoever sees it holds the code (the ticket's
// token, or the code itself), so the code is in it; a phone number never is.
#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "antrian/model.h"

namespace antrian::web {

// {state, code, position (waiting only), window_from, window_until, window_id,
// window_en (invited only: comeback_window_text, the hub's one wording)}.
nlohmann::json comeback_entry_json(const OfficeState& s, const ComebackEntry& e, int64_t now_ms);

// The entry with this code (already normalized), or nullptr.
const ComebackEntry* find_comeback_entry(const OfficeState& s, const std::string& code);

// The code page's view: the entry as above plus its service's names, when it joined,
// how (kiosk, refusal, bulk_move), the ticket it became once it came, and the office.
nlohmann::json comeback_page_view(const OfficeState& s, const ComebackEntry& e, int64_t now_ms);

}  // namespace antrian::web
