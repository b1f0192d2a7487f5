// The calls: the newest one very large, and the latest call of every loket.
#include "draw.h"

#include "antrian/strings.h"

namespace antrian::display::draw {
namespace {

using ui::Align;
using ui::FontRole;
namespace palette = ui::palette;

}  // namespace

void newest_call(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v, bool blink_on) {
  const ui::Rect outer = rect(box).inset(f.px(14));
  const bool hi = v.newest && v.newest->highlighted;
  // Fresh calls blink between the two accent colours for the highlight time; the
  // number stays readable in both (dark on amber, amber on blue).
  const ImU32 fill = hi ? (blink_on ? palette::highlight : palette::accent) : palette::surface;
  const ImU32 number = hi && blink_on ? palette::text_dark : palette::highlight;
  const ImU32 text = hi && blink_on ? palette::text_dark : palette::text;
  dl->AddRectFilled(outer.min, outer.max, fill, f.px(18));
  const ui::Rect r = outer.inset(f.px(18));

  ui::text_in_rect(dl, part(r, 0, 0, 1, 0.13f), tr("display.now_calling", f.lang), f.font(FontRole::large), text,
                   Align::center);
  if (!v.newest) {
    ui::text_in_rect(dl, part(r, 0, 0.3f, 1, 0.6f), tr("display.no_calls", f.lang), f.font(FontRole::large_bold),
                     palette::text_muted, Align::center);
    return;
  }
  const NewestCall& n = *v.newest;
  ui::text_in_rect(dl, part(r, 0, 0.14f, 1, 0.60f), n.label, f.font(FontRole::huge), number, Align::center);
  ui::text_in_rect(dl, part(r, 0, 0.60f, 1, 0.68f), tr("display.go_to", f.lang), f.font(FontRole::body), text,
                   Align::center);
  ui::text_in_rect(dl, part(r, 0, 0.68f, 1, 0.84f), n.loket_name, f.font(FontRole::huge), text, Align::center);
  ui::text_in_rect(dl, part(r, 0, 0.85f, 1, 0.93f), n.service_name, f.font(FontRole::body_bold), text, Align::center);
  if (!n.recall_text.empty())
    ui::text_in_rect(dl, part(r, 0, 0.93f, 1, 1.0f), n.recall_text, f.font(FontRole::body), text, Align::center);
}

void loket_board(ImDrawList* dl, const ui::FrameInfo& f, const Box& box, const DisplayView& v) {
  const float gap = f.px(12);
  const Box area{box.x + gap, box.y + f.px(14), box.w - 2 * gap, box.h - f.px(14)};
  if (v.lokets.empty()) return;
  const Grid g = tile_grid(static_cast<int>(v.lokets.size()), area.w, area.h);
  for (std::size_t i = 0; i < v.lokets.size(); ++i) {
    const LoketTile& t = v.lokets[i];
    const ui::Rect tile = rect(tile_box(area, g, static_cast<int>(i), gap));
    const ImU32 fill = t.fresh ? palette::accent : palette::surface;
    dl->AddRectFilled(tile.min, tile.max, fill, f.px(12));
    const ui::Rect r = tile.inset(std::min(tile.height(), tile.width()) * 0.08f);
    const ImU32 muted = t.fresh ? palette::text : palette::text_muted;

    // Left: "Loket" over its number, and its state when it is not open.
    const ui::Rect left = part(r, 0, 0, 0.22f, 1);
    ui::text_in_rect(dl, part(left, 0, 0, 1, 0.26f), tr("display.loket_word", f.lang), f.font(FontRole::body), muted,
                     Align::center);
    ui::text_in_rect(dl, part(left, 0, 0.26f, 1, t.state_text.empty() ? 1.0f : 0.78f), std::to_string(t.number),
                     f.font(FontRole::huge), t.open ? palette::text : palette::text_muted, Align::center);
    if (!t.state_text.empty())
      ui::text_in_rect(dl, part(left, 0, 0.78f, 1, 1), t.state_text, f.font(FontRole::small), palette::text_muted,
                       Align::center);
    dl->AddLine({left.max.x + r.width() * 0.02f, r.min.y}, {left.max.x + r.width() * 0.02f, r.max.y},
                t.fresh ? palette::accent_hi : palette::surface_hi, f.px(2));

    // Right: the ticket called here last, big; under it the recall mark and the
    // tickets called before it.
    const ui::Rect right = part(r, 0.26f, 0, 1, 1);
    if (!t.has_call) {
      ui::text_in_rect(dl, part(right, 0, 0, 1, 0.72f), "-", f.font(FontRole::huge), palette::text_muted, Align::center);
      continue;
    }
    ui::text_in_rect(dl, part(right, 0, 0, 1, 0.72f), t.label, f.font(FontRole::huge),
                     t.fresh ? palette::text : palette::highlight, Align::center);
    ui::Rect bottom = part(right, 0, 0.76f, 1, 1);
    if (!t.recall_text.empty()) {
      ImFont* font = f.font(FontRole::small);
      const float w = std::min(bottom.width() * 0.5f, ui::text_size(t.recall_text, font).x + bottom.height() * 0.8f);
      const ui::Rect mark{bottom.min, {bottom.min.x + w, bottom.max.y}};
      dl->AddRectFilled(mark.min, mark.max, palette::warn, mark.height() * 0.5f);
      ui::text_in_rect(dl, mark, t.recall_text, font, palette::on_warn, Align::center);
      bottom.min.x = mark.max.x + bottom.height() * 0.4f;
    }
    if (!t.previous_text.empty())
      ui::text_in_rect(dl, bottom, t.previous_text, f.font(FontRole::small), muted,
                       t.recall_text.empty() ? Align::center : Align::left);
  }
}

}  // namespace antrian::display::draw
