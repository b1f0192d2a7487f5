#include "sdl_keys.h"

namespace antrian::counter {

std::optional<KeyPress> from_sdl(const SDL_KeyboardEvent& e) {
  KeyPress k;
  k.ctrl = (e.keysym.mod & KMOD_CTRL) != 0;
  k.shift = (e.keysym.mod & KMOD_SHIFT) != 0;
  const SDL_Keycode c = e.keysym.sym;
  if (c >= SDLK_F1 && c <= SDLK_F12) {
    k.key = static_cast<Key>(static_cast<int>(Key::f1) + (c - SDLK_F1));
    return k;
  }
  if (c >= SDLK_1 && c <= SDLK_9) {
    k.key = static_cast<Key>(static_cast<int>(Key::digit1) + (c - SDLK_1));
    return k;
  }
  if (c >= SDLK_KP_1 && c <= SDLK_KP_9) {
    k.key = static_cast<Key>(static_cast<int>(Key::digit1) + (c - SDLK_KP_1));
    return k;
  }
  switch (c) {
    case SDLK_UP: k.key = Key::up; break;
    case SDLK_DOWN: k.key = Key::down; break;
    case SDLK_LEFT: k.key = Key::left; break;
    case SDLK_RIGHT: k.key = Key::right; break;
    case SDLK_PAGEUP: k.key = Key::page_up; break;
    case SDLK_PAGEDOWN: k.key = Key::page_down; break;
    case SDLK_HOME: k.key = Key::home; break;
    case SDLK_END: k.key = Key::end; break;
    case SDLK_RETURN:
    case SDLK_KP_ENTER: k.key = Key::enter; break;
    case SDLK_ESCAPE: k.key = Key::escape; break;
    case SDLK_BACKSPACE: k.key = Key::backspace; break;
    case SDLK_TAB: k.key = Key::tab; break;
    case SDLK_SPACE: k.key = Key::space; break;
    default: return std::nullopt;
  }
  return k;
}

}  // namespace antrian::counter
