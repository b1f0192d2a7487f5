#pragma once
// The queue ticket: what goes on the paper, in which order and size. Layout is done
// once into a TicketDocument (already folded to ASCII and wrapped to the paper's
// width); the ESC/POS encoder and the preview rasteriser both draw that document, so
// the screen preview and the paper agree.
#include <string>
#include <vector>

#include "antrian/printing/bytes.h"
#include "antrian/printing/escpos.h"
#include "antrian/printing/result.h"
#include "antrian/strings.h"

namespace antrian::printing {

enum class PaperWidth { mm58, mm80 };

// Font A is 12 x 24 dots: 384 dots -> 32 columns, 576 dots -> 48 columns.
struct PaperGeometry {
  int columns = 32;
  int dots = 384;
};
PaperGeometry paper_geometry(PaperWidth w);

// How the status QR is printed: the printer's own QR engine (GS ( k), our bitmap
// (GS v 0) for printers without it, or not at all.
enum class QrMode { native, raster, none };

// Everything printed on one ticket. Texts are UTF-8 and already in the ticket's
// language (they come from the hub); fixed labels come from the strings table.
struct TicketPrint {
  std::string office_name;          // "Disdukcapil Kota Bandung"
  std::string date_time_text;       // "Senin, 3 Maret 2025 08:15 WIB"
  std::string ticket_label;         // "A-001" (required)
  std::string service_name;         // "Perekaman e-KTP"
  std::string priority_label;       // "Lansia"; empty for regular tickets
  std::string estimated_wait_text;  // "25 menit"; empty to omit the line
  std::string wait_location_text;   // "Ruang tunggu A"; empty to omit the line
  std::string status_url;           // QR target; empty for no QR
  // A come-back slip (issue 17) instead of a ticket: its own title over the big code,
  // what happens next, and its own footer. Empty: a queue ticket's.
  std::string number_title;         // "KODE KEMBALI"
  std::vector<std::string> notes;   // wrapped paragraphs after the service
  std::string footer;
  PaperWidth paper = PaperWidth::mm58;
  Lang lang = Lang::id;
  QrMode qr_mode = QrMode::native;
  bool full_cut = false;            // kiosks default to partial so the ticket hangs
};

// One element of the laid-out ticket.
struct TicketBlock {
  enum class Kind { text, rule, qr, feed };
  Kind kind = Kind::text;
  std::string text;       // text: one line that fits; qr: the data
  Align align = Align::center;
  int scale = 1;          // character width and height multiplier (GS !)
  bool bold = false;
  int qr_module = 0;      // qr: dots per module
  int feed_lines = 0;     // feed: blank lines
};

struct TicketDocument {
  PaperGeometry paper;
  QrMode qr_mode = QrMode::native;
  bool full_cut = false;
  std::vector<TicketBlock> blocks;
};

// Lays out the ticket. Fails when the label is empty or the URL cannot be a QR.
Result<TicketDocument> layout_ticket(const TicketPrint& t);

// The ESC/POS byte stream of a laid-out ticket: init, content, feed, cut.
Result<Bytes> encode_ticket(const TicketDocument& doc);

// layout_ticket + encode_ticket.
Result<Bytes> render_ticket(const TicketPrint& t);

}  // namespace antrian::printing
