// The header and the console: the held ticket, the action grid, the notice line,
// the waiting list, the services' status and today's figures.
#include <algorithm>
#include <string>

#include "draw_views.h"
#include "draw_widgets.h"

namespace antrian::counter::gui {

namespace palette = ui::palette;
using ui::FontRole;

float draw_header(const ui::FrameInfo& f, const CounterView& v, std::vector<Intent>& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float h = f.px(110);
  dl->AddRectFilled({0, 0}, {f.width, h}, palette::header);
  const float pad = f.px(24);
  // Left: office, then loket and staff (or the program's name before sign-in).
  caption(dl, {pad, f.px(10)}, v.header.office, f.font(FontRole::small));
  std::string who = v.header.loket.empty() ? std::string(tr("counter.title", v.lang))
                                           : v.header.loket + "  \xC2\xB7  " + v.header.staff;
  ui::text_in_rect(dl, rect_at(pad, f.px(40), f.width * 0.42f, f.px(62)), who, f.font(FontRole::large_bold), palette::text,
                   ui::Align::left, true);

  // Right: language and sign-out buttons, then the clock, then the connection.
  float x = f.width - pad;
  const float bh = f.px(84), by = (h - bh) * 0.5f;
  if (v.mode == Mode::console) {
    const float bw = f.px(200);
    x -= bw;
    if (action_button("##sign_out", v.sign_out_button, rect_at(x, by, bw, bh), f.font(FontRole::body_bold), f.font(FontRole::small)))
      out.push_back(intent_trigger(Action::sign_out));
    x -= f.px(14);
  }
  const float lw = f.px(200);
  x -= lw;
  if (action_button("##lang", v.lang_button, rect_at(x, by, lw, bh), f.font(FontRole::body_bold), f.font(FontRole::small)))
    out.push_back(intent_trigger(Action::toggle_lang));
  x -= f.px(24);
  const float cw = f.px(330);
  x -= cw;
  ui::text_in_rect(dl, rect_at(x, f.px(8), cw, f.px(56)), v.header.clock, f.font(FontRole::large_bold), palette::highlight,
                   ui::Align::right, true);
  ui::text_in_rect(dl, rect_at(x, f.px(66), cw, f.px(36)), v.header.date, f.font(FontRole::small), palette::text_muted,
                   ui::Align::right, true);
  // Connection and loket state as pills (shape and word, not colour alone).
  const float ph = f.px(52);
  x -= f.px(20);
  const ui::Status conn = v.connection.ok ? ui::Status::normal : ui::Status::halted;
  float pw = ui::status_pill_width(ph, v.connection.text, f.font(FontRole::body_bold));
  x -= pw;
  ui::status_pill(dl, {x, (h - ph) * 0.5f}, ph, conn, v.connection.text, f.font(FontRole::body_bold));
  if (!v.header.state.empty()) {
    const ui::Status st = v.header.counter_state == CounterState::open     ? ui::Status::normal
                          : v.header.counter_state == CounterState::paused ? ui::Status::degraded
                                                                           : ui::Status::halted;
    pw = ui::status_pill_width(ph, v.header.state, f.font(FontRole::body_bold));
    x -= pw + f.px(14);
    ui::status_pill(dl, {x, (h - ph) * 0.5f}, ph, st, v.header.state, f.font(FontRole::body_bold));
  }
  float y = h;
  if (!v.connection.banner.empty()) {
    const float bh2 = f.px(64);
    ui::banner(dl, rect_at(0, y, f.width, bh2), v.connection.banner, f.font(FontRole::body_bold),
               v.connection.text.empty() ? palette::error : (v.connection.ok ? palette::warn : palette::error), palette::text);
    y += bh2;
  }
  return y;
}

namespace {

void draw_current(const ui::FrameInfo& f, const CounterView& v, const Rect& r) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  panel(dl, r);
  const CurrentTicketView& c = v.current;
  const float pad = f.px(24);
  caption(dl, {r.min.x + pad, r.min.y + f.px(14)}, tr("counter.current.title", v.lang), f.font(FontRole::body));
  if (!c.present) {
    ui::text_in_rect(dl, r.inset(pad), c.empty_text, f.font(FontRole::large), palette::text_muted, ui::Align::center, true);
    return;
  }
  // State pill at the top right.
  const float ph = f.px(52);
  const ui::Status st = c.state == TicketState::serving ? ui::Status::normal : ui::Status::degraded;
  const float pw = ui::status_pill_width(ph, c.state_text, f.font(FontRole::body_bold));
  ui::status_pill(dl, {r.max.x - pad - pw, r.min.y + f.px(12)}, ph, st, c.state_text, f.font(FontRole::body_bold));

  const float left_w = r.width() * 0.48f;
  const Rect number{{r.min.x + pad, r.min.y + f.px(60)}, {r.min.x + left_w, r.max.y - f.px(70)}};
  ui::text_in_rect(dl, number, c.label, f.font(FontRole::huge), palette::highlight, ui::Align::center, true);
  ui::text_in_rect(dl, {{r.min.x + pad, r.max.y - f.px(70)}, {r.min.x + left_w, r.max.y - f.px(16)}}, c.service,
                   f.font(FontRole::body_bold), palette::text, ui::Align::center, true);

  const float x = r.min.x + left_w + pad;
  const float w = r.max.x - pad - x;
  float y = r.min.y + f.px(70);
  if (!c.priority.empty()) {
    const Rect tag = rect_at(x, y, std::min(w, ui::text_size(c.priority, f.font(FontRole::body_bold)).x + f.px(40)), f.px(50));
    dl->AddRectFilled(tag.min, tag.max, palette::warn, f.px(10));
    ui::text_in_rect(dl, tag, c.priority, f.font(FontRole::body_bold), palette::on_warn, ui::Align::center, true);
    y += f.px(64);
  }
  ui::text_in_rect(dl, rect_at(x, y, w, f.px(44)), c.waited, f.font(FontRole::body), palette::text, ui::Align::left, true);
  y += f.px(56);
  caption(dl, {x, y}, c.timer_caption, f.font(FontRole::body));
  y += f.px(44);
  ui::text_in_rect(dl, rect_at(x, y, w, f.px(80)), c.timer, f.font(FontRole::large_bold), palette::text, ui::Align::left, true);
  y += f.px(76);
  if (!c.recalls.empty()) {
    ui::text_in_rect(dl, rect_at(x, y, w, f.px(40)), c.recalls, f.font(FontRole::small), palette::highlight, ui::Align::left, true);
    y += f.px(42);
  }
  if (!c.note.empty())
    ui::text_in_rect(dl, rect_at(x, y, w, std::max(f.px(40), r.max.y - y - f.px(10))), c.note, f.font(FontRole::small),
                     palette::text_muted, ui::Align::left, true);
}

void draw_actions(const ui::FrameInfo& f, const CounterView& v, const Rect& r, std::vector<Intent>& out) {
  const int cols = 3;
  const int rows = static_cast<int>((v.actions.size() + cols - 1) / cols);
  const float gap = f.px(14);
  const float bw = (r.width() - gap * (cols - 1)) / cols;
  const float bh = (r.height() - gap * static_cast<float>(rows - 1)) / static_cast<float>(std::max(1, rows));
  const std::size_t full = v.actions.size() / cols * cols;  // buttons in complete rows
  for (std::size_t i = 0; i < v.actions.size(); ++i) {
    const ButtonView& b = v.actions[i];
    // A last row with fewer buttons shares the whole width.
    const std::size_t in_row = i < full ? cols : v.actions.size() - full;
    const float w = (r.width() - gap * static_cast<float>(in_row - 1)) / static_cast<float>(in_row);
    const float x = r.min.x + static_cast<float>(i % cols) * (w + gap);
    const float y = r.min.y + static_cast<float>(i / cols) * (bh + gap);
    const std::string id = "##action_" + std::string(action_name(b.action));
    if (action_button(id.c_str(), b, rect_at(x, y, i < full ? bw : w, bh), f.font(FontRole::body_bold), f.font(FontRole::small),
                      b.action == Action::call_next))
      out.push_back(intent_trigger(b.action));
  }
}

void draw_waiting(const ui::FrameInfo& f, const CounterView& v, const Rect& r, std::vector<Intent>& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  panel(dl, r);
  const float pad = f.px(20);
  ui::text_in_rect(dl, rect_at(r.min.x + pad, r.min.y + f.px(8), r.width() * 0.5f, f.px(52)), v.waiting_title,
                   f.font(FontRole::body_bold), palette::text, ui::Align::left, true);
  ui::text_in_rect(dl, rect_at(r.min.x + r.width() * 0.45f, r.min.y + f.px(8), r.width() * 0.55f - pad, f.px(52)),
                   tr("counter.waiting.hint", v.lang), f.font(FontRole::small), palette::text_muted, ui::Align::right, true);
  // Columns: number, service, priority, waited, estimate.
  const float x0 = r.min.x + pad, w = r.width() - 2 * pad;
  const float cx[] = {x0, x0 + w * 0.20f, x0 + w * 0.34f, x0 + w * 0.60f, x0 + w * 0.80f, x0 + w};
  const char* heads[] = {"counter.waiting.col_number", "counter.waiting.col_service", "counter.waiting.col_priority",
                         "counter.waiting.col_waited", "counter.waiting.col_eta"};
  const float hy = r.min.y + f.px(64);
  for (int i = 0; i < 5; ++i)
    ui::text_in_rect(dl, {{cx[i] + 4, hy}, {cx[i + 1] - 4, hy + f.px(36)}}, tr(heads[i], v.lang), f.font(FontRole::small),
                     palette::text_muted, ui::Align::left, true);
  const float list_top = hy + f.px(42);
  const Rect list{{x0, list_top}, {x0 + w, r.max.y - pad * 0.5f}};
  if (v.waiting.empty()) {
    ui::text_in_rect(dl, list, v.waiting_empty, f.font(FontRole::body), palette::text_muted, ui::Align::center, true);
    return;
  }
  // A child window scrolls the rows (mouse wheel; the selection keeps itself in view).
  ImGui::SetCursorScreenPos(list.min);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {0, 0});
  ImGui::PushStyleColor(ImGuiCol_ChildBg, 0);
  ImGui::BeginChild("##waiting_rows", {list.width(), list.height()}, false, ImGuiWindowFlags_NoScrollbar);
  ImDrawList* cdl = ImGui::GetWindowDrawList();
  const float row_h = f.px(54);
  const float top = ImGui::GetCursorScreenPos().y;
  for (std::size_t i = 0; i < v.waiting.size(); ++i) {
    const WaitingRowView& row = v.waiting[i];
    const float y = top + static_cast<float>(i) * row_h;
    ImGui::SetCursorScreenPos({x0, y});
    const std::string id = "##row" + std::to_string(row.id);
    if (ImGui::InvisibleButton(id.c_str(), {w, row_h - 2}))
      out.push_back(intent_number(Intent::Kind::select_ticket, row.id));
    const bool hovered = ImGui::IsItemHovered();
    if (row.selected) {
      cdl->AddRectFilled({x0, y}, {x0 + w, y + row_h - 2}, palette::accent, 6.0f);
      cdl->AddRect({x0, y}, {x0 + w, y + row_h - 2}, palette::highlight, 6.0f, 0, 2.0f);
      if (v.selected_row == static_cast<int>(i) && !ImGui::IsItemVisible()) ImGui::SetScrollHereY(0.5f);
    } else if (hovered) {
      cdl->AddRectFilled({x0, y}, {x0 + w, y + row_h - 2}, palette::surface_hi, 6.0f);
    } else if (i % 2 == 1) {
      cdl->AddRectFilled({x0, y}, {x0 + w, y + row_h - 2}, IM_COL32(255, 255, 255, 10), 6.0f);
    }
    const ImU32 col = row.halted ? palette::text_muted : palette::text;
    std::string number = row.label;
    if (row.for_this_loket) number += " \xE2\x86\x92";  // arrow: sent to this loket by name
    const float ty = y, th = row_h - 2;
    ui::text_in_rect(cdl, {{cx[0] + 8, ty}, {cx[1] - 4, ty + th}}, number, f.font(FontRole::body_bold),
                     row.is_priority ? palette::highlight : col, ui::Align::left, true);
    ui::text_in_rect(cdl, {{cx[1] + 4, ty}, {cx[2] - 4, ty + th}}, row.service, f.font(FontRole::body), col, ui::Align::left, true);
    if (row.is_priority) {
      const float tw = std::min(cx[3] - cx[2] - 8, ui::text_size(row.priority, f.font(FontRole::small)).x + f.px(24));
      const Rect tag{{cx[2] + 4, ty + th * 0.18f}, {cx[2] + 4 + tw, ty + th * 0.82f}};
      cdl->AddRectFilled(tag.min, tag.max, palette::warn, 6.0f);
      ui::text_in_rect(cdl, tag, row.priority, f.font(FontRole::small), palette::on_warn, ui::Align::center, true);
    }
    ui::text_in_rect(cdl, {{cx[3] + 4, ty}, {cx[4] - 4, ty + th}}, row.waited, f.font(FontRole::body), col, ui::Align::left, true);
    ui::text_in_rect(cdl, {{cx[4] + 4, ty}, {cx[5] - 8, ty + th}}, row.eta, f.font(FontRole::body), col, ui::Align::left, true);
  }
  ImGui::SetCursorScreenPos({x0, top + static_cast<float>(v.waiting.size()) * row_h});
  ImGui::Dummy({1, 1});
  ImGui::EndChild();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

// Width of a disruption message line in a services panel of this width.
float message_width(const ui::FrameInfo& f, float panel_width) { return panel_width - f.px(40) - f.px(24); }

// Height the services panel needs (messages wrap).
float services_height(const ui::FrameInfo& f, const CounterView& v, float width) {
  float h = f.px(64);
  const float msg_w = message_width(f, width);
  for (const ServiceRowView& s : v.services) {
    h += f.px(62);
    for (const std::string& msg : s.messages) h += wrapped_height(msg, f.font(FontRole::small), msg_w) + f.px(8);
  }
  return h + f.px(10);
}

void draw_services(const ui::FrameInfo& f, const CounterView& v, const Rect& r) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  panel(dl, r);
  const float pad = f.px(20);
  caption(dl, {r.min.x + pad, r.min.y + f.px(12)}, tr("counter.services.title", v.lang), f.font(FontRole::body_bold), palette::text);
  float y = r.min.y + f.px(64);
  const float x = r.min.x + pad, w = r.width() - 2 * pad;
  for (const ServiceRowView& s : v.services) {
    const float ph = f.px(48);
    const float pw = ui::status_pill_width(ph, s.status_text, f.font(FontRole::body_bold));
    // Columns: name, waiting count, status pill (right-aligned, as wide as it needs).
    const float pill_x = x + w - pw;
    const float count_w = f.px(190);
    ui::text_in_rect(dl, rect_at(x, y, pill_x - count_w - f.px(16) - x, ph), s.code + "  " + s.name,
                     f.font(FontRole::body_bold), palette::text, ui::Align::left, true);
    ui::text_in_rect(dl, rect_at(pill_x - count_w - f.px(12), y, count_w, ph), s.waiting, f.font(FontRole::body),
                     palette::text, ui::Align::right, true);
    ui::status_pill(dl, {pill_x, y}, ph, to_status(s.status), s.status_text, f.font(FontRole::body_bold));
    y += f.px(62);
    const float msg_w = message_width(f, r.width());
    for (const std::string& msg : s.messages) {
      wrapped_text(dl, {x + f.px(24), y - f.px(6)}, msg, f.font(FontRole::small), palette::highlight, msg_w);
      y += wrapped_height(msg, f.font(FontRole::small), msg_w) + f.px(8);
    }
  }
}

void draw_figures(const ui::FrameInfo& f, const CounterView& v, const Rect& r) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  panel(dl, r);
  const float pad = f.px(20);
  caption(dl, {r.min.x + pad, r.min.y + f.px(10)}, tr("counter.figures.title", v.lang), f.font(FontRole::body_bold), palette::text);
  const float cw = (r.width() - 2 * pad) / static_cast<float>(std::max<std::size_t>(1, v.figures.size()));
  for (std::size_t i = 0; i < v.figures.size(); ++i) {
    const float x = r.min.x + pad + static_cast<float>(i) * cw;
    ui::text_in_rect(dl, rect_at(x, r.min.y + f.px(56), cw - f.px(10), f.px(60)), v.figures[i].value,
                     f.font(FontRole::large_bold), palette::highlight, ui::Align::left, true);
    ui::text_in_rect(dl, rect_at(x, r.min.y + f.px(118), cw - f.px(10), f.px(36)), v.figures[i].caption,
                     f.font(FontRole::small), palette::text_muted, ui::Align::left, true);
  }
}

}  // namespace

void draw_console(const ui::FrameInfo& f, const CounterView& v, float top, std::vector<Intent>& out) {
  const float pad = f.px(24);
  const float left_w = (f.width - 3 * pad) * 0.54f;
  const float right_x = pad * 2 + left_w;
  const float right_w = f.width - pad - right_x;
  const float bottom = f.height - pad;

  // Left: the held ticket, the actions, the notice.
  const float y0 = top + pad;
  const Rect current = rect_at(pad, y0, left_w, f.px(360));
  draw_current(f, v, current);
  const float notice_h = f.px(104);
  const Rect actions{{pad, current.max.y + pad}, {pad + left_w, bottom - notice_h - pad}};
  draw_actions(f, v, actions, out);
  const Rect notice = rect_at(pad, bottom - notice_h, left_w, notice_h);
  if (v.notice) {
    if (notice_bar("##notice", notice, *v.notice, f.font(FontRole::body_bold), f.font(FontRole::small)))
      out.push_back(intent_of(Intent::Kind::dismiss_notice));
  } else if (!v.busy_text.empty()) {
    ui::text_in_rect(ImGui::GetWindowDrawList(), notice, v.busy_text, f.font(FontRole::body), palette::text_muted,
                     ui::Align::left, true);
  }

  // Right: figures at the bottom, services above them, the waiting list takes the rest.
  const Rect figures = rect_at(right_x, bottom - f.px(170), right_w, f.px(170));
  draw_figures(f, v, figures);
  const float sh = services_height(f, v, right_w);
  const Rect services = rect_at(right_x, figures.min.y - pad - sh, right_w, sh);
  draw_services(f, v, services);
  draw_waiting(f, v, {{right_x, y0}, {right_x + right_w, services.min.y - pad}}, out);
}

}  // namespace antrian::counter::gui
