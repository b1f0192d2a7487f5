#pragma once
// What the kiosk tells the hub about its ticket printer (device_report), from the
// outcome of a print job or a status query.
#include <optional>
#include <string>

#include "antrian/printing/printer_transport.h"

namespace antrian::kiosk {

struct PrinterReport {
  std::string state;    // ok, paper_low, paper_out, error, offline (the hub's list)
  std::string message;  // English, for staff; empty when ok
  friend bool operator==(const PrinterReport&, const PrinterReport&) = default;
};

// nullopt when the outcome says nothing about the printer: a status query that a
// printer without status support left unanswered.
std::optional<PrinterReport> printer_report(const printing::PrintResult& r, bool status_only);

}  // namespace antrian::kiosk
