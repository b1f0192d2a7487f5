#include "antrian/kiosk/staff_access.h"

namespace antrian::kiosk {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

ChoiceButton item(std::string key, std::string_view label) {
  ChoiceButton b;
  b.key = std::move(key);
  b.label = std::string(label);
  return b;
}

}  // namespace

void StaffAccess::tap_corner(int64_t now_ms) {
  if (taps_ == 0 || now_ms - first_tap_ms_ > kStaffTapWindowMs) {
    taps_ = 0;
    first_tap_ms_ = now_ms;
  }
  if (++taps_ >= kStaffTaps) {
    taps_ = 0;
    mode_ = Mode::pin;
    lock_.clear();
    pin_message_key_.clear();
  }
}

void StaffAccess::close() {
  mode_ = Mode::none;
  lock_.clear();
}

StaffAccess::Outcome StaffAccess::input(std::string_view key, int64_t now_ms, Effects& fx) {
  if (mode_ == Mode::pin) {
    if (key == "pin:cancel") return Outcome::cancelled;
    if (!lock_.configured() || lock_.locked(now_ms)) return Outcome::ignored;
    if (starts_with(key, "pin:") && key.size() == 5 && key[4] >= '0' && key[4] <= '9') {
      if (!lock_.type(key[4], now_ms)) return Outcome::ignored;
      pin_message_key_.clear();
      return Outcome::handled;
    }
    if (key == "pin:clear") {
      lock_.clear();
      pin_message_key_.clear();
      return Outcome::handled;
    }
    if (key == "pin:ok") {
      switch (lock_.submit(now_ms)) {
        case StaffLock::Check::accepted: mode_ = Mode::menu; break;
        case StaffLock::Check::wrong:
          pin_message_key_ = "kiosk.pin.wrong";
          pin_tone_ = Tone::error;
          break;
        case StaffLock::Check::locked:
          pin_message_key_ = "kiosk.pin.locked";
          pin_tone_ = Tone::error;
          break;
        case StaffLock::Check::not_configured: return Outcome::ignored;
      }
      return Outcome::handled;
    }
    return Outcome::ignored;
  }
  if (mode_ != Mode::menu) return Outcome::ignored;
  if (key == "staff:close") return Outcome::closed;
  if (key == "staff:fullscreen") {
    fullscreen_ = !fullscreen_;
    fx.fullscreen = fullscreen_;
    return Outcome::handled;
  }
  if (key == "staff:quit") {
    fx.quit = true;
    return Outcome::handled;
  }
  return Outcome::ignored;
}

PinScreen StaffAccess::pin_view(int64_t now_ms, Lang lang) const {
  PinScreen p;
  p.title = std::string(tr("kiosk.pin.title", lang));
  p.configured = lock_.configured();
  p.masked = std::string(size_t(lock_.entered_digits()), '*');
  p.pad_enabled = p.configured && !lock_.locked(now_ms);
  if (!p.configured) {
    p.message = std::string(tr("kiosk.pin.not_configured", lang));
    p.tone = Tone::warn;
  } else if (lock_.locked(now_ms)) {
    p.message = trf("kiosk.pin.locked_for", lang, {std::to_string((lock_.locked_until_ms() - now_ms + 999) / 1000)});
    p.tone = Tone::error;
  } else if (!pin_message_key_.empty()) {
    p.message = std::string(tr(pin_message_key_, lang));
    p.tone = pin_tone_;
  }
  p.ok_label = std::string(tr("kiosk.pin.ok", lang));
  p.clear_label = std::string(tr("kiosk.pin.clear", lang));
  p.cancel_label = std::string(tr("kiosk.pin.cancel", lang));
  return p;
}

std::vector<ChoiceButton> StaffAccess::menu_items(Lang lang) const {
  return {item("staff:fullscreen", tr(fullscreen_ ? "kiosk.staff.leave_fullscreen" : "kiosk.staff.enter_fullscreen", lang)),
          item("staff:quit", tr("kiosk.staff.quit", lang)), item("staff:close", tr("kiosk.staff.close", lang))};
}

}  // namespace antrian::kiosk
