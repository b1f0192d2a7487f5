#pragma once
// Real-time status (DLE EOT n) and the parser of the byte the printer sends back.
#include <cstdint>
#include <string>

#include "antrian/printing/bytes.h"
#include "antrian/printing/result.h"

namespace antrian::printing {

// The n of DLE EOT n.
enum class StatusQuery : std::uint8_t {
  printer = 1,        // online/offline, drawer, feed button
  offline_cause = 2,  // cover open, paper-end stop, error
  error_cause = 3,    // cutter, unrecoverable, auto-recoverable errors
  paper_sensor = 4,   // roll paper near end / end
};

// The 3 bytes 10 04 n.
Bytes status_query(StatusQuery n);

// What the kiosk cares about. Fields not covered by a given reply stay false, so
// replies to several queries can be merged with |=.
struct PrinterStatus {
  bool offline = false;
  bool cover_open = false;
  bool paper_end = false;
  bool paper_near_end = false;
  bool feed_button = false;
  bool error = false;               // any error reported via DLE EOT 2 or 3
  bool cutter_error = false;
  bool unrecoverable_error = false;

  PrinterStatus& operator|=(const PrinterStatus& o);
  // "paper end, cover open" or "ok": for logs and error reasons.
  std::string describe() const;
};

// Parses the reply to DLE EOT n. Every reply has fixed bits (bit 1 and 4 set, bits 0
// and 7 clear); a byte without them is not a status reply and is rejected.
Result<PrinterStatus> parse_status(StatusQuery n, std::uint8_t reply);

}  // namespace antrian::printing
