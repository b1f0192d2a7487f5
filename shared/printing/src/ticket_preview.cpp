#include "antrian/printing/ticket_preview.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <vector>

#include "antrian/printing/qr.h"

// stb_easy_font is header-only with static functions we do not all use.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#pragma GCC diagnostic ignored "-Wsign-compare"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include <stb/stb_easy_font.h>
#pragma GCC diagnostic pop

namespace antrian::printing {
namespace {

// Printer metrics in dots: Font A is 12 x 24 with the default 30-dot line pitch.
constexpr int kLinePitch = 30;
constexpr int kTopMargin = 8;
constexpr int kSideMargin = 4;
constexpr int kQuietModules = 4;
constexpr int kFeedBeforeCut = 4;  // matches encode_ticket

void fill_rect(GreyImage& img, int x0, int y0, int x1, int y1, std::uint8_t v) {
  x0 = std::max(x0, 0); y0 = std::max(y0, 0);
  x1 = std::min(x1, img.width); y1 = std::min(y1, img.height);
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) img.set(x, y, v);
}

// The easy font is ~6 x 12 units per glyph; scale it to the printer's 12 x 24 cell.
void draw_text(GreyImage& img, const TicketBlock& b, int top) {
  std::string s = b.text;
  if (s.empty()) return;
  const int sx = 2 * b.scale, sy = 3 * b.scale;
  const int w = stb_easy_font_width(s.data()) * sx;
  int left = kSideMargin;
  if (b.align == Align::center) left = (img.width - w) / 2;
  else if (b.align == Align::right) left = img.width - kSideMargin - w;
  std::vector<char> buf(s.size() * 400 + 64);  // the header asks for ~270 bytes/char
  const int quads = stb_easy_font_print(0, 0, s.data(), nullptr, buf.data(), static_cast<int>(buf.size()));
  // Glyphs span about 8 font units from the top of the cell (capitals and descenders).
  const int y_off = top + (kLinePitch * b.scale - 8 * sy) / 2;
  for (int q = 0; q < quads; ++q) {
    float v[2][2];  // corners 0 and 2 of each quad (16-byte vertices: x, y, z, rgba)
    std::memcpy(v[0], buf.data() + q * 64, 8);
    std::memcpy(v[1], buf.data() + q * 64 + 32, 8);
    const int x0 = left + static_cast<int>(std::lround(v[0][0] * sx));
    const int y0 = y_off + static_cast<int>(std::lround(v[0][1] * sy));
    const int x1 = left + static_cast<int>(std::lround(v[1][0] * sx));
    const int y1 = y_off + static_cast<int>(std::lround(v[1][1] * sy));
    fill_rect(img, x0, y0, x1 + (b.bold ? 1 : 0), y1, 0);
  }
}

void draw_rule(GreyImage& img, int top) {
  const int y = top + kLinePitch / 2;
  for (int x = kSideMargin; x < img.width - kSideMargin; x += 12) fill_rect(img, x, y, x + 8, y + 2, 0);
}

}  // namespace

Result<GreyImage> render_ticket_preview(const TicketDocument& doc) {
  // First pass: heights (and QR matrices, which can fail).
  std::vector<QrMatrix> qrs;
  int height = kTopMargin;
  for (const TicketBlock& b : doc.blocks) {
    switch (b.kind) {
      case TicketBlock::Kind::text:
      case TicketBlock::Kind::rule: height += kLinePitch * b.scale; break;
      case TicketBlock::Kind::feed: height += kLinePitch * b.feed_lines; break;
      case TicketBlock::Kind::qr: {
        if (doc.qr_mode == QrMode::none) break;
        auto m = encode_qr(b.text);
        if (!m) return Error{m.error()};
        height += (m.value().size + 2 * kQuietModules) * std::max(b.qr_module, 1);
        qrs.push_back(std::move(m).value());
        break;
      }
    }
  }
  height += kLinePitch * kFeedBeforeCut;

  GreyImage img(doc.paper.dots, height, 255);
  int y = kTopMargin;
  size_t qi = 0;
  for (const TicketBlock& b : doc.blocks) {
    switch (b.kind) {
      case TicketBlock::Kind::text: draw_text(img, b, y); y += kLinePitch * b.scale; break;
      case TicketBlock::Kind::rule: draw_rule(img, y); y += kLinePitch; break;
      case TicketBlock::Kind::feed: y += kLinePitch * b.feed_lines; break;
      case TicketBlock::Kind::qr: {
        if (doc.qr_mode == QrMode::none) break;
        const QrMatrix& m = qrs[qi++];
        const int mod = std::max(b.qr_module, 1);
        const int side = (m.size + 2 * kQuietModules) * mod;
        const int x0 = (img.width - side) / 2 + kQuietModules * mod;
        const int y0 = y + kQuietModules * mod;
        for (int my = 0; my < m.size; ++my)
          for (int mx = 0; mx < m.size; ++mx)
            if (m.dark(mx, my))
              fill_rect(img, x0 + mx * mod, y0 + my * mod, x0 + (mx + 1) * mod, y0 + (my + 1) * mod, 0);
        y += side;
        break;
      }
    }
  }
  return img;
}

}  // namespace antrian::printing
