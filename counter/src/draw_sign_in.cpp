// The sign-in screen: choose the loket (Left/Right), the staff member (Up/Down),
// type the PIN (shown as bullets), Enter.
#include <string>

#include "draw_views.h"
#include "draw_widgets.h"

namespace antrian::counter::gui {

namespace palette = ui::palette;
using ui::FontRole;

void draw_sign_in(const ui::FrameInfo& f, const CounterView& v, float top, std::vector<Intent>& out) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const SignInView& s = v.sign_in;
  const float margin = f.px(40);
  const float w = std::min(f.width - 2 * margin, f.px(1500));
  const float x0 = (f.width - w) * 0.5f;
  float y = top + f.px(30);

  ui::text_in_rect(dl, rect_at(x0, y, w, f.px(70)), tr("counter.signin.title", v.lang), f.font(FontRole::large_bold),
                   palette::text, ui::Align::left, true);
  y += f.px(90);

  // 1. Loket chips in one row.
  caption(dl, {x0, y}, tr("counter.signin.choose_loket", v.lang), f.font(FontRole::body));
  y += f.px(50);
  const float gap = f.px(12);
  const int n = std::max<int>(1, static_cast<int>(s.lokets.size()));
  const float chip_w = (w - gap * static_cast<float>(n - 1)) / static_cast<float>(n);
  const float chip_h = f.px(110);
  for (std::size_t i = 0; i < s.lokets.size(); ++i) {
    const SignInLoketView& l = s.lokets[i];
    const Rect r = rect_at(x0 + static_cast<float>(i) * (chip_w + gap), y, chip_w, chip_h);
    const std::string id = "##loket" + std::to_string(l.number);
    if (choice(id.c_str(), r, "", l.chosen, f.font(FontRole::body)))
      out.push_back(intent_number(Intent::Kind::choose_loket, l.number));
    ui::text_in_rect(dl, {r.min, {r.max.x, r.min.y + chip_h * 0.62f}}, l.name, f.font(FontRole::body_bold), palette::text,
                     ui::Align::center, true);
    const std::string who = l.who.empty() ? std::string(tr("counter_state.closed", v.lang)) : l.who;
    ui::text_in_rect(dl, {{r.min.x + 4, r.min.y + chip_h * 0.55f}, {r.max.x - 4, r.max.y - 4}}, who, f.font(FontRole::small),
                     l.who.empty() ? palette::text_muted : palette::highlight, ui::Align::center, true);
  }
  y += chip_h + f.px(40);

  // 2. Staff list (left) and 3. PIN with the button (right).
  const float col_w = (w - f.px(40)) * 0.5f;
  caption(dl, {x0, y}, tr("counter.signin.choose_staff", v.lang), f.font(FontRole::body));
  caption(dl, {x0 + col_w + f.px(40), y}, tr("counter.signin.pin", v.lang), f.font(FontRole::body));
  y += f.px(50);
  const float row_h = f.px(72);
  float ry = y;
  if (!s.lists_note.empty())
    wrapped_text(dl, {x0, ry}, s.lists_note, f.font(FontRole::body), palette::warn, col_w);
  for (const SignInStaffView& st : s.staff) {
    if (ry + row_h > f.height - f.px(20)) break;
    const std::string id = "##staff_" + st.id;
    std::string text = st.name + "  (" + st.id + ")";
    if (!st.where.empty()) text += "  \xC2\xB7 " + st.where;
    if (choice(id.c_str(), rect_at(x0, ry, col_w, row_h), text, st.chosen, f.font(FontRole::body)))
      out.push_back(intent_text(Intent::Kind::choose_staff, st.id));
    ry += row_h + f.px(8);
  }

  const float px0 = x0 + col_w + f.px(40);
  text_box(dl, rect_at(px0, y, col_w, f.px(90)), s.pin_masked, s.pin_placeholder, f.font(FontRole::large_bold));
  const Rect submit = rect_at(px0, y + f.px(120), col_w, f.px(120));
  if (action_button("##sign_in", s.submit, submit, f.font(FontRole::large_bold), f.font(FontRole::small), true))
    out.push_back(intent_of(Intent::Kind::submit_sign_in));
  const float ny = submit.max.y + f.px(30);
  if (v.notice && notice_bar("##notice", rect_at(px0, ny, col_w, f.px(130)), *v.notice, f.font(FontRole::body_bold),
                             f.font(FontRole::small)))
    out.push_back(intent_of(Intent::Kind::dismiss_notice));
  ui::text_in_rect(dl, rect_at(px0, f.height - f.px(70), col_w, f.px(50)), tr("counter.signin.hint", v.lang),
                   f.font(FontRole::small), palette::text_muted, ui::Align::left, true);
}

}  // namespace antrian::counter::gui
