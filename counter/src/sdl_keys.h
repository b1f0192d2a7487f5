#pragma once
// SDL key events to the view model's keys.
#include <SDL.h>

#include <optional>

#include "antrian/counter/keys.h"

namespace antrian::counter {

// nullopt for keys the console does not use (letters arrive as text instead).
std::optional<KeyPress> from_sdl(const SDL_KeyboardEvent& e);

}  // namespace antrian::counter
