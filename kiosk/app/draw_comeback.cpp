// The come-back list's screens: the code very large with what happens next, and the
// keypads (a phone number; a check-in code of the code alphabet). Keys are big enough
// for an unsteady finger: at least 100 px at 1080 lines, with gaps between them.
#include <algorithm>

#include "draw.h"

namespace antrian::kiosk::app {

using ui::FontRole;
using ui::Rect;
namespace pal = ui::palette;

namespace {

// Back on the left, the primary action on the right (disabled until it can be sent).
float keypad_actions(Paint& p, const KeypadScreen& v) {
  const auto& f = p.f;
  const float m = p.margin(), h = f.px(130), gap = f.px(32);
  const float top = f.height - m - h, w = f.width - 2 * m;
  const float sw = std::min(w * 0.36f, f.px(560));
  ButtonStyle second;
  second.fill = pal::surface_hi;
  second.fill_pressed = pal::surface;
  text_button(p.board, v.back_key, {{m, top}, {m + sw, top + h}}, "\xE2\x86\x90 " + v.back_label,
              p.font(FontRole::large_bold), true, second);
  ButtonStyle ok;
  ok.fill = pal::ok;
  text_button(p.board, v.ok_key, {{m + sw + gap, top}, {m + w, top + h}}, v.ok_label, p.font(FontRole::large_bold),
              v.ok_enabled, ok);
  return top;
}

}  // namespace

void draw_comeback(Paint& p, const ComebackScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin(), w = f.width - 2 * m;
  const float row_top = draw_action_row(p, "", "", v.done_key, v.done_label);
  float y = top + f.px(p.portrait() ? 40 : 20);
  ui::text_in_rect(p.dl, {{m, y}, {f.width - m, y + f.px(64)}}, v.title, p.font(FontRole::large), pal::text_muted,
                   ui::Align::center);
  y += f.px(64);
  // The code on a light panel, as on the paper: dark on white reads best.
  const float code_h = f.px(p.portrait() ? 260 : 230);
  const float code_w = std::min(w, f.px(1200));
  const Rect box{{(f.width - code_w) * 0.5f, y}, {(f.width + code_w) * 0.5f, y + code_h}};
  p.dl->AddRectFilled(box.min, box.max, IM_COL32_WHITE, f.px(24));
  ui::text_in_rect(p.dl, box.inset(f.px(16)), v.code, p.font(FontRole::huge), pal::text_dark, ui::Align::center);
  y += code_h + f.px(16);
  ui::text_in_rect(p.dl, {{m, y}, {f.width - m, y + f.px(70)}}, v.service_name, p.font(FontRole::large_bold), pal::text,
                   ui::Align::center);
  y += f.px(74);
  if (!v.position_text.empty()) {
    ui::text_in_rect(p.dl, {{m, y}, {f.width - m, y + f.px(50)}}, v.position_text, p.font(FontRole::body_bold),
                     pal::highlight, ui::Align::center);
    y += f.px(60);
  }
  y += wrapped_text(p.dl, p.font(FontRole::body), {m, y}, w, v.next_text, pal::text) + f.px(18);

  // The phone number: a button to add one, or where the invitation goes.
  const float ph = f.px(110);
  if (!v.phone_label.empty()) {
    ButtonStyle st;
    st.fill = pal::surface;
    st.fill_pressed = pal::surface_hi;
    st.border = pal::highlight;
    const float bw = std::min(w, f.px(1100));
    text_button(p.board, v.phone_key, {{m, y}, {m + bw, y + ph}}, v.phone_label, p.font(FontRole::large_bold), true, st);
    y += ph + f.px(18);
  } else if (!v.phone_text.empty()) {
    y += wrapped_text(p.dl, p.font(FontRole::body_bold), {m, y}, w, v.phone_text, pal::ok) + f.px(18);
  }
  // What the printer did, right above the button.
  const float sh = f.px(90);
  const Rect status{{m, std::max(y, row_top - f.px(20) - sh)}, {f.width - m, row_top - f.px(20)}};
  if (status.height() > f.px(40)) {
    p.dl->AddRectFilled(status.min, status.max, tone_fill(v.print_tone), f.px(18));
    ui::text_in_rect(p.dl, status.inset(f.px(20)), v.print_text, p.font(FontRole::body_bold), tone_text(v.print_tone),
                     ui::Align::center);
  }
}

void draw_keypad(Paint& p, const KeypadScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin(), w = f.width - 2 * m;
  const float row_top = keypad_actions(p, v);
  float y = top + f.px(16);
  ui::text_in_rect(p.dl, {{m, y}, {f.width - m, y + f.px(66)}}, v.title, p.font(FontRole::large_bold), pal::text,
                   ui::Align::center);
  y += f.px(66);
  y += wrapped_text(p.dl, p.font(FontRole::small), {m, y}, w, v.hint, pal::text_muted) + f.px(10);
  // What was typed, large, on white.
  const float th = f.px(110);
  const float tw = std::min(w, f.px(1000));
  const Rect typed{{(f.width - tw) * 0.5f, y}, {(f.width + tw) * 0.5f, y + th}};
  p.dl->AddRectFilled(typed.min, typed.max, IM_COL32_WHITE, f.px(18));
  ui::text_in_rect(p.dl, typed.inset(f.px(10)), v.typed.empty() ? "_" : v.typed, p.font(FontRole::large_bold),
                   pal::text_dark, ui::Align::center);
  y += th + f.px(8);
  if (!v.message.empty()) {
    const std::string text = v.detail.empty() ? v.message : v.message + " (" + v.detail + ")";
    const float mh = wrapped_height(p.font(FontRole::body_bold), w, text);
    wrapped_text(p.dl, p.font(FontRole::body_bold), {m, y}, w, text,
                 v.tone == Tone::error || v.tone == Tone::warn ? pal::warn : pal::text);
    y += mh;
  }
  y += f.px(10);

  // The keys and "Hapus", in a grid that fills the room left above the actions.
  std::vector<std::pair<std::string, std::string>> cells;  // key, label
  for (const std::string& k : v.keys) cells.emplace_back(k, k.substr(4));
  cells.emplace_back(v.clear_key, v.clear_label);
  const int cols = cells.size() > 12 ? (p.portrait() ? 6 : 8) : 3;
  const int rows = (int(cells.size()) + cols - 1) / cols;
  const float gap = f.px(14);
  const float area_h = row_top - f.px(20) - y;
  const float kh = std::min(f.px(140), (area_h - gap * float(rows - 1)) / float(rows));
  const float kw = std::min(cols == 3 ? f.px(260) : f.px(300), (w - gap * float(cols - 1)) / float(cols));
  const float x0 = (f.width - (kw * float(cols) + gap * float(cols - 1))) * 0.5f;
  for (int i = 0; i < int(cells.size()); ++i) {
    const float x = x0 + float(i % cols) * (kw + gap), ky = y + float(i / cols) * (kh + gap);
    ButtonStyle st;
    if (cells[size_t(i)].first == v.clear_key) st.fill = pal::surface_hi;
    text_button(p.board, cells[size_t(i)].first, {{x, ky}, {x + kw, ky + kh}}, cells[size_t(i)].second,
                p.font(FontRole::large_bold), true, st);
  }
}

}  // namespace antrian::kiosk::app
