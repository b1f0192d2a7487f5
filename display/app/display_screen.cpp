#include "display_screen.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>

#include "antrian/display/layout.h"
#include "antrian/ui/redraw.h"
#include "draw.h"

namespace antrian::display {

DisplayScreen::DisplayScreen(ui::App& app, DisplayRuntime& runtime, std::string hub, bool scroll_running_text)
    : app_(app), rt_(runtime), hub_(std::move(hub)), running_text_(scroll_running_text) {}

void DisplayScreen::refresh(bool full_update) {
  if (full_update) rt_.update();
  else rt_.refresh_view();
  updated_once_ = true;
  view_deadline_ = ui::now_ms() + rt_.ms_until_next_change();
}

void DisplayScreen::on_wake() { refresh(true); }

std::int64_t DisplayScreen::next_deadline_ms(std::int64_t now_ms) {
  std::int64_t deadline = view_deadline_;
  const DisplayView& v = rt_.view();
  if (v.newest && v.newest->highlighted) {
    const int64_t age = std::max<int64_t>(0, rt_.client().hub_now_ms() - v.newest->at);
    deadline = std::min(deadline, now_ms + (kBlinkMs - age % kBlinkMs) + 1);
  }
  return deadline;
}

bool DisplayScreen::on_event(const SDL_Event& event) {
  // F11 toggles full screen for whoever sets the TV up; other keys do nothing on a wall.
  if (event.type == SDL_KEYDOWN && event.key.keysym.sym == SDLK_F11 && event.key.repeat == 0) {
    app_.set_fullscreen(!app_.fullscreen());
    return true;
  }
  return false;
}

void DisplayScreen::on_resize(const ui::FrameInfo& f) {
  (void)f;
  // The ticket numbers are drawn from the largest font scaled down; SDL samples the
  // atlas with "nearest" unless told otherwise, which makes scaled glyphs jagged.
  if (auto* tex = static_cast<SDL_Texture*>(ImGui::GetIO().Fonts->TexID)) SDL_SetTextureScaleMode(tex, SDL_ScaleModeLinear);
}

void DisplayScreen::draw(const ui::FrameInfo& f) {
  if (f.lang != rt_.lang()) rt_.set_lang(f.lang);
  if (!updated_once_) refresh(true);
  else if (f.now_ms >= view_deadline_) refresh(false);
  const DisplayView& v = rt_.view();
  ImDrawList* dl = ImGui::GetWindowDrawList();

  const bool show_link = v.link != Link::online;
  const int n_banners = static_cast<int>(std::min<std::size_t>(v.banners.size(), kMaxBanners));
  const ScreenLayout l = layout_screen(f.width, f.height, show_link, !v.problems.empty(), n_banners);
  draw::header(dl, f, l.header, v);
  if (show_link) draw::link_bar(dl, f, l.link_bar, v);
  if (!v.problems.empty()) draw::problem_bar(dl, f, l.problem_bar, v);
  if (v.link == Link::connecting) {
    // Nothing true to show yet: say so instead of an empty board.
    const ui::Rect r = draw::rect({0, l.newest.y, f.width, l.footer.y - l.newest.y});
    ui::text_in_rect(dl, draw::part(r, 0.05f, 0.35f, 0.95f, 0.5f), v.link_text, f.font(ui::FontRole::large_bold),
                     ui::palette::text, ui::Align::center);
    ui::text_in_rect(dl, draw::part(r, 0.05f, 0.52f, 0.95f, 0.62f), hub_, f.font(ui::FontRole::body),
                     ui::palette::text_muted, ui::Align::center);
    return;
  }
  for (int i = 0; i < n_banners; ++i) draw::disruption_banner(dl, f, l.banners[static_cast<std::size_t>(i)], v.banners[static_cast<std::size_t>(i)]);

  bool blink_on = true;
  if (v.newest && v.newest->highlighted) {
    const int64_t age = std::max<int64_t>(0, rt_.client().hub_now_ms() - v.newest->at);
    blink_on = (age / kBlinkMs) % 2 == 0;
  }
  draw::newest_call(dl, f, l.newest, v, blink_on);
  draw::loket_board(dl, f, l.lokets, v);
  draw::service_cards(dl, f, l.services, v);

  const ui::Rect footer = draw::rect(l.footer);
  dl->AddRectFilled(footer.min, footer.max, ui::palette::header);
  running_text_.draw(f, dl, footer.inset(f.px(14)), v.marquee_items, f.font(ui::FontRole::large), ui::palette::text);
}

}  // namespace antrian::display
