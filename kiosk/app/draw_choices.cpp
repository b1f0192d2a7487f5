// The header, the shared bottom row, and the Home / question screens with their
// service cards.
#include <algorithm>
#include <cmath>

#include "draw.h"

namespace antrian::kiosk::app {

using ui::FontRole;
using ui::Rect;
namespace pal = ui::palette;

ui::Status to_ui(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::normal: return ui::Status::normal;
    case ServiceStatus::degraded: return ui::Status::degraded;
    case ServiceStatus::halted: return ui::Status::halted;
  }
  return ui::Status::normal;
}

ImU32 tone_fill(Tone t) {
  switch (t) {
    case Tone::info: return pal::surface_hi;
    case Tone::ok: return pal::ok;
    case Tone::warn: return pal::warn;
    case Tone::error: return pal::error;
  }
  return pal::surface_hi;
}

ImU32 tone_text(Tone t) {
  switch (t) {
    case Tone::warn: return pal::on_warn;
    case Tone::ok: return pal::on_ok;
    case Tone::error: return pal::on_error;
    case Tone::info: return pal::text;
  }
  return pal::text;
}

float draw_header(Paint& p, const Header& h, bool with_notice) {
  const auto& f = p.f;
  const float bar_h = f.px(p.portrait() ? 150 : 130);
  const Rect bar{{0, 0}, {f.width, bar_h}};
  p.dl->AddRectFilled(bar.min, bar.max, pal::header);
  const float m = p.margin();

  // Language switch, top right: always visible, finger sized.
  const float lang_w = h.lang_key.empty() ? 0.0f : f.px(320), lang_h = f.px(88);
  const Rect lang{{f.width - m - lang_w, (bar_h - lang_h) * 0.5f}, {f.width - m, (bar_h + lang_h) * 0.5f}};
  ButtonStyle outline;
  outline.fill = pal::surface;
  outline.fill_pressed = pal::surface_hi;
  outline.border = pal::text_muted;
  // (The survey tablet shows both languages at once and has no switch: no lang_key.)
  if (!h.lang_key.empty()) text_button(p.board, h.lang_key, lang, h.lang_label, p.font(FontRole::body_bold), true, outline);

  // Date and time left of it (landscape) or under the office name (portrait).
  const float clock_w = p.portrait() ? 0 : f.px(560);
  if (!p.portrait()) {
    const float gap = h.lang_key.empty() ? 0.0f : f.px(30);
    const Rect clock{{lang.min.x - gap - clock_w, 0}, {lang.min.x - gap, bar_h}};
    ui::text_in_rect(p.dl, {{clock.min.x, f.px(18)}, {clock.max.x, bar_h * 0.55f}}, h.time_text,
                     p.font(FontRole::large_bold), pal::highlight, ui::Align::right);
    ui::text_in_rect(p.dl, {{clock.min.x, bar_h * 0.55f}, {clock.max.x, bar_h - f.px(14)}}, h.date_text,
                     p.font(FontRole::small), pal::text_muted, ui::Align::right);
  }
  const float name_right = (p.portrait() ? lang.min.x : lang.min.x - clock_w - f.px(30)) - f.px(20);
  ui::text_in_rect(p.dl, {{m, f.px(14)}, {name_right, bar_h * 0.58f}}, h.office_name, p.font(FontRole::large_bold),
                   pal::text, ui::Align::left);
  const std::string sub = p.portrait() ? h.date_text + "   " + h.time_text : h.office_full;
  ui::text_in_rect(p.dl, {{m, bar_h * 0.58f}, {name_right, bar_h - f.px(14)}}, sub, p.font(FontRole::small),
                   pal::text_muted, ui::Align::left);

  // The staff gesture: five taps on the office name (nothing is drawn for it).
  p.board.target("staff", {{0, 0}, {std::min(f.px(420), name_right), bar_h}});

  float y = bar_h;
  if (with_notice && !h.printer_notice.empty()) {
    const float nh = wrapped_height(p.font(FontRole::body_bold), f.width - 2 * m, h.printer_notice) + f.px(28);
    ui::banner(p.dl, {{0, y}, {f.width, y + nh}}, "", p.font(FontRole::body_bold), pal::warn, pal::on_warn);
    wrapped_text(p.dl, p.font(FontRole::body_bold), {m, y + f.px(14)}, f.width - 2 * m, h.printer_notice, pal::on_warn);
    y += nh;
  }
  return y;
}

float draw_action_row(Paint& p, const std::string& secondary_key, const std::string& secondary_label,
                      const std::string& primary_key, const std::string& primary_label) {
  const auto& f = p.f;
  const float m = p.margin(), h = f.px(130), gap = f.px(32);
  const float top = f.height - m - h;
  const float w = f.width - 2 * m;
  float x = m;
  if (!secondary_key.empty()) {
    const float sw = primary_key.empty() ? std::min(w, f.px(640)) : std::min(w * 0.36f, f.px(560));
    ButtonStyle second;
    second.fill = pal::surface_hi;
    second.fill_pressed = pal::surface;
    text_button(p.board, secondary_key, {{x, top}, {x + sw, top + h}}, "\xE2\x86\x90 " + secondary_label,
                p.font(FontRole::large_bold), true, second);
    x += sw + gap;
  }
  if (!primary_key.empty())
    text_button(p.board, primary_key, {{x, top}, {m + w, top + h}}, primary_label, p.font(FontRole::large_bold));
  return top;
}

namespace {

// One choice: a service (with status, waiting, wait and tickets left) or a question.
void draw_card(Paint& p, const ChoiceButton& b, const Rect& r) {
  const auto& f = p.f;
  const TouchState s = p.board.target(b.key, r, b.enabled);
  const float round = f.px(22);
  p.dl->AddRectFilled(r.min, r.max, s.held ? pal::surface_hi : pal::surface, round);
  // A stripe in the status colour on the left; blue for a question.
  const ImU32 stripe = b.status ? ui::status_look(to_ui(*b.status)).fill : pal::accent;
  p.dl->AddRectFilled(r.min, {r.min.x + f.px(16), r.max.y}, stripe, round, ImDrawFlags_RoundCornersLeft);

  const float pad = f.px(30);
  const Rect in{{r.min.x + f.px(16) + pad, r.min.y + pad * 0.5f}, {r.max.x - pad, r.max.y - pad * 0.5f}};
  const bool facts = !b.waiting_text.empty();
  const float label_h = f.px(62), hint_h = f.px(46), facts_h = f.px(42);
  // Label, hint and facts as one block, centred in the card's height; the hint is
  // the first to go when a card is short.
  const bool hint = !b.hint.empty() && in.height() >= label_h + hint_h + (facts ? facts_h + f.px(8) : 0);
  const float block = label_h + (hint ? hint_h : 0) + (facts ? facts_h + f.px(8) : 0);
  float y = std::max(in.min.y, in.center().y - block * 0.5f);

  float right = in.max.x;
  if (b.group) {  // a further question: an arrow says "more"
    const float cw = f.px(60);
    ui::text_in_rect(p.dl, {{right - cw, in.min.y}, {right, in.max.y}}, "\xE2\x86\x92", p.font(FontRole::large_bold),
                     pal::text, ui::Align::right);
    right -= cw + f.px(10);
  }
  float pill_w = 0;
  const float pill_h = f.px(54);
  if (b.status && !b.status_word.empty()) {
    pill_w = ui::status_pill_width(pill_h, b.status_word, p.font(FontRole::body_bold));
    ui::status_pill(p.dl, {right - pill_w, y + (label_h - pill_h) * 0.5f}, pill_h, to_ui(*b.status), b.status_word,
                    p.font(FontRole::body_bold));
  }
  ui::text_in_rect(p.dl, {{in.min.x, y}, {right - pill_w - f.px(16), y + label_h}}, b.label,
                   p.font(FontRole::large_bold), b.enabled ? pal::text : pal::on_disabled, ui::Align::left);
  y += label_h;
  if (hint) {
    ui::text_in_rect(p.dl, {{in.min.x, y}, {right, y + hint_h}}, b.hint, p.font(FontRole::body), pal::text_muted,
                     ui::Align::left);
    y += hint_h;
  }
  if (facts) {
    std::string line = b.waiting_text + "   \xE2\x80\xA2   " + b.eta_text;
    if (!b.left_text.empty()) line += "   \xE2\x80\xA2   " + b.left_text;
    y += f.px(8);
    ui::text_in_rect(p.dl, {{in.min.x, y}, {in.max.x, y + facts_h}}, line, p.font(FontRole::body), pal::highlight,
                     ui::Align::left);
  }
}

void draw_priorities(Paint& p, const ChoiceScreen& v, const Rect& row) {
  const auto& f = p.f;
  const float gap = f.px(20);
  float x = row.min.x;
  const float title_w = p.portrait() ? 0 : f.px(430);
  if (!p.portrait()) {
    ui::text_in_rect(p.dl, {{x, row.min.y}, {x + title_w, row.max.y}}, v.priority_title, p.font(FontRole::body_bold),
                     pal::text, ui::Align::left);
    x += title_w + gap;
  }
  const float w = (row.max.x - x - gap * float(v.priorities.size() - 1)) / float(v.priorities.size());
  for (const PriorityOption& o : v.priorities) {
    ButtonStyle st;
    if (o.selected) {
      st.fill = pal::highlight;
      st.fill_pressed = pal::warn;
      st.text = pal::text_dark;
    } else {
      st.fill = pal::surface;
      st.fill_pressed = pal::surface_hi;
      st.border = pal::text_muted;
    }
    const std::string label = (o.selected ? "\xE2\x9C\x93 " : "") + o.label;
    text_button(p.board, o.key, {{x, row.min.y}, {x + w, row.max.y}}, label, p.font(FontRole::body_bold), true, st);
    x += w + gap;
  }
}

// Outside the office's hours: no cards, only when numbers are given again and why.
void draw_office_closed(Paint& p, const ChoiceScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin(), w = f.width - 2 * m;
  ImFont* big = p.font(FontRole::large_bold);
  ImFont* body = p.font(FontRole::large);
  const float h = wrapped_height(big, w - f.px(80), v.title) + wrapped_height(body, w - f.px(80), v.subtitle) + f.px(140);
  const float y = top + std::max(f.px(40), (f.height - top - h) * 0.4f);
  p.dl->AddRectFilled({m, y}, {m + w, y + h}, pal::surface, f.px(24));
  p.dl->AddRect({m, y}, {m + w, y + h}, pal::highlight, f.px(24), 0, f.px(4));
  float ty = y + f.px(50);
  ty += wrapped_text(p.dl, body, {m + f.px(40), ty}, w - f.px(80), v.subtitle, pal::text_muted) + f.px(40);
  wrapped_text(p.dl, big, {m + f.px(40), ty}, w - f.px(80), v.title, pal::highlight);
}

}  // namespace

void draw_choices(Paint& p, const ChoiceScreen& v, float top) {
  const auto& f = p.f;
  const float m = p.margin();
  if (v.office_closed) return draw_office_closed(p, v, top);
  float y = top + f.px(p.portrait() ? 40 : 20);
  // Landscape questions have the back button on the left of the title: keep clear of it.
  const float side = v.can_go_back && !p.portrait() ? f.px(330) : 0;
  ui::text_in_rect(p.dl, {{m + side, y}, {f.width - m - side, y + f.px(76)}}, v.title, p.font(FontRole::large_bold),
                   pal::text, ui::Align::center);
  y += f.px(76);
  // Landscape Home needs its height for the cards; the question says enough there.
  if (p.portrait() || v.priorities.empty()) {
    const std::string sub =
        v.priority_note.empty() ? v.subtitle : v.subtitle + "   \xE2\x80\xA2   " + v.priority_note;
    ui::text_in_rect(p.dl, {{m + side, y}, {f.width - m - side, y + f.px(50)}}, sub, p.font(FontRole::body),
                     pal::text_muted, ui::Align::center);
    y += f.px(p.portrait() ? 80 : 60);
  } else {
    y += f.px(14);
  }

  if (!v.priorities.empty()) {
    if (p.portrait()) {
      ui::text_in_rect(p.dl, {{m, y}, {f.width - m, y + f.px(50)}}, v.priority_title, p.font(FontRole::body_bold),
                       pal::text, ui::Align::left);
      y += f.px(60);
    }
    const float ph = f.px(p.portrait() ? 96 : 84);
    draw_priorities(p, v, {{m, y}, {f.width - m, y + ph}});
    y += ph + f.px(p.portrait() ? 40 : 24);
  }

  float bottom = f.height - m;
  if (!v.checkin_label.empty()) {  // "Punya kode?": bottom right, out of the cards' way
    const float bh = f.px(110), bw = std::min(f.width - 2 * m, f.px(620));
    ButtonStyle st;
    st.fill = pal::surface;
    st.fill_pressed = pal::surface_hi;
    st.border = pal::highlight;
    text_button(p.board, v.checkin_key, {{f.width - m - bw, bottom - bh}, {f.width - m, bottom}}, v.checkin_label,
                p.font(FontRole::large_bold), true, st);
    bottom -= bh + f.px(20);
  }
  if (v.can_go_back) {
    if (p.portrait()) {
      bottom = draw_action_row(p, "back", v.back_label, "", "") - f.px(28);
    } else {  // landscape: beside the question, leaving the height to the cards
      ButtonStyle second;
      second.fill = pal::surface_hi;
      second.fill_pressed = pal::surface;
      const float by = top + f.px(20);
      text_button(p.board, "back", {{m, by}, {m + f.px(300), by + f.px(110)}}, "\xE2\x86\x90 " + v.back_label,
                  p.font(FontRole::large_bold), true, second);
    }
  }

  const int n = static_cast<int>(v.buttons.size());
  if (n == 0) return;
  int cols = 1;
  if (p.portrait()) cols = n <= 6 ? 1 : 2;
  else cols = n <= 3 ? 1 : (n <= 6 ? 2 : 3);
  const int rows = (n + cols - 1) / cols;
  const float gap = f.px(24);
  const float area_h = bottom - y;
  const float card_h = std::min(f.px(p.portrait() ? 250 : 280), (area_h - gap * float(rows - 1)) / float(rows));
  const float card_w = (f.width - 2 * m - gap * float(cols - 1)) / float(cols);
  // Fewer rows than fit: centre the block vertically in the area.
  const float block_h = card_h * float(rows) + gap * float(rows - 1);
  y += std::max(0.0f, (area_h - block_h) * 0.35f);
  for (int i = 0; i < n; ++i) {
    const int r = i / cols, c = i % cols;
    // A lone last card in a row of two is centred.
    float x = m + float(c) * (card_w + gap);
    if (r == rows - 1 && n % cols != 0) x += (card_w + gap) * float(cols - n % cols) * 0.5f;
    const float cy = y + float(r) * (card_h + gap);
    draw_card(p, v.buttons[size_t(i)], {{x, cy}, {x + card_w, cy + card_h}});
  }
}

}  // namespace antrian::kiosk::app
