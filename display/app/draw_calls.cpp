// The calls: the newest one very large, and pages of the latest call of every loket.
#include "antrian/strings.h"
#include "draw.h"

namespace antrian::display::draw {
namespace {

using ui::Align;
using ui::FontRole;
namespace palette = ui::palette;

}  // namespace

void newest_call(ImDrawList* dl, const ui::FrameInfo& f, const WallPlan& p, const DisplayView& v, bool blink_on) {
  const bool hi = v.newest && v.newest->highlighted;
  // Fresh calls blink between the two accent colours for the highlight time; the
  // number stays readable in both (dark on amber, amber on blue).
  const ImU32 fill = hi ? (blink_on ? palette::highlight : palette::accent) : palette::surface;
  const ImU32 number = hi && blink_on ? palette::text_dark : palette::highlight;
  const ImU32 text = hi && blink_on ? palette::text_dark : palette::text;
  const ui::Rect outer = rect(p.layout.newest).inset(p.pad * 0.5f);
  dl->AddRectFilled(outer.min, outer.max, fill, f.px(18));
  const NewestPlan& n = p.newest;
  const float label_px = n.label.h * 0.75f;
  text_px(dl, rect(n.label), tr("display.now_calling", f.lang), f.font(FontRole::large), label_px, text, Align::center);
  if (!v.newest) {
    text_px(dl, rect(n.number), tr("display.no_calls", f.lang), f.font(FontRole::large), label_px, palette::text_muted,
            Align::center);
    return;
  }
  const NewestCall& c = *v.newest;
  text_px(dl, rect(n.number), c.label, f.font(FontRole::huge), n.number_px, number, Align::center);
  text_px(dl, rect(n.loket), c.loket_name, f.font(FontRole::large_bold), p.reading_px, text, Align::center);
  const std::string under = c.recall_text.empty() ? c.service_name : c.service_name + " \xC2\xB7 " + c.recall_text;
  text_px(dl, rect(n.service), under, f.font(FontRole::large_bold), n.service.h * 0.7f, text, Align::center);
}

void loket_page(ImDrawList* dl, const ui::FrameInfo& f, const WallPlan& p, const DisplayView& v, const PanePage& page) {
  const Box& in = p.pane_inner;
  const float gap = std::round(p.reading_px * 0.4f);
  for (std::size_t row = 0; row < page.items.size(); ++row) {
    const LoketTile& t = v.lokets[page.items[row]];
    const ui::Rect r{{in.x, in.y + row * p.line_px}, {in.x + in.w, in.y + (row + 1) * p.line_px}};
    const ui::Rect tile = r.inset(p.line_px * 0.04f);
    dl->AddRectFilled(tile.min, tile.max, t.fresh ? palette::accent : palette::surface, f.px(12));
    const ui::Rect left{{tile.min.x + gap * 0.5f, tile.min.y}, {tile.center().x - gap * 0.5f, tile.max.y}};
    const ui::Rect right{{tile.center().x + gap * 0.5f, tile.min.y}, {tile.max.x - gap * 0.5f, tile.max.y}};
    text_px(dl, left, t.name, f.font(FontRole::large_bold), p.reading_px, t.open ? palette::text : palette::text_muted,
            Align::left);
    if (t.has_call) {
      text_px(dl, right, t.label, f.font(FontRole::large_bold), p.reading_px, t.fresh ? palette::text : palette::highlight,
              Align::right);
      if (!t.recall_text.empty()) {  // a small mark under the number
        const ui::Rect mark{{right.min.x, tile.max.y - p.caption_px * 0.55f}, {right.max.x, tile.max.y}};
        text_px(dl, mark, t.recall_text, f.font(FontRole::large), p.caption_px * 0.4f, palette::warn, Align::right);
      }
    } else {
      text_px(dl, right, t.state_text.empty() ? "-" : t.state_text, f.font(FontRole::large_bold), p.reading_px,
              palette::text_muted, Align::right);
    }
  }
}

}  // namespace antrian::display::draw
