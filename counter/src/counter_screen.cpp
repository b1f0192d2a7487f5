#include "counter_screen.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>

#include "antrian/counter/counter_view.h"
#include "antrian/counter/intent.h"
#include "draw_views.h"
#include "sdl_keys.h"

namespace antrian::counter {

void CounterScreen::follow_language() {
  if (app_.lang() != model_.lang()) app_.set_lang(model_.lang());
}

void CounterScreen::on_wake() {
  link_.with_mirror(model_, [](ConsoleModel&, const Mirror&) {});
}

bool CounterScreen::on_event(const SDL_Event& e) {
  if (e.type == SDL_KEYDOWN) {
    const auto k = from_sdl(e.key);
    if (!k) return false;
    if (e.key.repeat && !repeat_allowed(k->key)) return true;
    bool handled = false;
    link_.with_mirror(model_, [&](ConsoleModel& m, const Mirror& mirror) { handled = m.key(*k, mirror); });
    follow_language();
    return handled;
  }
  if (e.type == SDL_TEXTINPUT) {
    // Ctrl+digit toggles a service in the disruption dialog; it is not typing.
    if (SDL_GetModState() & KMOD_CTRL) return true;
    const std::string text = e.text.text;
    link_.with_mirror(model_, [&](ConsoleModel& m, const Mirror& mirror) { m.text(text, mirror); });
    return true;
  }
  return false;
}

void CounterScreen::draw(const ui::FrameInfo& f) {
  CounterView view;
  link_.with_mirror(model_, [&](ConsoleModel& m, const Mirror& mirror) { view = build_view(m, mirror); });
  std::vector<Intent> intents;
  const float top = gui::draw_header(f, view, intents);
  if (view.mode == Mode::sign_in) {
    gui::draw_sign_in(f, view, top, intents);
  } else {
    if (view.dialog != DialogKind::none) ImGui::BeginDisabled();
    gui::draw_console(f, view, top, intents);
    if (view.dialog != DialogKind::none) {
      ImGui::EndDisabled();
      intents.clear();  // nothing behind an open dialog reacts
      gui::draw_dialog(f, view, intents);
    }
  }
  if (intents.empty()) return;
  link_.with_mirror(model_, [&](ConsoleModel& m, const Mirror& mirror) {
    for (const Intent& i : intents) apply(i, m, mirror);
  });
  follow_language();
  ui::request_redraw();  // show the result of the click in the next frame
}

std::int64_t CounterScreen::next_deadline_ms(std::int64_t now_ms) {
  std::int64_t in_ms = -1;
  link_.client().with_state([&](const OfficeState& s) {
    const Mirror m{s, link_.client().online(), link_.client().synced(), link_.client().hub_now_ms()};
    if (m.now_ms > 0 && m.synced) in_ms = next_view_change_ms(model_, m) - m.now_ms;
    return 0;
  });
  if (in_ms < 0) return ui::kNever;  // the hub client wakes us when anything changes
  // A simulated day runs the hub's clock faster than ours: never tick more often
  // than 4 times a second for it.
  return now_ms + std::max<std::int64_t>(in_ms + 5, 250);
}

}  // namespace antrian::counter
