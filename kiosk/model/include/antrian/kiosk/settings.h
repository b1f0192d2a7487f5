#pragma once
// The kiosk's own settings (command line), checked here so that every bad value is
// refused with a sentence that says what is expected, before anything starts.
#include <string>
#include <string_view>

#include "antrian/printing/printer_target.h"
#include "antrian/printing/ticket_layout.h"
#include "antrian/result.h"
#include "antrian/strings.h"

namespace antrian::kiosk {

struct KioskSettings {
  std::string name = "kiosk-1";  // in the hub's log and the printer's device id
  int idle_seconds = 30;         // back to Home after this long without a touch
  std::string staff_pin;         // empty: staff functions are locked
  Lang lang = Lang::id;          // the language Home returns to
  bool fullscreen = false;       // at start
  printing::PrinterTarget printer;  // Kind::none: tickets only on screen
  printing::PaperWidth paper = printing::PaperWidth::mm80;
  printing::QrMode qr_mode = printing::QrMode::native;

  std::string printer_device_id() const { return name + "/printer"; }
};

inline constexpr int kMinIdleSeconds = 5;
inline constexpr int kMaxIdleSeconds = 600;

// Each returns the value or an Error with code "bad_setting" and the reason.
Result<std::string> check_kiosk_name(std::string_view name);   // 1-48 of A-Z a-z 0-9 . _ -
Result<int> check_idle_seconds(int seconds);                   // kMinIdleSeconds..kMaxIdleSeconds
Result<std::string> check_staff_pin(std::string_view pin);     // 4-8 digits
Result<printing::PaperWidth> parse_paper(std::string_view text);  // "58" or "80"
Result<printing::QrMode> parse_qr_mode(std::string_view text);    // native, raster or none
Result<printing::PrinterTarget> parse_printer(std::string_view text);

// The staff PIN from a file (first line, surrounding spaces ignored), so it need not
// appear in the process list. Refuses a file that others may read.
Result<std::string> read_staff_pin_file(const std::string& path);

}  // namespace antrian::kiosk
