// The survey tablet's screens (SurveyScreen, view.h): Indonesian large, English
// smaller under it, on high-contrast panels; touch targets of at least 120 px at 1080
// lines (the answers much larger), with gaps between them. Layout only.
#include <algorithm>

#include "draw.h"

namespace antrian::kiosk::app {

using ui::FontRole;
using ui::Rect;
namespace pal = ui::palette;

namespace {

// A button with two lines: the Indonesian words large, the English under them.
void bilingual_button(Paint& p, const std::string& key, const Rect& r, const std::string& id, const std::string& en,
                      bool enabled, const ButtonStyle& style, FontRole big = FontRole::large_bold) {
  const TouchState s = p.board.target(key, r, enabled);
  draw_button_face(p.dl, r, s, enabled, style, std::min(r.height() * 0.2f, p.f.px(24)));
  const float pad = p.f.px(16), dy = s.held ? 3.0f : 0.0f;
  const ImU32 fg = enabled ? style.text : pal::on_disabled;
  if (en.empty()) {
    ui::text_in_rect(p.dl, {{r.min.x + pad, r.min.y + pad + dy}, {r.max.x - pad, r.max.y - pad + dy}}, id, p.font(big),
                     fg, ui::Align::center);
    return;
  }
  const float split = r.min.y + r.height() * 0.60f;
  ui::text_in_rect(p.dl, {{r.min.x + pad, r.min.y + pad + dy}, {r.max.x - pad, split + dy}}, id, p.font(big), fg,
                   ui::Align::center);
  ui::text_in_rect(p.dl, {{r.min.x + pad, split + dy}, {r.max.x - pad, r.max.y - pad * 0.5f + dy}}, en,
                   p.font(FontRole::body), fg, ui::Align::center);
}

// Back (left, grey) and the primary action (right, green); returns the row's top.
float survey_actions(Paint& p, const SurveyScreen& v) {
  const auto& f = p.f;
  const float m = p.margin(), h = f.px(140), gap = f.px(32);
  const float top = f.height - m - h, w = f.width - 2 * m;
  float x = m;
  if (!v.back_key.empty()) {
    const float sw = v.primary_key.empty() ? std::min(w, f.px(640)) : std::min(w * 0.38f, f.px(600));
    ButtonStyle st;
    st.fill = pal::surface_hi;
    st.fill_pressed = pal::surface;
    bilingual_button(p, v.back_key, {{x, top}, {x + sw, top + h}}, "\xE2\x86\x90 " + v.back_label, v.back_label_en,
                     true, st);
    x += sw + gap;
  }
  if (!v.primary_key.empty()) {
    ButtonStyle st;
    st.fill = pal::ok;
    bilingual_button(p, v.primary_key, {{x, top}, {m + w, top + h}}, v.primary_label, v.primary_label_en,
                     v.primary_enabled, st);
  }
  return top;
}

// Indonesian (font big, colour) with its English under it (smaller, muted); returns the bottom.
float two_languages(Paint& p, float y, float x, float w, const std::string& id, const std::string& en, FontRole big,
                    ImU32 color, FontRole small = FontRole::body) {
  if (!id.empty()) y += wrapped_text(p.dl, p.font(big), {x, y}, w, id, color) + p.f.px(6);
  if (!en.empty()) y += wrapped_text(p.dl, p.font(small), {x, y}, w, en, pal::text_muted);
  return y;
}

void draw_start(Paint& p, const SurveyScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin(), w = f.width - 2 * m;
  const float row_top = survey_actions(p, v);
  float y = top + f.px(p.portrait() ? 50 : 24);
  ui::text_in_rect(p.dl, {{m, y}, {f.width - m, y + f.px(72)}}, v.title, p.font(FontRole::large_bold), pal::highlight,
                   ui::Align::center);
  y += f.px(74);
  ui::text_in_rect(p.dl, {{m, y}, {f.width - m, y + f.px(40)}}, v.title_en, p.font(FontRole::body), pal::text_muted,
                   ui::Align::center);
  y += f.px(56);
  y = two_languages(p, y, m, w, v.body, v.body_en, FontRole::body_bold, pal::text, FontRole::small) + f.px(14);
  // What was typed, large, dark on white as on the paper ticket.
  const float th = f.px(120), tw = std::min(w, f.px(700));
  const Rect typed{{(f.width - tw) * 0.5f, y}, {(f.width + tw) * 0.5f, y + th}};
  p.dl->AddRectFilled(typed.min, typed.max, IM_COL32_WHITE, f.px(18));
  ui::text_in_rect(p.dl, typed.inset(f.px(10)), v.typed.empty() ? "_" : v.typed, p.font(FontRole::large_bold),
                   pal::text_dark, ui::Align::center);
  y += th + f.px(10);
  if (!v.message.empty()) {
    const float mh = f.px(14) * 2 + wrapped_height(p.font(FontRole::body_bold), w - f.px(40), v.message) +
                     wrapped_height(p.font(FontRole::small), w - f.px(40), v.message_en);
    p.dl->AddRectFilled({m, y}, {m + w, y + mh}, tone_fill(v.tone), f.px(14));
    float my = y + f.px(14);
    my += wrapped_text(p.dl, p.font(FontRole::body_bold), {m + f.px(20), my}, w - f.px(40), v.message, tone_text(v.tone));
    wrapped_text(p.dl, p.font(FontRole::small), {m + f.px(20), my}, w - f.px(40), v.message_en, tone_text(v.tone));
    y += mh;
  }
  y += f.px(14);
  // The keys (the office's ticket letters, the digits) and "Hapus".
  std::vector<std::pair<std::string, std::string>> cells;
  for (const std::string& k : v.keys) cells.emplace_back(k, k.substr(4));
  cells.emplace_back(v.clear_key, v.clear_label);
  const int cols = p.portrait() ? 6 : 9;
  const int rows = (int(cells.size()) + cols - 1) / cols;
  const float gap = f.px(16);
  const float kh = std::min(f.px(150), (row_top - f.px(24) - y - gap * float(rows - 1)) / float(rows));
  const float kw = std::min(f.px(190), (w - gap * float(cols - 1)) / float(cols));
  const float x0 = (f.width - (kw * float(cols) + gap * float(cols - 1))) * 0.5f;
  for (int i = 0; i < int(cells.size()); ++i) {
    const float x = x0 + float(i % cols) * (kw + gap), ky = y + float(i / cols) * (kh + gap);
    ButtonStyle st;
    if (cells[size_t(i)].first == v.clear_key) st.fill = pal::surface_hi;
    text_button(p.board, cells[size_t(i)].first, {{x, ky}, {x + kw, ky + kh}}, cells[size_t(i)].second,
                p.font(FontRole::large_bold), true, st);
  }
}

void draw_question(Paint& p, const SurveyScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin(), w = f.width - 2 * m;
  const float row_top = survey_actions(p, v);
  float y = top + f.px(20);
  // The ticket left, where we are right, and a dot per question between.
  ui::text_in_rect(p.dl, {{m, y}, {m + w * 0.3f, y + f.px(48)}}, v.ticket_text, p.font(FontRole::body_bold),
                   pal::text_muted, ui::Align::left);
  ui::text_in_rect(p.dl, {{m + w * 0.6f, y}, {f.width - m, y + f.px(48)}}, v.progress, p.font(FontRole::body_bold),
                   pal::text, ui::Align::right);
  const float dot = f.px(14), dgap = f.px(20);
  const float dots_w = float(v.steps) * dot * 2 + float(std::max(0, v.steps - 1)) * dgap;
  float dx = (f.width - dots_w) * 0.5f + dot;
  for (int i = 1; i <= v.steps; ++i, dx += dot * 2 + dgap) {
    if (i <= v.step) p.dl->AddCircleFilled({dx, y + f.px(24)}, dot, i == v.step ? pal::highlight : pal::text_muted, 24);
    else p.dl->AddCircle({dx, y + f.px(24)}, dot, pal::text_muted, 24, 3.0f);
  }
  y += f.px(48);
  ui::text_in_rect(p.dl, {{m + w * 0.6f, y}, {f.width - m, y + f.px(30)}}, v.progress_en, p.font(FontRole::small),
                   pal::text_muted, ui::Align::right);
  y += f.px(30);
  y = two_languages(p, y, m, w, v.title, v.title_en, FontRole::large_bold, pal::highlight, FontRole::small) + f.px(14);
  y = two_languages(p, y, m, w, v.body, v.body_en, FontRole::large, pal::text) + f.px(26);

  // Four large answers: a row in landscape, a column in portrait.
  const int n = int(v.answers.size());
  if (n == 0) return;
  const float gap = f.px(24);
  const float area_h = row_top - f.px(30) - y;
  for (int i = 0; i < n; ++i) {
    const SurveyAnswerButton& a = v.answers[size_t(i)];
    Rect r;
    if (p.portrait()) {
      const float h = std::min(f.px(220), (area_h - gap * float(n - 1)) / float(n));
      r = {{m, y + float(i) * (h + gap)}, {f.width - m, y + float(i) * (h + gap) + h}};
    } else {
      const float bw = (w - gap * float(n - 1)) / float(n), h = std::min(area_h, f.px(340));
      r = {{m + float(i) * (bw + gap), y}, {m + float(i) * (bw + gap) + bw, y + h}};
    }
    ButtonStyle st;
    st.fill = a.chosen ? pal::accent_hi : pal::accent;
    st.border = a.chosen ? pal::highlight : 0;
    // The answer given before going back: marked in words' place too, not by colour alone.
    bilingual_button(p, a.key, r, a.chosen ? "\xE2\x9C\x93 " + a.label : a.label, a.label_en, true, st);
  }
}

// The waiting, refusal, unsent and thank-you screens: a symbol that reads without
// colour, the words in both languages, the hub's reason small for staff.
void draw_message(Paint& p, ScreenId screen, const SurveyScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin();
  const float w = std::min(f.width - 2 * m, f.px(1500)), x = (f.width - w) * 0.5f;
  const float row_top = survey_actions(p, v);
  float y = top + f.px(p.portrait() ? 90 : 50);
  const float icon = f.px(130);
  const Rect ir{{x, y}, {x + icon, y + icon}};
  const char* symbol = screen == ScreenId::survey_thanks ? "\xE2\x9C\x93" : screen == ScreenId::survey_wait ? "..." : "!";
  p.dl->AddCircleFilled(ir.center(), icon * 0.5f, tone_fill(v.tone), 48);
  ui::text_in_rect(p.dl, ir.inset(f.px(22)), symbol, p.font(FontRole::large_bold), tone_text(v.tone));
  if (!v.ticket_text.empty())
    ui::text_in_rect(p.dl, {{x + icon + f.px(30), y}, {x + w, y + icon}}, v.ticket_text, p.font(FontRole::large_bold),
                     pal::highlight, ui::Align::left);
  y += icon + f.px(30);
  y = two_languages(p, y, x, w, v.title, v.title_en, FontRole::large_bold, pal::text) + f.px(30);
  y = two_languages(p, y, x, w, v.body, v.body_en, FontRole::large, pal::text) + f.px(20);
  if (!v.detail.empty()) {
    const float dh = wrapped_height(p.font(FontRole::small), w, v.detail);
    wrapped_text(p.dl, p.font(FontRole::small), {x, std::max(y, row_top - dh - f.px(24))}, w, v.detail,
                 pal::text_muted);
  }
}

}  // namespace

void draw_survey(Paint& p, ScreenId screen, const SurveyScreen& v, float top) {
  switch (screen) {
    case ScreenId::survey_start: draw_start(p, v, top); break;
    case ScreenId::survey_question: draw_question(p, v, top); break;
    default: draw_message(p, screen, v, top); break;
  }
}

}  // namespace antrian::kiosk::app
