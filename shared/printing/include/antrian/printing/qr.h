#pragma once
// QR codes for the ticket's status URL, made with libqrencode. The same matrix feeds
// the raster fallback (printers without GS ( k) and the on-screen/PNG preview.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "antrian/printing/image.h"
#include "antrian/printing/result.h"

namespace antrian::printing {

// A square of modules; true = dark.
struct QrMatrix {
  int size = 0;  // modules per side (21 for version 1, +4 per version)
  std::vector<std::uint8_t> modules;

  bool dark(int x, int y) const { return modules[static_cast<size_t>(y) * size + x] != 0; }
};

// Encodes text in 8-bit mode with error correction M (what the printers' native QR
// uses, so preview and paper match). Fails for empty text, text with a NUL byte or
// text too long for any QR version.
Result<QrMatrix> encode_qr(std::string_view text);

// The matrix scaled to module_px dots per module with a quiet zone of quiet_modules
// on each side (4 is what the QR standard asks for and what scanners rely on).
MonoBitmap qr_bitmap(const QrMatrix& qr, int module_px, int quiet_modules = 4);

}  // namespace antrian::printing
