#pragma once
// The per-service part of the wall: people waiting, estimated wait and status in
// words, the disruption banners (message and, if known, when it is expected back),
// and the running text. Text comes from the strings table in the screen's language.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "antrian/display/display_filter.h"
#include "antrian/model.h"
#include "antrian/strings.h"

namespace antrian::display {

struct ServiceRow {
  std::string code;
  std::string name;
  ServiceStatus status = ServiceStatus::normal;
  std::string status_text;   // "Normal" / "Gangguan" / "Terhenti"
  int waiting = 0;
  std::string waiting_text;  // "12 menunggu"
  std::optional<int64_t> eta_s;
  std::string eta_text;      // "± 25 menit", "Belum diketahui"
  std::optional<int> tickets_left;
};

// "± 25 menit" and friends (rounded to 5 minutes above 20); nobody waiting or under a
// minute -> "Segera dilayani"; unknown -> "Belum diketahui".
std::string eta_text(std::optional<int64_t> eta_s, int waiting, Lang lang);

std::vector<ServiceRow> service_rows(const OfficeState& s, const DisplayFilter& filter, int64_t now_ms, Lang lang);

// One banner across the wall for a disruption (or a shortage) that touches a
// service this display shows, or for waiting tickets that were moved (a bulk move)
// or wait for a loket on a break (ticket_moves.h: the hub's one rule).
struct Banner {
  bool halted = false;          // red (services stopped) vs amber (slower)
  std::string title;            // "Pencetakan e-KTP terhenti"
  std::string message;          // the staff's message, or a default for the cause
  std::string when;             // "Perkiraan kembali normal pukul 14:30 WIB" / unknown
  std::optional<int64_t> expected_end;
  int64_t disruption_id = 0;    // 0 for a shortage without a declared disruption
  std::string kind;             // "" (a disruption or shortage), "bulk_moved", "loket_break", "loket_closed"
  std::string text() const;     // the three parts as one sentence
};

std::vector<Banner> banners(const OfficeState& s, const DisplayFilter& filter, int64_t now_ms, Lang lang);

// The running text: the office's announcement, then each banner; a welcome line
// when there is nothing else to say. As separate items, and joined with bullets.
std::vector<std::string> marquee_items(const OfficeState& s, const std::vector<Banner>& banners, Lang lang);
std::string marquee_text(const OfficeState& s, const std::vector<Banner>& banners, Lang lang);

// "pukul 14:30 WIB" today, "Senin, 23 November 2026 pukul 08:00 WIB" on another day.
std::string when_text(int64_t at_ms, int64_t now_ms, const std::string& timezone, Lang lang);

}  // namespace antrian::display
