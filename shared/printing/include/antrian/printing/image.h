#pragma once
// Plain in-memory images: a 1-bit-per-pixel bitmap (what a thermal head prints) and
// an 8-bit grey image (what a preview PNG holds). Row-major, top-left origin.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace antrian::printing {

// One byte per pixel for simplicity; 1 = black dot, 0 = paper.
struct MonoBitmap {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> dots;

  MonoBitmap() = default;
  MonoBitmap(int w, int h) : width(w), height(h), dots(static_cast<size_t>(w) * h, 0) {}

  bool get(int x, int y) const { return dots[static_cast<size_t>(y) * width + x] != 0; }
  void set(int x, int y, bool black) { dots[static_cast<size_t>(y) * width + x] = black ? 1 : 0; }
};

// 0 = black, 255 = white.
struct GreyImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;

  GreyImage() = default;
  GreyImage(int w, int h, std::uint8_t fill = 255)
      : width(w), height(h), pixels(static_cast<size_t>(w) * h, fill) {}

  std::uint8_t get(int x, int y) const { return pixels[static_cast<size_t>(y) * width + x]; }
  void set(int x, int y, std::uint8_t v) { pixels[static_cast<size_t>(y) * width + x] = v; }
};

}  // namespace antrian::printing
