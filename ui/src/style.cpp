#include "antrian/ui/style.h"

#include <imgui.h>

#include "antrian/ui/palette.h"

namespace antrian::ui {

void apply_style(float scale) {
  ImGuiStyle style;  // start from defaults so repeated calls do not compound scaling
  ImGui::StyleColorsDark(&style);
  style.WindowPadding = {24, 24};
  style.FramePadding = {20, 14};
  style.ItemSpacing = {16, 16};
  style.ItemInnerSpacing = {12, 12};
  style.TouchExtraPadding = {4, 4};  // fingers are less precise than a mouse
  style.ScrollbarSize = 28;
  style.GrabMinSize = 28;
  style.WindowRounding = 0;
  style.ChildRounding = 16;
  style.FrameRounding = 16;
  style.PopupRounding = 16;
  style.GrabRounding = 12;
  style.ScrollbarRounding = 12;
  style.WindowBorderSize = 0;
  style.FrameBorderSize = 0;
  style.ScaleAllSizes(scale);

  auto c = [](ImU32 col) { return ImGui::ColorConvertU32ToFloat4(col); };
  ImVec4* col = style.Colors;
  col[ImGuiCol_Text] = c(palette::text);
  col[ImGuiCol_TextDisabled] = c(palette::on_disabled);
  col[ImGuiCol_WindowBg] = c(palette::background);
  col[ImGuiCol_ChildBg] = c(palette::surface);
  col[ImGuiCol_PopupBg] = c(palette::surface);
  col[ImGuiCol_Border] = c(palette::surface_hi);
  col[ImGuiCol_FrameBg] = c(palette::surface);
  col[ImGuiCol_FrameBgHovered] = c(palette::surface_hi);
  col[ImGuiCol_FrameBgActive] = c(palette::surface_hi);
  col[ImGuiCol_Button] = c(palette::accent);
  col[ImGuiCol_ButtonHovered] = c(palette::accent_hi);
  col[ImGuiCol_ButtonActive] = c(palette::accent_pressed);
  col[ImGuiCol_Header] = c(palette::accent);
  col[ImGuiCol_HeaderHovered] = c(palette::accent_hi);
  col[ImGuiCol_HeaderActive] = c(palette::accent_pressed);
  col[ImGuiCol_Separator] = c(palette::surface_hi);
  col[ImGuiCol_ScrollbarBg] = c(palette::background);
  col[ImGuiCol_ScrollbarGrab] = c(palette::surface_hi);
  col[ImGuiCol_CheckMark] = c(palette::highlight);
  col[ImGuiCol_NavHighlight] = c(palette::highlight);
  ImGui::GetStyle() = style;
}

}  // namespace antrian::ui
