#pragma once
// A ticket the hub issued to this kiosk, read from the reply to "issue", and what
// goes on its paper. The ticket is issued once; printing (and reprinting) it only
// ever uses what is kept here.
#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "antrian/kiosk/office_snapshot.h"
#include "antrian/kiosk/settings.h"
#include "antrian/model.h"
#include "antrian/printing/bytes.h"
#include "antrian/printing/ticket_layout.h"
#include "antrian/result.h"

namespace antrian::kiosk {

struct IssuedTicket {
  int64_t id = 0;
  std::string label;    // "B-007"
  std::string service;  // "B"
  Priority priority = Priority::reguler;
  std::string token;    // for the status page; may be empty if the hub gave none
  int64_t issued_at = 0;
  std::optional<int64_t> eta_s;
  int ahead = 0;
  ServiceStatus status = ServiceStatus::normal;
};

// Reads the result of a successful "issue" reply. A reply without a ticket label is
// an error: nothing can be shown or printed for it.
Result<IssuedTicket> read_issue_result(const nlohmann::json& result);

// office.public_url + "/t/" + token; empty when either is missing.
std::string status_url(const std::string& public_url, const std::string& token);
// office.public_url + "/k/" + code: a come-back code's own page (the slip's QR).
std::string comeback_url(const std::string& public_url, const std::string& code);

// Everything printed on the ticket, in the language chosen at the kiosk.
printing::TicketPrint ticket_print(const IssuedTicket& t, const OfficeSnapshot& office, const KioskSettings& s,
                                   Lang lang);

// The ESC/POS bytes of the ticket. A status URL that cannot be a QR code (too long)
// drops the QR rather than the ticket; any other failure comes back as an Error.
Result<printing::Bytes> ticket_job(const IssuedTicket& t, const OfficeSnapshot& office, const KioskSettings& s,
                                   Lang lang);

}  // namespace antrian::kiosk
