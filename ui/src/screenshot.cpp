#include "antrian/ui/screenshot.h"

#include <SDL.h>
// Debian's libstb already contains the implementation (stbi_write_png is exported by
// libstb.so), so we include the declarations only.
#include <stb_image_write.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace antrian::ui {

std::string write_png(const std::string& path, int width, int height, const unsigned char* rgba) {
  if (width <= 0 || height <= 0) return "nothing to save: the window has no pixels";
  errno = 0;
  if (!stbi_write_png(path.c_str(), width, height, 4, rgba, width * 4)) {
    std::string why = errno ? std::strerror(errno) : "PNG encoder failed";
    return "could not write screenshot " + path + ": " + why;
  }
  return {};
}

ScreenshotResult save_screenshot(SDL_Renderer* renderer, const std::string& path) {
  ScreenshotResult r;
  if (SDL_GetRendererOutputSize(renderer, &r.width, &r.height) != 0) {
    r.error = std::string("could not query the renderer size: ") + SDL_GetError();
    return r;
  }
  std::vector<unsigned char> pixels(static_cast<std::size_t>(r.width) * r.height * 4);
  // RGBA32 = R,G,B,A bytes in memory (SDL_PIXELFORMAT_ABGR8888 on little-endian
  // machines), which is what PNG wants.
  if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGBA32, pixels.data(), r.width * 4) != 0) {
    r.error = std::string("could not read the rendered pixels: ") + SDL_GetError();
    return r;
  }
  // The renderer may leave alpha at 0 (GL back buffers often do); a screenshot is opaque.
  for (std::size_t i = 3; i < pixels.size(); i += 4) pixels[i] = 255;
  r.error = write_png(path, r.width, r.height, pixels.data());
  r.ok = r.error.empty();
  return r;
}

}  // namespace antrian::ui
