#include "antrian/kiosk/settings.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <fstream>

namespace antrian::kiosk {
namespace {

Error bad(std::string reason) { return make_error("bad_setting", std::move(reason)); }

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

Result<std::string> check_kiosk_name(std::string_view name) {
  const bool ok = !name.empty() && name.size() <= 48 && std::all_of(name.begin(), name.end(), [](unsigned char c) {
    return std::isalnum(c) || c == '.' || c == '_' || c == '-';
  });
  if (!ok) return bad("--name expects 1-48 letters, digits, '.', '_' or '-' (like kiosk-1), got '" + std::string(name) + "'");
  return std::string(name);
}

Result<int> check_idle_seconds(int seconds) {
  if (seconds < kMinIdleSeconds || seconds > kMaxIdleSeconds)
    return bad("--idle-seconds expects " + std::to_string(kMinIdleSeconds) + " to " + std::to_string(kMaxIdleSeconds) +
               " seconds, got " + std::to_string(seconds));
  return seconds;
}

Result<std::string> check_staff_pin(std::string_view pin) {
  const bool ok = pin.size() >= 4 && pin.size() <= 8 &&
                  std::all_of(pin.begin(), pin.end(), [](unsigned char c) { return std::isdigit(c); });
  if (!ok) return bad("the staff PIN must be 4 to 8 digits (it is typed on the kiosk's number pad)");
  return std::string(pin);
}

Result<printing::PaperWidth> parse_paper(std::string_view text) {
  if (text == "58") return printing::PaperWidth::mm58;
  if (text == "80") return printing::PaperWidth::mm80;
  return bad("--paper expects 58 or 80 (roll width in mm), got '" + std::string(text) + "'");
}

Result<printing::QrMode> parse_qr_mode(std::string_view text) {
  if (text == "native") return printing::QrMode::native;
  if (text == "raster") return printing::QrMode::raster;
  if (text == "none") return printing::QrMode::none;
  return bad("--printer-qr expects native (the printer draws the QR), raster (for printers without QR "
             "support) or none, got '" + std::string(text) + "'");
}

Result<printing::PrinterTarget> parse_printer(std::string_view text) {
  auto t = printing::parse_printer_target(text);
  if (!t) return bad("--printer expects tcp://HOST:9100, a device path like /dev/usb/lp0, or none: " + t.error());
  return t.value();
}

Result<std::string> read_staff_pin_file(const std::string& path) {
  struct stat st{};
  if (::stat(path.c_str(), &st) != 0) return bad("cannot read the staff PIN file " + path + " (does it exist?)");
  if (!S_ISREG(st.st_mode)) return bad("the staff PIN file " + path + " is not a regular file");
  if (st.st_mode & (S_IRWXG | S_IRWXO))
    return bad("the staff PIN file " + path + " may be read by others; run: chmod 600 " + path);
  std::ifstream in(path);
  std::string line;
  if (!in || !std::getline(in, line)) return bad("the staff PIN file " + path + " is empty");
  auto pin = check_staff_pin(trim(line));
  if (!pin) return bad(path + ": " + pin.error().reason);
  return pin;
}

}  // namespace antrian::kiosk
