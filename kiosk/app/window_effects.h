#pragma once
// The staff menu's "leave / enter full screen", as the kiosk and the survey tablet do it.
#include <SDL.h>

#include "antrian/ui/app.h"

namespace antrian::kiosk::app {

inline void apply_fullscreen(ui::App& app, bool on) {
  app.set_fullscreen(on);
  SDL_ShowCursor(on ? SDL_DISABLE : SDL_ENABLE);  // staff work with a mouse
}

}  // namespace antrian::kiosk::app
