#pragma once
// Sending a job to a printer. Every call is bounded by its timeout (resolution,
// connect, write and status reads together), reports its outcome as a value and
// never throws.
#include <chrono>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "antrian/printing/printer_status.h"
#include "antrian/printing/printer_target.h"
#include "antrian/printing/result.h"

namespace antrian::printing {

struct PrintOptions {
  // Upper bound for the whole call.
  std::chrono::milliseconds timeout{5000};
  // Ask the printer (DLE EOT 1, 2, 4) before the job, and for paper (DLE EOT 4) after
  // it. A printer that reports paper end, an open cover or offline gets no job.
  bool query_status = true;
  // How long to wait for each status reply; printers answer within milliseconds, and
  // one that does not answer (status unsupported) is then printed to blind.
  std::chrono::milliseconds status_timeout{700};
};

enum class PrintCode {
  ok,          // all bytes handed to the printer
  disabled,    // target "none": nothing to do
  paper_out,
  cover_open,
  offline,     // printer reports offline or an error
  timeout,     // the deadline passed (connect, write or DNS)
  failed,      // anything else: refused, no such device, bad address...
};

std::string_view to_string(PrintCode c);

struct PrintResult {
  PrintCode code = PrintCode::failed;
  std::string reason;             // empty when ok; English, for logs and staff
  size_t bytes_sent = 0;
  bool status_known = false;      // a status reply was received
  PrinterStatus status;           // merged status replies when status_known

  bool ok() const { return code == PrintCode::ok || code == PrintCode::disabled; }
  // Key into the strings table for what to tell the citizen ("printing.result.*").
  std::string_view message_key() const;
};

PrintResult print_bytes(const PrinterTarget& target, std::span<const std::uint8_t> job,
                        const PrintOptions& options = {});

// Status only (for a kiosk that checks the printer before issuing a ticket).
PrintResult query_printer(const PrinterTarget& target, const PrintOptions& options = {});

}  // namespace antrian::printing
