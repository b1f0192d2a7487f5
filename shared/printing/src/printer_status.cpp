#include "antrian/printing/printer_status.h"

#include <cstdio>

namespace antrian::printing {

Bytes status_query(StatusQuery n) { return {0x10, 0x04, static_cast<std::uint8_t>(n)}; }

PrinterStatus& PrinterStatus::operator|=(const PrinterStatus& o) {
  offline |= o.offline;
  cover_open |= o.cover_open;
  paper_end |= o.paper_end;
  paper_near_end |= o.paper_near_end;
  feed_button |= o.feed_button;
  error |= o.error;
  cutter_error |= o.cutter_error;
  unrecoverable_error |= o.unrecoverable_error;
  return *this;
}

std::string PrinterStatus::describe() const {
  std::string s;
  auto add = [&s](bool on, const char* what) {
    if (!on) return;
    if (!s.empty()) s += ", ";
    s += what;
  };
  add(paper_end, "paper end");
  add(paper_near_end, "paper near end");
  add(cover_open, "cover open");
  add(offline, "offline");
  add(cutter_error, "cutter error");
  add(unrecoverable_error, "unrecoverable error");
  add(error && !cutter_error && !unrecoverable_error, "error");
  add(feed_button, "feed button pressed");
  return s.empty() ? "ok" : s;
}

Result<PrinterStatus> parse_status(StatusQuery n, std::uint8_t r) {
  if ((r & 0x93) != 0x12) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", r);
    return Error{std::string("byte ") + hex + " is not a DLE EOT status reply (fixed bits wrong)"};
  }
  PrinterStatus s;
  switch (n) {
    case StatusQuery::printer:
      s.offline = r & 0x08;
      s.feed_button = r & 0x40;
      break;
    case StatusQuery::offline_cause:
      s.cover_open = r & 0x04;
      s.feed_button = r & 0x08;
      s.paper_end = r & 0x20;  // printing stopped because of paper end
      s.error = r & 0x40;
      break;
    case StatusQuery::error_cause:
      s.cutter_error = r & 0x08;
      s.unrecoverable_error = r & 0x20;
      s.error = r & 0x68;
      break;
    case StatusQuery::paper_sensor:
      // Each condition has two bits; some printers set only one of the pair.
      s.paper_near_end = r & 0x0C;
      s.paper_end = r & 0x60;
      break;
    default:
      return Error{"unknown DLE EOT query " + std::to_string(static_cast<int>(n))};
  }
  return s;
}

}  // namespace antrian::printing
