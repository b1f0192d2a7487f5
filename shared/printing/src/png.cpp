#include "antrian/printing/png.h"

#include <stb/stb_image_write.h>

#include <cerrno>
#include <cstring>

namespace antrian::printing {
namespace {

Status check(const GreyImage& img) {
  if (img.width <= 0 || img.height <= 0 ||
      img.pixels.size() != static_cast<size_t>(img.width) * img.height)
    return Error{"image is empty or its pixel buffer does not match its size"};
  return {};
}

}  // namespace

Status write_png(const std::string& path, const GreyImage& image) {
  if (Status s = check(image); !s) return s;
  errno = 0;
  if (stbi_write_png(path.c_str(), image.width, image.height, 1, image.pixels.data(), image.width) == 0)
    return Error{"cannot write PNG " + path + ": " + (errno ? std::strerror(errno) : "encoder failed")};
  return {};
}

Result<Bytes> encode_png(const GreyImage& image) {
  if (Status s = check(image); !s) return Error{s.error()};
  Bytes out;
  auto sink = [](void* ctx, void* data, int size) {
    auto* o = static_cast<Bytes*>(ctx);
    const auto* p = static_cast<const std::uint8_t*>(data);
    o->insert(o->end(), p, p + size);
  };
  if (stbi_write_png_to_func(sink, &out, image.width, image.height, 1, image.pixels.data(),
                             image.width) == 0)
    return Error{"PNG encoder failed"};
  return out;
}

}  // namespace antrian::printing
