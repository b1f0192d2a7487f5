#pragma once
// The paper a citizen keeps after joining the come-back list: the code very large,
// the service, what happens next, printed by the kiosk's ticket printer like a ticket.
#include <cstdint>
#include <string>

#include "antrian/kiosk/office_snapshot.h"
#include "antrian/kiosk/settings.h"
#include "antrian/printing/bytes.h"
#include "antrian/printing/ticket_layout.h"
#include "antrian/result.h"

namespace antrian::kiosk {

printing::TicketPrint comeback_print(const std::string& code, const std::string& service, int64_t now_ms,
                                     const OfficeSnapshot& office, const KioskSettings& s, Lang lang);
Result<printing::Bytes> comeback_job(const std::string& code, const std::string& service, int64_t now_ms,
                                     const OfficeSnapshot& office, const KioskSettings& s, Lang lang);

}  // namespace antrian::kiosk
