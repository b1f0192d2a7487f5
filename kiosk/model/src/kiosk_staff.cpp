// KioskModel: the staff menu's own item (reprint the last ticket); the hidden corner,
// the PIN pad and the common items are StaffAccess's (staff_access.h).
#include "antrian/kiosk/kiosk_model.h"

namespace antrian::kiosk {

bool KioskModel::staff_input(std::string_view key, int64_t now_ms, Effects& fx) {
  switch (staff_.input(key, now_ms, fx)) {
    case StaffAccess::Outcome::handled: return true;
    case StaffAccess::Outcome::cancelled: go_home(fx, false); return true;
    case StaffAccess::Outcome::closed: go_home(fx, true); return true;
    case StaffAccess::Outcome::ignored: break;
  }
  if (staff_.mode() != StaffAccess::Mode::menu || key != "staff:reprint") return false;
  if (!last_job_ || printer_busy_) return false;
  if (settings_.printer.kind == printing::PrinterTarget::Kind::none) return false;
  printer_busy_ = true;
  fx.print = PrintCommand{*last_job_, last_label_, true};
  staff_message_key_ = "kiosk.staff.reprinting";
  staff_message_args_ = {last_label_};
  staff_tone_ = Tone::info;
  return true;
}

}  // namespace antrian::kiosk
