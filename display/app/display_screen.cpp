#include "display_screen.h"

#include <SDL.h>
#include <imgui.h>

#include <algorithm>

#include "antrian/display/layout.h"
#include "antrian/display/wall_plan.h"
#include "antrian/ui/redraw.h"
#include "draw.h"

namespace antrian::display {

DisplayScreen::DisplayScreen(ui::App& app, DisplayRuntime& runtime, std::string hub, bool scroll_running_text,
                             std::int64_t pages_at_ms)
    : app_(app), rt_(runtime), hub_(std::move(hub)), running_text_(scroll_running_text) {
  pane_pager_.offset_ms = banner_pager_.offset_ms = pages_at_ms;
}

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

std::size_t DisplayScreen::Pager::current(const std::string& new_key, const std::vector<std::int64_t>& durations,
                                          std::int64_t now_ms) {
  if (new_key != key) {
    key = new_key;
    start_ms = now_ms - offset_ms;
  }
  const PagePosition pos = page_at(durations, now_ms - start_ms);
  if (pos.ms_to_next >= 0) ui::request_redraw_at(now_ms + pos.ms_to_next);
  return pos.index;
}

namespace {

// What identifies a set of pages: when it changes, paging starts over.
std::string pane_key(const WallPlan& p) {
  std::string k;
  for (const PanePage& page : p.pane_pages) {
    k += page.kind == PanePage::Kind::lokets ? 'L' : 'S';
    for (std::size_t i : page.items) k += std::to_string(i) + ",";
  }
  return k;
}

std::string banner_key(const WallPlan& p) {
  std::string k;
  for (const BannerPage& page : p.banner_pages)
    for (const TextLine& l : page.page.lines) k += l.text + "|";
  return k;
}

}  // namespace

void DisplayScreen::draw(const ui::FrameInfo& f) {
  if (f.lang != rt_.lang()) rt_.set_lang(f.lang);
  if (!updated_once_) refresh(true);
  else if (f.now_ms >= view_deadline_) refresh(false);
  const DisplayView& v = rt_.view();
  ImDrawList* dl = ImGui::GetWindowDrawList();

  const WallPlan p = plan_wall(v, f.width, f.height, draw::measure_with(f));
  const ScreenLayout& l = p.layout;
  draw::header(dl, f, l.header, v);
  if (l.link_bar.h > 0) draw::link_bar(dl, f, l.link_bar, v);
  if (l.problem_bar.h > 0) draw::problem_bar(dl, f, l.problem_bar, v);
  if (v.link == Link::connecting) {
    // Nothing true to show yet: say so instead of an empty board.
    const ui::Rect r = draw::rect({0, l.newest.y, f.width, l.footer.y - l.newest.y});
    draw::text_px(dl, draw::part(r, 0.05f, 0.30f, 0.95f, 0.5f), v.link_text, f.font(ui::FontRole::large_bold),
                  p.reading_px, ui::palette::text, ui::Align::center);
    draw::text_px(dl, draw::part(r, 0.05f, 0.55f, 0.95f, 0.65f), hub_, f.font(ui::FontRole::large), p.caption_px,
                  ui::palette::text_muted, ui::Align::center);
    return;
  }
  if (!p.banner_pages.empty())
    draw::banner_page(dl, f, p, v, banner_pager_.current(banner_key(p), banner_durations(p), f.now_ms));

  bool blink_on = true;
  if (v.newest && v.newest->highlighted) {
    const int64_t age = std::max<int64_t>(0, rt_.client().hub_now_ms() - v.newest->at);
    blink_on = (age / kBlinkMs) % 2 == 0;
  }
  draw::newest_call(dl, f, p, v, blink_on);
  if (!p.pane_pages.empty()) {
    const std::size_t i = pane_pager_.current(pane_key(p), pane_durations(p), f.now_ms);
    const PanePage& page = p.pane_pages[i];
    if (page.kind == PanePage::Kind::lokets) draw::loket_page(dl, f, p, v, page);
    else draw::service_page(dl, f, p, v, page);
    draw::page_mark(dl, f, draw::rect(l.pane), i, p.pane_pages.size(), ui::palette::text_muted);
  }

  const ui::Rect footer = draw::rect(l.footer);
  dl->AddRectFilled(footer.min, footer.max, ui::palette::header);
  running_text_.draw(f, dl, footer.inset(f.px(14)), v.marquee_items, f.font(ui::FontRole::large), footer.height() * 0.62f,
                     ui::palette::text);
}

}  // namespace antrian::display
