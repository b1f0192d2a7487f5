#include "draw_widgets.h"

#include <algorithm>
#include <cfloat>

namespace antrian::counter::gui {

namespace palette = ui::palette;

ui::Status to_status(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::normal: return ui::Status::normal;
    case ServiceStatus::degraded: return ui::Status::degraded;
    case ServiceStatus::halted: return ui::Status::halted;
  }
  return ui::Status::normal;
}

ImU32 notice_fill(Notice::Kind kind) {
  switch (kind) {
    case Notice::Kind::info: return palette::surface_hi;
    case Notice::Kind::success: return palette::ok;
    case Notice::Kind::warning: return palette::warn;
    case Notice::Kind::error: return palette::error;
  }
  return palette::surface_hi;
}

ImU32 notice_text(Notice::Kind kind) { return kind == Notice::Kind::warning ? palette::on_warn : palette::text; }

void panel(ImDrawList* dl, const Rect& r, ImU32 fill) {
  dl->AddRectFilled(r.min, r.max, fill, std::min(12.0f, r.height() * 0.1f));
}

float wrapped_height(std::string_view text, ImFont* font, float width) {
  return font->CalcTextSizeA(font->FontSize, FLT_MAX, width, text.data(), text.data() + text.size()).y;
}

void wrapped_text(ImDrawList* dl, ImVec2 pos, std::string_view text, ImFont* font, ImU32 color, float width) {
  dl->AddText(font, font->FontSize, pos, color, text.data(), text.data() + text.size(), width);
}

void caption(ImDrawList* dl, ImVec2 at, std::string_view text, ImFont* font, ImU32 color) {
  dl->AddText(font, font->FontSize, at, color, text.data(), text.data() + text.size());
}

bool action_button(const char* id, const ButtonView& b, const Rect& r, ImFont* label_font, ImFont* key_font,
                   bool primary) {
  ImGui::SetCursorScreenPos(r.min);
  const ImVec2 size{std::max(1.0f, r.width()), std::max(1.0f, r.height())};
  if (!b.enabled) ImGui::BeginDisabled();
  const bool clicked = ImGui::InvisibleButton(id, size);
  const bool hovered = ImGui::IsItemHovered();
  const bool held = ImGui::IsItemActive();
  if (!b.enabled) ImGui::EndDisabled();
  if (!b.enabled && !b.why.empty() && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
    ImGui::BeginTooltip();
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 24);
    ImGui::TextUnformatted(b.why.c_str());
    ImGui::PopTextWrapPos();
    ImGui::EndTooltip();
  }

  ImU32 fill = primary ? palette::ok : palette::accent;
  ImU32 text = palette::text;
  if (!b.enabled) {
    fill = palette::disabled;
    text = palette::on_disabled;
  } else if (held) {
    fill = palette::accent_pressed;
  } else if (hovered) {
    fill = palette::accent_hi;
  }
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float rounding = std::min(12.0f, r.height() * 0.15f);
  dl->AddRectFilled(r.min, r.max, fill, rounding);

  // The key chip: light with dark text, so it reads as a key cap on any fill.
  const float pad = std::max(4.0f, r.height() * 0.12f);
  const float chip_h = key_font->FontSize * 1.35f;
  const float chip_w = std::max(chip_h * 1.3f, ui::text_size(b.shortcut, key_font).x + chip_h * 0.6f);
  const Rect chip{{r.min.x + pad, r.min.y + pad}, {r.min.x + pad + chip_w, r.min.y + pad + chip_h}};
  dl->AddRectFilled(chip.min, chip.max, b.enabled ? palette::text : palette::on_disabled, chip_h * 0.25f);
  ui::text_in_rect(dl, chip, b.shortcut, key_font, palette::text_dark, ui::Align::center, true);
  const Rect label{{r.min.x + pad, chip.max.y}, {r.max.x - pad, r.max.y - pad * 0.5f}};
  ui::text_in_rect(dl, label, b.label, label_font, text, ui::Align::center, true);
  return b.enabled && clicked;
}

bool choice(const char* id, const Rect& r, std::string_view text, bool chosen, ImFont* font, ui::Align align) {
  ImGui::SetCursorScreenPos(r.min);
  const bool clicked = ImGui::InvisibleButton(id, {std::max(1.0f, r.width()), std::max(1.0f, r.height())});
  const bool hovered = ImGui::IsItemHovered();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 fill = chosen ? palette::accent : hovered ? palette::surface_hi : palette::surface;
  dl->AddRectFilled(r.min, r.max, fill, std::min(10.0f, r.height() * 0.2f));
  if (chosen) dl->AddRect(r.min, r.max, palette::highlight, std::min(10.0f, r.height() * 0.2f), 0, 2.0f);
  const float pad = r.height() * 0.3f;
  ui::text_in_rect(dl, {{r.min.x + pad, r.min.y}, {r.max.x - pad, r.max.y}}, text, font, palette::text, align, true);
  return clicked;
}

void text_box(ImDrawList* dl, const Rect& r, std::string_view text, std::string_view placeholder, ImFont* font,
              bool focused) {
  dl->AddRectFilled(r.min, r.max, palette::background, 8.0f);
  // Only the box typing goes to has the bright frame and the caret.
  dl->AddRect(r.min, r.max, focused ? palette::highlight : palette::surface_hi, 8.0f, 0, 2.0f);
  if (!focused) {
    const float pad = r.height() * 0.25f;
    ui::text_in_rect(dl, {{r.min.x + pad, r.min.y}, {r.max.x - pad, r.max.y}}, text.empty() ? placeholder : text, font,
                     text.empty() ? palette::text_muted : palette::text, ui::Align::left, true);
    return;
  }
  const float pad = r.height() * 0.25f;
  const Rect inner{{r.min.x + pad, r.min.y}, {r.max.x - pad, r.max.y}};
  if (text.empty()) {
    ui::text_in_rect(dl, inner, placeholder, font, palette::text_muted, ui::Align::left, true);
    dl->AddRectFilled({inner.min.x, r.min.y + pad}, {inner.min.x + 2, r.max.y - pad}, palette::highlight);
    return;
  }
  // Long text: show its end, where typing happens.
  dl->PushClipRect(inner.min, inner.max, true);
  const float w = ui::text_size(text, font).x;
  const float x = std::min(inner.min.x, inner.max.x - w - 6);
  const float y = r.center().y - font->FontSize * 0.5f;
  dl->AddText(font, font->FontSize, {x, y}, palette::text, text.data(), text.data() + text.size());
  dl->AddRectFilled({x + w + 2, r.min.y + pad}, {x + w + 4, r.max.y - pad}, palette::highlight);
  dl->PopClipRect();
}

bool notice_bar(const char* id, const Rect& r, const NoticeView& n, ImFont* font, ImFont* detail_font) {
  ImGui::SetCursorScreenPos(r.min);
  const bool clicked = ImGui::InvisibleButton(id, {std::max(1.0f, r.width()), std::max(1.0f, r.height())});
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(r.min, r.max, notice_fill(n.kind), 10.0f);
  const float pad = std::min(r.height() * 0.2f, 16.0f);
  const Rect inner = r.inset(pad);
  if (n.detail.empty()) {
    ui::text_in_rect(dl, inner, n.text, font, notice_text(n.kind), ui::Align::left, true);
  } else {
    // Headline on one line; the hub's own reason below it, wrapped.
    const float split = inner.min.y + font->FontSize * 1.25f;
    ui::text_in_rect(dl, {inner.min, {inner.max.x, split}}, n.text, font, notice_text(n.kind), ui::Align::left, true);
    dl->PushClipRect(inner.min, inner.max, true);
    wrapped_text(dl, {inner.min.x, split + 2}, n.detail, detail_font, notice_text(n.kind), inner.width());
    dl->PopClipRect();
  }
  return clicked;
}

}  // namespace antrian::counter::gui
