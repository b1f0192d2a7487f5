#include "antrian/kiosk/printer_report.h"

namespace antrian::kiosk {

using printing::PrintCode;

std::optional<PrinterReport> printer_report(const printing::PrintResult& r, bool status_only) {
  switch (r.code) {
    case PrintCode::ok:
      if (r.status_known && r.status.paper_near_end) return PrinterReport{"paper_low", "paper roll nearly used up"};
      return PrinterReport{"ok", ""};
    case PrintCode::disabled:
      return PrinterReport{"offline", "no ticket printer configured (--printer none): tickets are shown on screen only"};
    case PrintCode::paper_out:
      return PrinterReport{"paper_out", r.reason.empty() ? "out of paper" : r.reason};
    case PrintCode::cover_open:
    case PrintCode::offline:
      return PrinterReport{"error", r.reason};
    case PrintCode::timeout:
    case PrintCode::failed:
      // A printer that is reachable but never answers status queries (many cheap
      // ones) is not offline; printing_transport reports that as a failed status-only
      // call without any status. Its reason is the only way to tell (see README).
      if (status_only && !r.status_known && r.reason.find("did not answer the status query") != std::string::npos)
        return std::nullopt;
      if (status_only && r.reason.find("cannot report status") != std::string::npos) return std::nullopt;
      return PrinterReport{"offline", r.reason};
  }
  return PrinterReport{"offline", r.reason};
}

}  // namespace antrian::kiosk
