#include "antrian/kiosk/comeback_slip.h"

#include "antrian/kiosk/format.h"
#include "antrian/kiosk/issued_ticket.h"

namespace antrian::kiosk {

printing::TicketPrint comeback_print(const std::string& code, const std::string& service, int64_t now_ms,
                                     const OfficeSnapshot& office, const KioskSettings& s, Lang lang) {
  printing::TicketPrint p;
  p.office_name = office.short_name;
  p.date_time_text = ticket_time_text(now_ms, office.tz_hours, office.timezone, lang);
  p.number_title = std::string(tr("kiosk.comeback.slip_title", lang));
  p.ticket_label = code;
  auto card = office.services.find(service);
  p.service_name = card != office.services.end() ? card->second.name.in(lang) : service;
  p.notes = {std::string(tr("kiosk.comeback.next", lang)), std::string(tr("kiosk.comeback.slip_checkin", lang))};
  p.footer = std::string(tr("kiosk.comeback.slip_keep", lang));
  p.paper = s.paper;
  p.lang = lang;
  // The QR opens the code's own page (/k/<code>): place on the list, the invitation.
  p.status_url = comeback_url(office.public_url, code);
  p.qr_mode = s.qr_mode;
  return p;
}

Result<printing::Bytes> comeback_job(const std::string& code, const std::string& service, int64_t now_ms,
                                     const OfficeSnapshot& office, const KioskSettings& s, Lang lang) {
  printing::TicketPrint p = comeback_print(code, service, now_ms, office, s, lang);
  auto bytes = printing::render_ticket(p);
  if (!bytes && !p.status_url.empty()) {
    p.status_url.clear();  // the code matters more than the QR
    bytes = printing::render_ticket(p);
  }
  if (!bytes) return make_error("print_layout", "the come-back slip cannot be laid out: " + bytes.error());
  return std::move(bytes).value();
}

}  // namespace antrian::kiosk
