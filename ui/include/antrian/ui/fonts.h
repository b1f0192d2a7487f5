#pragma once
// The font registry. A Dear ImGui font has its pixel size fixed when the atlas is
// built, so we load each size we draw, scaled to the window (sizes are designed for
// 1920x1080 and multiplied by ui_scale()), and rebuild the atlas when the window
// changes size notably. ImFont pointers change on rebuild: look them up every frame.
#include <array>
#include <cstddef>
#include <string>

struct ImFont;

namespace antrian::ui {

enum class FontRole : std::size_t {
  small,       // footnotes, timestamps
  body,        // ordinary text
  body_bold,   // labels, button text
  large,       // headings, service names
  large_bold,  // headings that must stand out
  huge,        // ticket numbers on the wall display (ASCII only, to keep the atlas small)
  count
};

struct FontSpec {
  float px_at_1080 = 32;  // pixel height on a 1080-line screen
  bool bold = false;
  bool ascii_only = false;  // skip Latin-1 and symbols (for very large sizes)
};

using FontSpecs = std::array<FontSpec, static_cast<std::size_t>(FontRole::count)>;

// Sizes that read well from 3-5 m on a TV; programs may change any of them.
FontSpecs default_font_specs();

class Fonts {
 public:
  explicit Fonts(FontSpecs specs = default_font_specs());

  // (Re)builds ImGui's font atlas for the given scale. Must be called outside
  // NewFrame/Render; the renderer's font texture must be recreated afterwards
  // (App does both). Throws std::runtime_error when no usable font file exists.
  void build(float scale);

  // The font for a role; valid until the next build().
  ImFont* get(FontRole role) const { return fonts_[static_cast<std::size_t>(role)]; }
  // Its pixel size as built.
  float px(FontRole role) const;
  float built_scale() const { return scale_; }
  const FontSpecs& specs() const { return specs_; }
  // The files actually loaded, for logs.
  const std::string& regular_file() const { return regular_file_; }
  const std::string& bold_file() const { return bold_file_; }

 private:
  FontSpecs specs_;
  std::array<ImFont*, static_cast<std::size_t>(FontRole::count)> fonts_{};
  float scale_ = 0;
  std::string regular_file_, bold_file_, symbol_file_;
};

}  // namespace antrian::ui
