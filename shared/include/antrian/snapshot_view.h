#pragma once
// What a snapshot carries, so that it stays small and quick however long the day:
// everything a screen draws (office, services, lokets, staff, resources, disruptions,
// the open tickets, the latest closed ones, the day's counts) but not the rest of the
// day's closed tickets. Those are paged with the `history` command; a mirror
// (HubClient) fetches them after its snapshot and merges them in.
#include <cstdint>

#include <nlohmann/json.hpp>

#include "antrian/model.h"

namespace antrian {

// Closed tickets a snapshot carries besides the open ones: the latest to close (the
// display's recent calls come from them).
inline constexpr std::size_t kSnapshotRecentClosed = 64;
// A page is built while other requests wait: kept to a few milliseconds.
inline constexpr int kHistoryPageMax = 100;

// The public state as a snapshot sends it. Besides state_to_json's fields:
// "closed_today" (closed tickets of the day), "closed_left_out" (how many of them are
// not in "tickets": page them with `history`), "ticket_counts" ({service: {state: n}})
// "issued_today" ({service: n}) and "comeback_counts" ({service: {waiting, invited,
// came, expired}}: the come-back lists, comeback.h).
nlohmann::json snapshot_json(const OfficeState& s);

// A page of the day's closed tickets with id > after_id, in id order (public view):
// {"tickets": [...], "next_after": id, "more": bool}.
nlohmann::json history_page(const OfficeState& s, int64_t after_id, int limit);

// Adds a page's tickets to a mirror; ones it already has are kept (theirs may be newer).
void merge_history(OfficeState& s, const nlohmann::json& tickets);

}  // namespace antrian
