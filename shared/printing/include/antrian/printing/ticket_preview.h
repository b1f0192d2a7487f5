#pragma once
// A picture of the ticket as it will come out of the printer (1 pixel = 1 printer
// dot): for the kiosk's screen, the web page and tests. Text is drawn with the
// stb_easy_font bitmap font, so it is legible but not the printer's font; the QR is
// drawn module-exact with its quiet zone, so it scans.
#include "antrian/printing/image.h"
#include "antrian/printing/result.h"
#include "antrian/printing/ticket_layout.h"

namespace antrian::printing {

Result<GreyImage> render_ticket_preview(const TicketDocument& doc);

}  // namespace antrian::printing
