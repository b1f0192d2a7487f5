#include "antrian/printing/qr.h"

#include <qrencode.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace antrian::printing {

Result<QrMatrix> encode_qr(std::string_view text) {
  if (text.empty()) return Error{"QR data is empty"};
  if (text.find('\0') != std::string_view::npos) return Error{"QR data contains a NUL byte"};
  const std::string data(text);
  errno = 0;
  // Version 0 = smallest that fits; case-sensitive 8-bit data, error correction M.
  QRcode* code = QRcode_encodeString(data.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == nullptr) {
    if (errno == ERANGE)
      return Error{"QR data of " + std::to_string(text.size()) + " bytes is too long for a QR code"};
    return Error{std::string("QR encoding failed: ") + std::strerror(errno)};
  }
  QrMatrix m;
  m.size = code->width;
  m.modules.resize(static_cast<size_t>(code->width) * code->width);
  for (size_t i = 0; i < m.modules.size(); ++i) m.modules[i] = code->data[i] & 1;  // bit 0 = dark
  QRcode_free(code);
  return m;
}

MonoBitmap qr_bitmap(const QrMatrix& qr, int module_px, int quiet_modules) {
  if (module_px < 1) module_px = 1;
  if (quiet_modules < 0) quiet_modules = 0;
  const int side = (qr.size + 2 * quiet_modules) * module_px;
  MonoBitmap bmp(side, side);
  for (int my = 0; my < qr.size; ++my)
    for (int mx = 0; mx < qr.size; ++mx) {
      if (!qr.dark(mx, my)) continue;
      const int x0 = (mx + quiet_modules) * module_px, y0 = (my + quiet_modules) * module_px;
      for (int y = y0; y < y0 + module_px; ++y)
        for (int x = x0; x < x0 + module_px; ++x) bmp.set(x, y, true);
    }
  return bmp;
}

}  // namespace antrian::printing
