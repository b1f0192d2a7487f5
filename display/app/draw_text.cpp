// Text at a chosen size: the wall plan gives every must-read text its font size.
#include <cfloat>
#include <cmath>

#include "draw.h"

namespace antrian::display::draw {

float width_px(std::string_view text, ImFont* font, float px) {
  if (!font || text.empty()) return 0;
  return font->CalcTextSizeA(px, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

void text_px(ImDrawList* dl, const ui::Rect& r, std::string_view text, ImFont* font, float px, ImU32 color,
             ui::Align align) {
  if (!font || text.empty() || px <= 0) return;
  float w = width_px(text, font, px);
  if (w > r.width() && w > 0) {
    px = std::floor(px * r.width() / w);
    w = width_px(text, font, px);
  }
  float x = r.min.x;
  if (align == ui::Align::center) x = r.center().x - w * 0.5f;
  if (align == ui::Align::right) x = r.max.x - w;
  // Capitals centred, not the line box (which has room for descenders).
  float cap_mid = px * 0.5f;
  if (const ImFontGlyph* h = font->FindGlyphNoFallback('H')) cap_mid = (h->Y0 + h->Y1) * 0.5f * px / font->FontSize;
  dl->AddText(font, px, {std::round(x), std::round(r.center().y - cap_mid)}, color, text.data(), text.data() + text.size());
}

MeasureText measure_with(const ui::FrameInfo& f) {
  ImFont* regular = f.font(ui::FontRole::large);
  ImFont* bold = f.font(ui::FontRole::large_bold);
  return [regular, bold](std::string_view text, float px, bool is_bold) { return width_px(text, is_bold ? bold : regular, px); };
}

}  // namespace antrian::display::draw
