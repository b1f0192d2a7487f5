#pragma once
// PNG output of preview images (stb_image_write from Debian's libstb).
#include <string>

#include "antrian/printing/bytes.h"
#include "antrian/printing/image.h"
#include "antrian/printing/result.h"

namespace antrian::printing {

// Writes an 8-bit greyscale PNG. Fails with the path and errno text when the file
// cannot be written.
Status write_png(const std::string& path, const GreyImage& image);

// The same PNG in memory (for the hub's web preview).
Result<Bytes> encode_png(const GreyImage& image);

}  // namespace antrian::printing
