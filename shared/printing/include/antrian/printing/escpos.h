#pragma once
// An ESC/POS command encoder (Epson-compatible thermal receipt printers). Each method
// appends one command to the buffer and returns *this so a ticket reads top to bottom.
// Byte values follow the Epson ESC/POS command reference.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>

#include "antrian/printing/bytes.h"
#include "antrian/printing/image.h"
#include "antrian/printing/result.h"

namespace antrian::printing {

enum class Align : std::uint8_t { left = 0, center = 1, right = 2 };
enum class Cut : std::uint8_t { full = 0, partial = 1 };
// QR error correction levels as GS ( k function 169 encodes them (48..51).
enum class QrEcc : std::uint8_t { L = 48, M = 49, Q = 50, H = 51 };

// Largest payload GS ( k function 180 accepts (QR version 40, 8-bit data).
inline constexpr size_t kMaxNativeQrBytes = 7089;
// GS v 0 bands are kept this tall: many cheap printers have small receive buffers.
inline constexpr int kRasterBandRows = 256;

class EscPos {
 public:
  EscPos& init();                          // ESC @: reset modes, clear buffer
  EscPos& international_charset_usa();     // ESC R 0: '#', '$', '@', '\' print as ASCII
  EscPos& code_page(std::uint8_t n);       // ESC t n (0 = PC437)
  EscPos& text(std::string_view utf8);     // folded to printable ASCII, no line feed
  EscPos& line(std::string_view utf8);     // text + LF
  EscPos& align(Align a);                  // ESC a n
  EscPos& bold(bool on);                   // ESC E n
  EscPos& print_mode(bool bold, bool double_height, bool double_width);  // ESC ! n
  EscPos& size(int width_mult, int height_mult);  // GS ! n, each clamped to 1..8
  EscPos& lf();                            // LF
  EscPos& feed(std::uint8_t lines);        // ESC d n
  EscPos& cut(Cut kind);                   // GS V m (m = 0 or 1)
  EscPos& feed_and_cut(Cut kind, std::uint8_t n);  // GS V 65/66 n: feed to cutter + n, cut

  // Native QR (GS ( k): model 2, module size (1..16 dots), error correction, store the
  // data, print it. Fails for empty or oversized data without appending anything.
  Status qr(std::string_view data, int module_size, QrEcc ecc = QrEcc::M);

  // Raster image (GS v 0, normal density) for printers without native QR. Fails for an
  // empty bitmap or one wider than the command can describe.
  Status raster(const MonoBitmap& image);

  const Bytes& bytes() const { return out_; }
  Bytes take() { return std::move(out_); }

 private:
  EscPos& put(std::initializer_list<std::uint8_t> b);
  Bytes out_;
};

}  // namespace antrian::printing
