// KioskModel: the hidden staff corner, the PIN pad and the staff menu.
#include "antrian/kiosk/kiosk_model.h"

namespace antrian::kiosk {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

void KioskModel::staff_tap(int64_t now_ms) {
  if (staff_taps_ == 0 || now_ms - first_staff_tap_ms_ > kStaffTapWindowMs) {
    staff_taps_ = 0;
    first_staff_tap_ms_ = now_ms;
  }
  if (++staff_taps_ >= kStaffTaps) {
    staff_taps_ = 0;
    staff_ = Staff::pin;
    lock_.clear();
    pin_message_key_.clear();
  }
}

bool KioskModel::staff_input(std::string_view key, int64_t now_ms, Effects& fx) {
  if (staff_ == Staff::pin) {
    if (key == "pin:cancel") {
      go_home(fx, false);
      return true;
    }
    if (!lock_.configured() || lock_.locked(now_ms)) return false;
    if (starts_with(key, "pin:") && key.size() == 5 && key[4] >= '0' && key[4] <= '9') {
      if (!lock_.type(key[4], now_ms)) return false;
      pin_message_key_.clear();
      return true;
    }
    if (key == "pin:clear") {
      lock_.clear();
      pin_message_key_.clear();
      return true;
    }
    if (key == "pin:ok") {
      switch (lock_.submit(now_ms)) {
        case StaffLock::Check::accepted:
          staff_ = Staff::menu;
          staff_message_key_.clear();
          break;
        case StaffLock::Check::wrong:
          pin_message_key_ = "kiosk.pin.wrong";
          pin_tone_ = Tone::error;
          break;
        case StaffLock::Check::locked:
          pin_message_key_ = "kiosk.pin.locked";
          pin_tone_ = Tone::error;
          break;
        case StaffLock::Check::not_configured:
          return false;
      }
      return true;
    }
    return false;
  }
  // Staff::menu
  if (key == "staff:close") {
    go_home(fx, true);
    return true;
  }
  if (key == "staff:reprint") {
    if (!last_job_ || printer_busy_) return false;
    if (settings_.printer.kind == printing::PrinterTarget::Kind::none) return false;
    printer_busy_ = true;
    fx.print = PrintCommand{*last_job_, last_label_, true};
    staff_message_key_ = "kiosk.staff.reprinting";
    staff_message_args_ = {last_label_};
    staff_tone_ = Tone::info;
    return true;
  }
  if (key == "staff:fullscreen") {
    fullscreen_ = !fullscreen_;
    fx.fullscreen = fullscreen_;
    return true;
  }
  if (key == "staff:quit") {
    fx.quit = true;
    return true;
  }
  return false;
}

}  // namespace antrian::kiosk
