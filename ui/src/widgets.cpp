#include "antrian/ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include "antrian/ui/redraw.h"

namespace antrian::ui {
namespace {

ImVec2 block_size(std::string_view text, ImFont* font, float size) {
  return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size());
}

// Vertical offset that centres capital letters, not the line box (which includes room
// for descenders): a lone "A-017" then sits in the optical middle of its box.
float cap_center_from_top(ImFont* font, float size) {
  const float k = size / font->FontSize;
  if (const ImFontGlyph* h = font->FindGlyphNoFallback('H')) return (h->Y0 + h->Y1) * 0.5f * k;
  return size * 0.5f;
}

}  // namespace

ImVec2 text_size(std::string_view text, ImFont* font) { return block_size(text, font, font->FontSize); }

ImVec2 text_in_rect(ImDrawList* dl, const Rect& rect, std::string_view text, ImFont* font, ImU32 color,
                    Align align, bool shrink_to_fit) {
  if (!font || text.empty()) return {0, 0};
  float size = font->FontSize;
  ImVec2 block = block_size(text, font, size);
  if (shrink_to_fit && block.x > 0 && block.y > 0) {
    const float k = std::min({1.0f, rect.width() / block.x, rect.height() / block.y});
    if (k < 1.0f) {
      size = std::floor(size * k);
      block = block_size(text, font, size);
    }
  }
  const bool single_line = text.find('\n') == std::string_view::npos;
  float y = single_line ? rect.center().y - cap_center_from_top(font, size)
                        : rect.center().y - block.y * 0.5f;
  std::size_t begin = 0;
  while (begin <= text.size()) {
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(begin, end - begin);
    const float w = block_size(line, font, size).x;
    float x = rect.min.x;
    if (align == Align::center) x = rect.center().x - w * 0.5f;
    if (align == Align::right) x = rect.max.x - w;
    dl->AddText(font, size, {std::round(x), std::round(y)}, color, line.data(), line.data() + line.size());
    y += size;
    begin = end + 1;
  }
  return block;
}

// --- status pill -----------------------------------------------------------------

StatusLook status_look(Status status) {
  switch (status) {
    case Status::normal: return {palette::ok, palette::on_ok};
    case Status::degraded: return {palette::warn, palette::on_warn};
    case Status::halted: return {palette::error, palette::on_error};
  }
  return {palette::disabled, palette::on_disabled};
}

std::string_view status_word(Status status, Lang lang) {
  switch (status) {
    case Status::normal: return tr("status.normal", lang);
    case Status::degraded: return tr("status.degraded", lang);
    case Status::halted: return tr("status.halted", lang);
  }
  return tr("common.unknown", lang);
}

namespace {
struct PillMetrics {
  float pad, icon, gap, text_size;
};
PillMetrics pill_metrics(float height, ImFont* font) {
  return {height * 0.4f, height * 0.42f, height * 0.22f, std::min(font->FontSize, height * 0.62f)};
}
}  // namespace

float status_pill_width(float height, std::string_view label, ImFont* font) {
  const PillMetrics m = pill_metrics(height, font);
  return m.pad + m.icon + m.gap + block_size(label, font, m.text_size).x + m.pad;
}

Rect status_pill(ImDrawList* dl, ImVec2 top_left, float height, Status status, std::string_view label,
                 ImFont* font) {
  const PillMetrics m = pill_metrics(height, font);
  const StatusLook look = status_look(status);
  const Rect r{top_left, {top_left.x + status_pill_width(height, label, font), top_left.y + height}};
  dl->AddRectFilled(r.min, r.max, look.fill, height * 0.5f);

  // The shape says the same as the colour: circle = fine, triangle = warning,
  // square = stopped.
  const ImVec2 c{r.min.x + m.pad + m.icon * 0.5f, r.center().y};
  const float s = m.icon * 0.5f;
  switch (status) {
    case Status::normal:
      dl->AddCircleFilled(c, s, look.text, 24);
      break;
    case Status::degraded:
      dl->AddTriangleFilled({c.x, c.y - s}, {c.x + s * 1.1f, c.y + s * 0.9f}, {c.x - s * 1.1f, c.y + s * 0.9f},
                            look.text);
      break;
    case Status::halted:
      dl->AddRectFilled({c.x - s * 0.85f, c.y - s * 0.85f}, {c.x + s * 0.85f, c.y + s * 0.85f}, look.text);
      break;
  }
  const float text_x = r.min.x + m.pad + m.icon + m.gap;
  const float text_y = r.center().y - cap_center_from_top(font, m.text_size);
  dl->AddText(font, m.text_size, {std::round(text_x), std::round(text_y)}, look.text, label.data(),
              label.data() + label.size());
  return r;
}

// --- big touch button ----------------------------------------------------------

bool big_button(const char* id, std::string_view label, ImVec2 size, ImFont* font, bool enabled,
                const ButtonLook& look) {
  const ImVec2 sz{std::max(size.x, kMinTouchPx), std::max(size.y, kMinTouchPx)};
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  if (!enabled) ImGui::BeginDisabled();
  const bool clicked = ImGui::InvisibleButton(id, sz);
  const bool hovered = ImGui::IsItemHovered();
  const bool held = ImGui::IsItemActive();
  if (!enabled) ImGui::EndDisabled();

  ImU32 fill = look.fill, text = look.text;
  if (!enabled) {
    fill = palette::disabled;
    text = palette::on_disabled;
  } else if (held) {
    fill = look.fill_pressed;
  } else if (hovered) {
    fill = look.fill_hovered;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Rect r{pos, {pos.x + sz.x, pos.y + sz.y}};
  dl->AddRectFilled(r.min, r.max, fill, std::min(ImGui::GetStyle().FrameRounding, sz.y * 0.3f));
  // Pressed text moves down a little: feedback a finger can see under itself.
  const float sink = held ? std::max(2.0f, sz.y * 0.02f) : 0.0f;
  const float pad = std::min(sz.x, sz.y) * 0.12f;
  Rect inner = r.inset(pad);
  inner.min.y += sink;
  inner.max.y += sink;
  text_in_rect(dl, inner, label, font, text, Align::center, true);
  return enabled && clicked;
}

// --- banner --------------------------------------------------------------------

void banner(ImDrawList* dl, const Rect& rect, std::string_view text, ImFont* font, ImU32 fill,
            ImU32 text_color, Align align) {
  dl->AddRectFilled(rect.min, rect.max, fill);
  const float pad = rect.height() * 0.25f;
  const Rect inner{{rect.min.x + pad, rect.min.y}, {rect.max.x - pad, rect.max.y}};
  text_in_rect(dl, inner, text, font, text_color, align, true);
}

// --- marquee -------------------------------------------------------------------

void Marquee::draw(const FrameInfo& frame, ImDrawList* dl, const Rect& rect, std::string_view text,
                   ImFont* font, ImU32 color) {
  if (!font) return;
  if (text != text_) {  // new announcement: start from its first word
    text_.assign(text);
    start_ms_ = frame.now_ms;
  }
  MarqueeParams p = params_;
  p.speed_px_s *= frame.scale;
  p.gap_px *= frame.scale;
  const float text_w = block_size(text, font, font->FontSize).x;
  const double elapsed_s = static_cast<double>(frame.now_ms - start_ms_) / 1000.0;
  const MarqueePos pos = marquee_position(elapsed_s, p, text_w, rect.width());

  const float y = std::round(rect.center().y - cap_center_from_top(font, font->FontSize));
  // Whole pixels: a glyph drawn at a fractional x looks blurred and shimmers.
  const float x = rect.min.x - std::floor(pos.offset);
  dl->PushClipRect(rect.min, rect.max, true);
  dl->AddText(font, font->FontSize, {x, y}, color, text.data(), text.data() + text.size());
  if (marquee_overflows(text_w, rect.width()))
    dl->AddText(font, font->FontSize, {x + std::floor(text_w + p.gap_px), y}, color, text.data(),
                text.data() + text.size());
  dl->PopClipRect();

  // Off screen or standing still: no frames. Holding: one frame when it starts moving.
  if (!ImGui::IsRectVisible(rect.min, rect.max)) return;
  if (pos.scrolling()) {
    if (params_.fps > 0)
      request_redraw_at(frame.now_ms + 1000 / params_.fps);
    else
      request_animation_frame();
  } else if (std::isfinite(pos.seconds_until_motion)) {
    request_redraw_at(frame.now_ms + static_cast<std::int64_t>(std::ceil(pos.seconds_until_motion * 1000.0)));
  }
}

}  // namespace antrian::ui
