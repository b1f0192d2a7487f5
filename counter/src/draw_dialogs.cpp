// The transfer and disruption dialogs, drawn in their own ImGui window above the
// console so clicks cannot reach the buttons behind them.
#include <string>

#include "draw_views.h"
#include "draw_widgets.h"

namespace antrian::counter::gui {

namespace palette = ui::palette;
using ui::FontRole;

namespace {

// Begins the dialog window covering the whole screen with a dimmed background;
// returns the panel's rect.
Rect begin_dialog(const ui::FrameInfo& f, float w, float h) {
  ImGui::SetNextWindowPos({0, 0});
  ImGui::SetNextWindowSize({f.width, f.height});
  ImGui::SetNextWindowFocus();
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::Begin("##dialog", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBackground);
  ImGui::PopStyleVar(2);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled({0, 0}, {f.width, f.height}, IM_COL32(0, 0, 0, 150));
  const float pw = std::min(w, f.width - f.px(40)), ph = std::min(h, f.height - f.px(40));
  const Rect r = rect_at((f.width - pw) * 0.5f, (f.height - ph) * 0.5f, pw, ph);
  dl->AddRectFilled(r.min, r.max, palette::surface, f.px(16));
  dl->AddRect(r.min, r.max, palette::surface_hi, f.px(16), 0, 2.0f);
  return r;
}

// Title, the list sections are drawn by the callers; this draws the note/message
// box, the notice, the buttons and the hint along the bottom of the panel.
void dialog_bottom(const ui::FrameInfo& f, const CounterView& v, const Rect& r, const std::string& box_caption,
                   const std::string& text, const std::string& placeholder, const ButtonView& confirm,
                   const ButtonView& cancel, const char* hint_key, std::vector<Intent>& out, bool focused = true) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = f.px(30);
  const float x = r.min.x + pad, w = r.width() - 2 * pad;
  float y = r.max.y - pad - f.px(100) - f.px(24) - f.px(84) - f.px(50) - f.px(110);
  caption(dl, {x, y}, box_caption, f.font(FontRole::body));
  y += f.px(46);
  text_box(dl, rect_at(x, y, w, f.px(84)), text, placeholder, f.font(FontRole::body), focused);
  y += f.px(84) + f.px(14);
  if (v.notice) {
    if (notice_bar("##dialog_notice", rect_at(x, y, w, f.px(96)), *v.notice, f.font(FontRole::body_bold), f.font(FontRole::small)))
      out.push_back(intent_of(Intent::Kind::dismiss_notice));
  } else if (!v.busy_text.empty()) {
    ui::text_in_rect(dl, rect_at(x, y, w, f.px(60)), v.busy_text, f.font(FontRole::body), palette::text_muted, ui::Align::left, true);
  } else {
    ui::text_in_rect(dl, rect_at(x, y, w, f.px(60)), tr(hint_key, v.lang), f.font(FontRole::small), palette::text_muted,
                     ui::Align::left, true);
  }
  const float bw = f.px(340), bh = f.px(100);
  const float by = r.max.y - pad - bh;
  if (action_button("##dialog_cancel", cancel, rect_at(r.max.x - pad - bw, by, bw, bh), f.font(FontRole::body_bold),
                    f.font(FontRole::small)))
    out.push_back(intent_of(Intent::Kind::cancel_dialog));
  if (action_button("##dialog_confirm", confirm, rect_at(r.max.x - pad - 2 * bw - f.px(20), by, bw, bh),
                    f.font(FontRole::body_bold), f.font(FontRole::small), true))
    out.push_back(intent_of(Intent::Kind::confirm_dialog));
}

void draw_transfer(const ui::FrameInfo& f, const CounterView& v, std::vector<Intent>& out) {
  const TransferView& t = v.transfer;
  const Rect r = begin_dialog(f, f.px(1400), f.px(1000));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = f.px(30);
  ui::text_in_rect(dl, rect_at(r.min.x + pad, r.min.y + f.px(20), r.width() - 2 * pad, f.px(70)), t.title,
                   f.font(FontRole::large_bold), palette::text, ui::Align::left, true);
  const float col_w = (r.width() - 3 * pad) * 0.5f;
  const float top = r.min.y + f.px(110);
  caption(dl, {r.min.x + pad, top}, tr("counter.transfer.to_service", v.lang), f.font(FontRole::body));
  caption(dl, {r.min.x + 2 * pad + col_w, top}, tr("counter.transfer.to_loket", v.lang), f.font(FontRole::body));
  const float row_h = f.px(56), gap = f.px(6);
  const float list_bottom = r.max.y - pad - f.px(100) - f.px(24) - f.px(84) - f.px(50) - f.px(110) - f.px(10);
  float y = top + f.px(46);
  for (std::size_t i = 0; i < t.services.size() && y + row_h <= list_bottom; ++i, y += row_h + gap) {
    const std::string id = "##to_service" + std::to_string(i);
    if (choice(id.c_str(), rect_at(r.min.x + pad, y, col_w, row_h), t.services[i].text, t.services[i].chosen, f.font(FontRole::body)))
      out.push_back(intent_number(Intent::Kind::choose_target, static_cast<int64_t>(i)));
  }
  y = top + f.px(46);
  for (std::size_t i = 0; i < t.lokets.size() && y + row_h <= list_bottom; ++i, y += row_h + gap) {
    const std::string id = "##to_loket" + std::to_string(i);
    if (choice(id.c_str(), rect_at(r.min.x + 2 * pad + col_w, y, col_w, row_h), t.lokets[i].text, t.lokets[i].chosen,
               f.font(FontRole::body)))
      out.push_back(intent_number(Intent::Kind::choose_target, static_cast<int64_t>(t.services.size() + i)));
  }
  dialog_bottom(f, v, r, std::string(tr("counter.transfer.note", v.lang)), t.note,
                std::string(tr("counter.transfer.note_placeholder", v.lang)), t.confirm, t.cancel, "counter.transfer.hint", out);
}

void draw_disruption(const ui::FrameInfo& f, const CounterView& v, std::vector<Intent>& out) {
  const DisruptionView& d = v.disruption;
  const Rect r = begin_dialog(f, f.px(1400), f.px(1000));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float pad = f.px(30);
  ui::text_in_rect(dl, rect_at(r.min.x + pad, r.min.y + f.px(20), r.width() - 2 * pad, f.px(70)),
                   tr("counter.disruption.title", v.lang), f.font(FontRole::large_bold), palette::text, ui::Align::left, true);
  const float col_w = (r.width() - 4 * pad) / 3.0f;
  const float top = r.min.y + f.px(110);
  const float row_h = f.px(56), gap = f.px(6);
  const float cx[] = {r.min.x + pad, r.min.x + 2 * pad + col_w, r.min.x + 3 * pad + 2 * col_w};
  caption(dl, {cx[0], top}, tr("counter.disruption.what", v.lang), f.font(FontRole::body));
  caption(dl, {cx[1], top}, tr("counter.disruption.level", v.lang), f.font(FontRole::body));
  caption(dl, {cx[2], top}, tr("counter.disruption.services", v.lang), f.font(FontRole::body));
  float y = top + f.px(46);
  for (std::size_t i = 0; i < d.resources.size(); ++i, y += row_h + gap) {
    const std::string id = "##resource" + std::to_string(i);
    if (choice(id.c_str(), rect_at(cx[0], y, col_w, row_h), d.resources[i].text, d.resources[i].chosen, f.font(FontRole::body)))
      out.push_back(intent_number(Intent::Kind::choose_resource, static_cast<int64_t>(i)));
  }
  y = top + f.px(46);
  const DisruptionLevel levels[] = {DisruptionLevel::degraded, DisruptionLevel::down};
  for (std::size_t i = 0; i < d.levels.size() && i < 2; ++i, y += row_h + gap) {
    const std::string id = "##level" + std::to_string(i);
    if (choice(id.c_str(), rect_at(cx[1], y, col_w, row_h), d.levels[i].text, d.levels[i].chosen, f.font(FontRole::body)))
      out.push_back(intent_level(levels[i]));
  }
  // Under the levels: when it is expected back (minutes or a time, on the hub's clock).
  y += f.px(24);
  caption(dl, {cx[1], y}, tr("counter.disruption.expected", v.lang), f.font(FontRole::small));
  y += f.px(40);
  text_box(dl, rect_at(cx[1], y, col_w, row_h + f.px(8)), d.expected, d.expected_placeholder, f.font(FontRole::body),
           d.expected_focus);
  y = top + f.px(46);
  for (std::size_t i = 0; i < d.services.size(); ++i, y += row_h + gap) {
    const std::string id = "##affected" + std::to_string(i);
    const std::string text = std::string(d.services[i].chosen ? "\xE2\x9C\x93 " : "    ") + d.services[i].text;
    if (choice(id.c_str(), rect_at(cx[2], y, col_w, row_h), text, d.services[i].chosen, f.font(FontRole::body)))
      out.push_back(intent_number(Intent::Kind::toggle_affected, static_cast<int64_t>(i)));
  }
  // What this loket reported on the chosen resource: Enter updates it, F4 clears it.
  const float bw = f.px(340), bh = f.px(100);
  const Rect clear = rect_at(r.min.x + pad, r.max.y - pad - bh, bw, bh);
  if (!d.own.empty()) {  // in the free band above the message box
    const float message_top = r.max.y - pad - f.px(100) - f.px(24) - f.px(84) - f.px(50) - f.px(110);
    wrapped_text(dl, {r.min.x + pad, message_top - f.px(100)}, d.own, f.font(FontRole::body), palette::highlight,
                 r.width() - 2 * pad);
  }
  if (action_button("##dialog_clear", d.clear, clear, f.font(FontRole::body_bold), f.font(FontRole::small)))
    out.push_back(intent_of(Intent::Kind::clear_disruption));
  dialog_bottom(f, v, r, std::string(tr("counter.disruption.message", v.lang)), d.message, d.message_placeholder,
                d.confirm, d.cancel, "counter.disruption.hint", out, !d.expected_focus);
}

}  // namespace

void draw_dialog(const ui::FrameInfo& f, const CounterView& v, std::vector<Intent>& out) {
  if (v.dialog == DialogKind::none) return;
  if (v.dialog == DialogKind::transfer) draw_transfer(f, v, out);
  else draw_disruption(f, v, out);
  ImGui::End();
}

}  // namespace antrian::counter::gui
