#include "antrian/printing/ticket_layout.h"

#include <algorithm>

#include "antrian/printing/qr.h"
#include "antrian/printing/text_wrap.h"
#include "antrian/printing/transliterate.h"

namespace antrian::printing {
namespace {

// The ticket number should be readable from across the hall, but 58 mm paper must
// still hold "A-001" on one line; 6x on 80 mm keeps the same look as 4x on 58 mm.
int max_label_scale(const PaperGeometry& g) { return g.dots >= 576 ? 6 : 4; }

// Scanners need modules of at least 2 dots (0.25 mm at 203 dpi); above 8 the code
// only wastes paper. Aim for about 55% of the paper's width.
constexpr int kMinQrModule = 2;
constexpr int kMaxQrModule = 8;
constexpr int kQuietModules = 4;

class Builder {
 public:
  explicit Builder(const PaperGeometry& g) : g_(g) {}

  void text(std::string_view utf8, Align align = Align::center, int scale = 1, bool bold = false) {
    for (std::string& l : wrap_text(to_printable_ascii(utf8), g_.columns / scale)) {
      TicketBlock b;
      b.kind = TicketBlock::Kind::text;
      b.text = std::move(l);
      b.align = align;
      b.scale = scale;
      b.bold = bold;
      blocks.push_back(std::move(b));
    }
  }
  void rule() {
    TicketBlock b;
    b.kind = TicketBlock::Kind::rule;
    b.text = std::string(static_cast<size_t>(g_.columns), '-');
    b.align = Align::left;
    blocks.push_back(std::move(b));
  }
  void feed(int lines) {
    TicketBlock b;
    b.kind = TicketBlock::Kind::feed;
    b.feed_lines = lines;
    blocks.push_back(std::move(b));
  }
  void qr(std::string data, int module) {
    TicketBlock b;
    b.kind = TicketBlock::Kind::qr;
    b.text = std::move(data);
    b.qr_module = module;
    blocks.push_back(std::move(b));
  }

  std::vector<TicketBlock> blocks;

 private:
  PaperGeometry g_;
};

}  // namespace

PaperGeometry paper_geometry(PaperWidth w) {
  return w == PaperWidth::mm80 ? PaperGeometry{48, 576} : PaperGeometry{32, 384};
}

Result<TicketDocument> layout_ticket(const TicketPrint& t) {
  TicketDocument doc;
  doc.paper = paper_geometry(t.paper);
  doc.qr_mode = t.qr_mode;
  doc.full_cut = t.full_cut;
  const PaperGeometry& g = doc.paper;

  // The label is the one thing the ticket exists for; refuse rather than print blank.
  std::string label = to_printable_ascii(t.ticket_label);
  label.erase(std::remove(label.begin(), label.end(), ' '), label.end());
  if (label.empty()) return Error{"ticket label is empty (after removing unprintable characters)"};

  int qr_module = 0;
  const bool want_qr = t.qr_mode != QrMode::none && !t.status_url.empty();
  if (want_qr) {
    auto m = encode_qr(t.status_url);
    if (!m) return Error{"status URL cannot be printed as a QR code: " + m.error()};
    const int side_modules = m.value().size + 2 * kQuietModules;
    qr_module = std::min(kMaxQrModule, g.dots * 55 / 100 / side_modules);
    if (qr_module < kMinQrModule) {
      // Fall back to the whole width before giving up.
      qr_module = std::min(kMaxQrModule, g.dots / side_modules);
      if (qr_module < kMinQrModule)
        return Error{"status URL is too long for a scannable QR code on " +
                     std::to_string(g.dots) + "-dot paper"};
    }
  }

  Builder b(g);
  b.text(t.office_name, Align::center, 1, true);
  b.text(t.date_time_text);
  b.rule();
  b.text(t.number_title.empty() ? tr("printing.queue_number", t.lang) : std::string_view(t.number_title));
  const int scale =
      std::clamp(g.columns / static_cast<int>(label.size()), 1, max_label_scale(g));
  b.text(label, Align::center, scale, true);
  b.text(t.service_name, Align::center, 1, true);
  if (!t.priority_label.empty()) b.text(trf("printing.priority", t.lang, {t.priority_label}), Align::center, 1, true);
  b.rule();
  if (!t.estimated_wait_text.empty())
    b.text(trf("printing.estimated_wait", t.lang, {t.estimated_wait_text}));
  if (!t.wait_location_text.empty())
    b.text(trf("printing.wait_at", t.lang, {t.wait_location_text}));
  for (const std::string& note : t.notes) b.text(note, Align::left);
  if (want_qr) {
    b.feed(1);
    b.qr(t.status_url, qr_module);
    b.text(tr("printing.scan_status", t.lang));
  }
  b.feed(1);
  b.text(t.footer.empty() ? tr("printing.footer", t.lang) : std::string_view(t.footer));
  b.text(tr("printing.thanks", t.lang));
  doc.blocks = std::move(b.blocks);
  return doc;
}

Result<Bytes> encode_ticket(const TicketDocument& doc) {
  EscPos e;
  // ESC R 0 matters: with another international set, '#', '$', '@' etc. print as
  // other symbols. Code page 0 (PC437) has plain ASCII in 0x20-0x7E.
  e.init().international_charset_usa().code_page(0);
  for (const TicketBlock& b : doc.blocks) {
    switch (b.kind) {
      case TicketBlock::Kind::text:
      case TicketBlock::Kind::rule:
        e.align(b.align);
        if (b.scale != 1) e.size(b.scale, b.scale);
        if (b.bold) e.bold(true);
        e.line(b.text);
        if (b.bold) e.bold(false);
        if (b.scale != 1) e.size(1, 1);
        break;
      case TicketBlock::Kind::feed:
        e.feed(static_cast<std::uint8_t>(std::clamp(b.feed_lines, 0, 255)));
        break;
      case TicketBlock::Kind::qr: {
        e.align(Align::center);
        if (doc.qr_mode == QrMode::native) {
          if (Status s = e.qr(b.text, b.qr_module, QrEcc::M); !s) return Error{s.error()};
          break;
        }
        auto m = encode_qr(b.text);
        if (!m) return Error{m.error()};
        // Pad to the full paper width: justification of GS v 0 differs between
        // printer models, a full-width image is centred on all of them.
        const MonoBitmap code = qr_bitmap(m.value(), b.qr_module, kQuietModules);
        MonoBitmap row(doc.paper.dots, code.height);
        const int x0 = std::max(0, (doc.paper.dots - code.width) / 2);
        for (int y = 0; y < code.height; ++y)
          for (int x = 0; x < code.width && x0 + x < row.width; ++x) row.set(x0 + x, y, code.get(x, y));
        if (Status s = e.raster(row); !s) return Error{s.error()};
        break;
      }
    }
  }
  // GS V 0/1 cuts where the paper is; feed the last lines past the cutter first.
  e.align(Align::left).feed(4).cut(doc.full_cut ? Cut::full : Cut::partial);
  return e.take();
}

Result<Bytes> render_ticket(const TicketPrint& t) {
  auto doc = layout_ticket(t);
  if (!doc) return Error{doc.error()};
  return encode_ticket(doc.value());
}

}  // namespace antrian::printing
