#include "antrian/ui/fonts.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <stdexcept>

namespace antrian::ui {
namespace {

// Noto first (it covers Indonesian and looks best); DejaVu as fallback. DejaVu is also
// merged in for symbols Noto Sans lacks (arrows, check marks, warning sign).
constexpr const char* kRegularCandidates[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
};
constexpr const char* kBoldCandidates[] = {
    "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
};
constexpr const char* kSymbolFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

// Basic Latin + Latin-1 (Indonesian needs only ASCII; Latin-1 covers names with
// accents) and general punctuation (bullet, dashes, quotes, ellipsis).
constexpr ImWchar kTextRanges[] = {0x0020, 0x00FF, 0x2013, 0x2026, 0};
constexpr ImWchar kAsciiRanges[] = {0x0020, 0x007E, 0};
// Arrows, check/cross marks, warning sign: merged from the symbol font when present.
constexpr ImWchar kSymbolRanges[] = {0x2190, 0x2193, 0x26A0, 0x26A0, 0x2713, 0x2714,
                                     0x2717, 0x2718, 0};

std::string first_existing(const char* const* begin, const char* const* end) {
  for (auto it = begin; it != end; ++it)
    if (std::filesystem::exists(*it)) return *it;
  return {};
}

}  // namespace

FontSpecs default_font_specs() {
  FontSpecs s{};
  s[static_cast<std::size_t>(FontRole::small)] = {24, false, false};
  s[static_cast<std::size_t>(FontRole::body)] = {34, false, false};
  s[static_cast<std::size_t>(FontRole::body_bold)] = {34, true, false};
  s[static_cast<std::size_t>(FontRole::large)] = {56, false, false};
  s[static_cast<std::size_t>(FontRole::large_bold)] = {56, true, false};
  s[static_cast<std::size_t>(FontRole::huge)] = {200, true, true};
  return s;
}

Fonts::Fonts(FontSpecs specs) : specs_(specs) {
  regular_file_ = first_existing(std::begin(kRegularCandidates), std::end(kRegularCandidates));
  bold_file_ = first_existing(std::begin(kBoldCandidates), std::end(kBoldCandidates));
  if (bold_file_.empty()) bold_file_ = regular_file_;  // bold missing: regular still reads
  if (std::filesystem::exists(kSymbolFile)) symbol_file_ = kSymbolFile;
}

float Fonts::px(FontRole role) const {
  const ImFont* f = get(role);
  return f ? f->FontSize : 0.0f;
}

void Fonts::build(float scale) {
  if (regular_file_.empty())
    throw std::runtime_error(
        "no font found: install fonts-noto-core or fonts-dejavu-core "
        "(looked for NotoSans-Regular.ttf and DejaVuSans.ttf under /usr/share/fonts/truetype)");
  ImFontAtlas* atlas = ImGui::GetIO().Fonts;
  atlas->Clear();
  for (std::size_t i = 0; i < specs_.size(); ++i) {
    const FontSpec& spec = specs_[i];
    const float px = std::max(8.0f, std::round(spec.px_at_1080 * scale));
    ImFontConfig cfg;
    // Horizontal oversampling sharpens small text; large text does not need it and
    // it would triple the atlas.
    cfg.OversampleH = px < 40 ? 2 : 1;
    cfg.OversampleV = 1;
    cfg.PixelSnapH = true;
    const std::string& file = spec.bold ? bold_file_ : regular_file_;
    ImFont* font = atlas->AddFontFromFileTTF(file.c_str(), px, &cfg,
                                             spec.ascii_only ? kAsciiRanges : kTextRanges);
    if (!font) throw std::runtime_error("could not load font file " + file);
    if (!spec.ascii_only && !symbol_file_.empty()) {
      ImFontConfig merge = cfg;
      merge.MergeMode = true;  // glyphs already present in the main font win
      atlas->AddFontFromFileTTF(symbol_file_.c_str(), px, &merge, kSymbolRanges);
    }
    fonts_[i] = font;
  }
  if (!atlas->Build()) throw std::runtime_error("could not build the font atlas (too many or too large fonts?)");
  ImGui::GetIO().FontDefault = get(FontRole::body);
  scale_ = scale;
}

}  // namespace antrian::ui
