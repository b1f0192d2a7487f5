#pragma once
// How staff reach a device's menu, the same on the kiosk and on the survey tablet:
// five taps on the hidden corner (the office name) within 4 s open the PIN pad
// (StaffLock: five wrong PINs lock it for a minute); the right PIN opens the menu. The
// menu's common items are handled here: leave/enter full screen, quit the program,
// close the menu. A device puts its own items (the kiosk's reprint) before them.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "antrian/kiosk/effects.h"
#include "antrian/kiosk/staff_lock.h"
#include "antrian/kiosk/view.h"
#include "antrian/strings.h"

namespace antrian::kiosk {

inline constexpr int kStaffTaps = 5;                // taps on the hidden corner...
inline constexpr int64_t kStaffTapWindowMs = 4000;  // ...within this time

class StaffAccess {
 public:
  enum class Mode { none, pin, menu };
  // What a key did: nothing (not a staff key here), handled, or the person left the
  // pad (pin:cancel) or the menu (staff:close): the device goes back to its screens.
  enum class Outcome { ignored, handled, cancelled, closed };

  StaffAccess(std::string pin, bool fullscreen) : lock_(std::move(pin)), fullscreen_(fullscreen) {}

  Mode mode() const { return mode_; }
  bool active() const { return mode_ != Mode::none; }
  bool fullscreen() const { return fullscreen_; }
  int64_t locked_until_ms() const { return lock_.locked_until_ms(); }

  // A tap on the hidden corner ("staff"); the fifth in time opens the PIN pad.
  void tap_corner(int64_t now_ms);
  // pin:<digit>, pin:clear, pin:ok, pin:cancel; staff:fullscreen, staff:quit, staff:close.
  Outcome input(std::string_view key, int64_t now_ms, Effects& fx);
  // Back to the device's own screens; what was typed on the pad is forgotten.
  void close();

  PinScreen pin_view(int64_t now_ms, Lang lang) const;
  // The common items in order: full screen, quit, close.
  std::vector<ChoiceButton> menu_items(Lang lang) const;

 private:
  StaffLock lock_;
  bool fullscreen_ = false;
  Mode mode_ = Mode::none;
  int taps_ = 0;
  int64_t first_tap_ms_ = 0;
  std::string pin_message_key_;
  Tone pin_tone_ = Tone::info;
};

}  // namespace antrian::kiosk
