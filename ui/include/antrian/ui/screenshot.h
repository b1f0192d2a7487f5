#pragma once
// --screenshot: read back what the renderer drew and save it as PNG, so tests and
// docs can see a screen without a person in front of it.
#include <string>

struct SDL_Renderer;

namespace antrian::ui {

struct ScreenshotResult {
  bool ok = false;
  int width = 0;
  int height = 0;
  std::string error;  // why it failed, for the person running the program
};

// Reads the renderer's current target (call after drawing, BEFORE SDL_RenderPresent,
// whose back buffer is undefined afterwards) and writes it to path as RGBA PNG.
ScreenshotResult save_screenshot(SDL_Renderer* renderer, const std::string& path);

// Writes tightly packed RGBA8 pixels as PNG; returns an error message or "".
std::string write_png(const std::string& path, int width, int height, const unsigned char* rgba);

}  // namespace antrian::ui
