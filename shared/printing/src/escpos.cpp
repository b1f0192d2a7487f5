#include "antrian/printing/escpos.h"

#include <algorithm>
#include <string>

#include "antrian/printing/transliterate.h"

namespace antrian::printing {
namespace {
constexpr std::uint8_t LF = 0x0A, ESC = 0x1B, GS = 0x1D;

std::uint8_t lo(size_t v) { return static_cast<std::uint8_t>(v & 0xFF); }
std::uint8_t hi(size_t v) { return static_cast<std::uint8_t>((v >> 8) & 0xFF); }
}  // namespace

EscPos& EscPos::put(std::initializer_list<std::uint8_t> b) {
  out_.insert(out_.end(), b.begin(), b.end());
  return *this;
}

EscPos& EscPos::init() { return put({ESC, '@'}); }
EscPos& EscPos::international_charset_usa() { return put({ESC, 'R', 0}); }
EscPos& EscPos::code_page(std::uint8_t n) { return put({ESC, 't', n}); }

EscPos& EscPos::text(std::string_view utf8) {
  const std::string ascii = to_printable_ascii(utf8);
  out_.insert(out_.end(), ascii.begin(), ascii.end());
  return *this;
}

EscPos& EscPos::line(std::string_view utf8) { return text(utf8).lf(); }

EscPos& EscPos::align(Align a) { return put({ESC, 'a', static_cast<std::uint8_t>(a)}); }
EscPos& EscPos::bold(bool on) { return put({ESC, 'E', static_cast<std::uint8_t>(on ? 1 : 0)}); }

EscPos& EscPos::print_mode(bool bold, bool double_height, bool double_width) {
  std::uint8_t n = 0;
  if (bold) n |= 0x08;
  if (double_height) n |= 0x10;
  if (double_width) n |= 0x20;
  return put({ESC, '!', n});
}

EscPos& EscPos::size(int width_mult, int height_mult) {
  // GS ! n: bits 4-6 = width - 1, bits 0-2 = height - 1.
  const int w = std::clamp(width_mult, 1, 8) - 1;
  const int h = std::clamp(height_mult, 1, 8) - 1;
  return put({GS, '!', static_cast<std::uint8_t>((w << 4) | h)});
}

EscPos& EscPos::lf() { return put({LF}); }
EscPos& EscPos::feed(std::uint8_t lines) { return put({ESC, 'd', lines}); }
EscPos& EscPos::cut(Cut kind) { return put({GS, 'V', static_cast<std::uint8_t>(kind)}); }

EscPos& EscPos::feed_and_cut(Cut kind, std::uint8_t n) {
  return put({GS, 'V', static_cast<std::uint8_t>(kind == Cut::full ? 65 : 66), n});
}

Status EscPos::qr(std::string_view data, int module_size, QrEcc ecc) {
  if (data.empty()) return Error{"QR data is empty"};
  if (data.size() > kMaxNativeQrBytes)
    return Error{"QR data is " + std::to_string(data.size()) + " bytes; the printer accepts at most " +
                 std::to_string(kMaxNativeQrBytes)};
  const auto module = static_cast<std::uint8_t>(std::clamp(module_size, 1, 16));
  // GS ( k pL pH cn fn ...: pL/pH count the bytes after themselves; cn 49 = QR.
  put({GS, '(', 'k', 4, 0, 49, 65, 50, 0});                         // fn 165: model 2
  put({GS, '(', 'k', 3, 0, 49, 67, module});                        // fn 167: module size
  put({GS, '(', 'k', 3, 0, 49, 69, static_cast<std::uint8_t>(ecc)});  // fn 169: error correction
  const size_t store_len = data.size() + 3;                         // cn fn m + data
  put({GS, '(', 'k', lo(store_len), hi(store_len), 49, 80, 48});    // fn 180: store
  out_.insert(out_.end(), data.begin(), data.end());
  put({GS, '(', 'k', 3, 0, 49, 81, 48});                            // fn 181: print
  return {};
}

Status EscPos::raster(const MonoBitmap& image) {
  if (image.width <= 0 || image.height <= 0) return Error{"raster image is empty"};
  const size_t row_bytes = (static_cast<size_t>(image.width) + 7) / 8;
  if (row_bytes > 0xFFFF) return Error{"raster image is too wide for GS v 0"};
  for (int y0 = 0; y0 < image.height; y0 += kRasterBandRows) {
    const int rows = std::min(kRasterBandRows, image.height - y0);
    put({GS, 'v', '0', 0, lo(row_bytes), hi(row_bytes), lo(static_cast<size_t>(rows)),
         hi(static_cast<size_t>(rows))});
    for (int y = y0; y < y0 + rows; ++y) {
      for (size_t bx = 0; bx < row_bytes; ++bx) {
        std::uint8_t byte = 0;
        for (int bit = 0; bit < 8; ++bit) {
          const int x = static_cast<int>(bx * 8) + bit;
          if (x < image.width && image.get(x, y)) byte |= static_cast<std::uint8_t>(0x80 >> bit);
        }
        out_.push_back(byte);
      }
    }
  }
  return {};
}

}  // namespace antrian::printing
