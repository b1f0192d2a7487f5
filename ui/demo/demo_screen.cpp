#include "demo_screen.h"

#include <chrono>
#include <cstdio>
#include <ctime>

#include "antrian/ui/frame_pacing.h"
#include "antrian/ui/redraw.h"

namespace antrian::ui::demo {
namespace {

// Demo-only text; real programs take every string from the shared strings table.
const char* pick(Lang lang, const char* id, const char* en) { return lang == Lang::id ? id : en; }

}  // namespace

std::int64_t DemoScreen::next_deadline_ms(std::int64_t now_ms) {
  // The header clock shows seconds: one frame just after each wall-clock second.
  return next_wall_boundary_ms(now_ms, wall_clock_ms(), 1000);
}

void DemoScreen::draw_header(const FrameInfo& f, ImDrawList* dl) {
  const Rect bar{{0, 0}, {f.width, f.px(110)}};
  banner(dl, bar, tr("common.app_name", f.lang), f.font(FontRole::large_bold), palette::header, palette::text,
         Align::left);
  const std::time_t t = std::chrono::system_clock::to_time_t(f.wall);
  std::tm tm{};
  localtime_r(&t, &tm);
  char clock[16];
  std::snprintf(clock, sizeof clock, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
  const Rect clock_rect{{f.width - f.px(360), 0}, {f.width - f.px(30), bar.max.y}};
  text_in_rect(dl, clock_rect, clock, f.font(FontRole::large_bold), palette::highlight, Align::right);
}

void DemoScreen::draw(const FrameInfo& f) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  draw_header(f, dl);

  // The called number, the biggest thing on the wall.
  const Rect label{{0, f.px(140)}, {f.width, f.px(210)}};
  text_centered(dl, label, pick(f.lang, "Nomor antrian dipanggil", "Now calling"), f.font(FontRole::large),
                palette::text_muted);
  char number[16];
  std::snprintf(number, sizeof number, "A-%03d", number_);
  const Rect big{{0, f.px(210)}, {f.width, f.px(460)}};
  text_centered(dl, big, number, f.font(FontRole::huge), palette::highlight);
  char waiting[64];
  std::snprintf(waiting, sizeof waiting, "%s: %d", pick(f.lang, "Menunggu", "Waiting"), waiting_shown_);
  text_centered(dl, {{0, f.px(470)}, {f.width, f.px(530)}}, waiting, f.font(FontRole::body), palette::text);

  // One pill per status, centred as a row.
  const float pill_h = f.px(64), gap = f.px(24);
  const Status all[] = {Status::normal, Status::degraded, Status::halted};
  float row_w = -gap;
  for (Status s : all) row_w += status_pill_width(pill_h, status_word(s, f.lang), f.font(FontRole::body_bold)) + gap;
  float x = (f.width - row_w) * 0.5f;
  for (Status s : all) {
    const Rect r = status_pill(dl, {x, f.px(560)}, pill_h, s, status_word(s, f.lang), f.font(FontRole::body_bold));
    x = r.max.x + gap;
  }

  // A touch button that changes the number (the demo's only "business").
  const ImVec2 button{f.px(640), f.px(140)};
  ImGui::SetCursorScreenPos({(f.width - button.x) * 0.5f, f.px(670)});
  if (big_button("##take", pick(f.lang, "Panggil berikutnya \xE2\x86\x92", "Call next \xE2\x86\x92"), button,
                 f.font(FontRole::large_bold)))
    ++number_;

  // Running text along the bottom.
  const float footer_h = f.px(90);
  const Rect footer{{0, f.height - footer_h}, {f.width, f.height}};
  dl->AddRectFilled(footer.min, footer.max, palette::surface);
  marquee_.draw(f, dl, footer.inset(f.px(12)), marquee_text_, f.font(FontRole::body), palette::text);
}

}  // namespace antrian::ui::demo
