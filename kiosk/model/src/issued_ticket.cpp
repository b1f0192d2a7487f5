#include "antrian/kiosk/issued_ticket.h"

#include "antrian/kiosk/format.h"

namespace antrian::kiosk {

using json = nlohmann::json;

Result<IssuedTicket> read_issue_result(const json& result) {
  try {
    const json& j = result.at("ticket");
    IssuedTicket t;
    t.id = j.value("id", int64_t(0));
    t.label = j.value("label", std::string());
    t.service = j.value("service", std::string());
    t.token = j.value("token", std::string());
    t.issued_at = j.value("issued_at", int64_t(0));
    if (!parse(j.value("priority", std::string("reguler")), t.priority)) t.priority = Priority::reguler;
    if (result.contains("eta_s") && result["eta_s"].is_number()) t.eta_s = result["eta_s"].get<int64_t>();
    t.ahead = result.value("ahead", 0);
    if (!parse(result.value("status", std::string("normal")), t.status)) t.status = ServiceStatus::normal;
    if (t.label.empty() || t.service.empty())
      return make_error("bad_reply", "the hub's reply has no ticket label or service");
    return t;
  } catch (const json::exception& e) {
    return make_error("bad_reply", std::string("the hub's reply to issue is unreadable: ") + e.what());
  }
}

namespace {
std::string public_page_url(const std::string& public_url, const char* path, const std::string& key) {
  if (public_url.empty() || key.empty()) return {};
  std::string base = public_url;
  while (!base.empty() && base.back() == '/') base.pop_back();
  return base + path + key;
}
}  // namespace

std::string status_url(const std::string& public_url, const std::string& token) {
  return public_page_url(public_url, "/t/", token);
}

std::string comeback_url(const std::string& public_url, const std::string& code) {
  return public_page_url(public_url, "/k/", code);
}

printing::TicketPrint ticket_print(const IssuedTicket& t, const OfficeSnapshot& office, const KioskSettings& s,
                                   Lang lang) {
  printing::TicketPrint p;
  p.office_name = office.short_name;
  p.date_time_text = ticket_time_text(t.issued_at, office.tz_hours, office.timezone, lang);
  p.ticket_label = t.label;
  auto card = office.services.find(t.service);
  p.service_name = card != office.services.end() ? card->second.name.in(lang) : t.service;
  if (t.priority != Priority::reguler)
    p.priority_label = std::string(tr("priority." + std::string(to_string(t.priority)), lang));
  p.estimated_wait_text = wait_text(t.eta_s, lang);
  if (card != office.services.end()) {
    const std::string where = counters_text(card->second.counters, lang);
    if (!where.empty()) p.wait_location_text = trf("kiosk.wait_area", lang, {where});
  }
  p.status_url = status_url(office.public_url, t.token);
  p.paper = s.paper;
  p.lang = lang;
  p.qr_mode = s.qr_mode;
  return p;
}

Result<printing::Bytes> ticket_job(const IssuedTicket& t, const OfficeSnapshot& office, const KioskSettings& s,
                                   Lang lang) {
  printing::TicketPrint p = ticket_print(t, office, s, lang);
  auto bytes = printing::render_ticket(p);
  if (!bytes && !p.status_url.empty()) {
    p.status_url.clear();  // the number matters more than the QR
    bytes = printing::render_ticket(p);
  }
  if (!bytes) return make_error("print_layout", "the ticket cannot be laid out: " + bytes.error());
  return std::move(bytes).value();
}

}  // namespace antrian::kiosk
