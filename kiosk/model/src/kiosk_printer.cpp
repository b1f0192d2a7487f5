// KioskModel: printing outcomes and what the hub is told about the printer.
#include "antrian/kiosk/kiosk_model.h"

namespace antrian::kiosk {

namespace {

// The hub takes at most 200 bytes of message; cut at a character boundary.
std::string fit_message(std::string m) {
  constexpr size_t kMax = 200;
  if (m.size() <= kMax) return m;
  size_t n = kMax - 3;
  while (n > 0 && (static_cast<unsigned char>(m[n]) & 0xC0) == 0x80) --n;
  return m.substr(0, n) + "...";
}

}  // namespace

void KioskModel::want_report(const std::optional<PrinterReport>& r, Effects& fx) {
  if (!r) return;
  desired_report_ = PrinterReport{r->state, fit_message(r->message)};
  if (desired_report_ == acked_report_ || !online() || report_in_flight_) return;
  report_in_flight_ = true;
  fx.report = ReportCommand{settings_.printer_device_id(), desired_report_->state, desired_report_->message};
}

Effects KioskModel::on_report_reply(const ReportCommand& sent, bool ok) {
  Effects fx;
  report_in_flight_ = false;
  if (!ok) return fx;  // sent again when the hub is back (set_connection)
  acked_report_ = PrinterReport{sent.state, sent.message};
  if (desired_report_ && desired_report_ != acked_report_) want_report(desired_report_, fx);
  return fx;
}

Effects KioskModel::on_print_done(const printing::PrintResult& result, bool reprint, int64_t now_ms) {
  Effects fx;
  printer_busy_ = false;
  const auto report = printer_report(result, false);
  want_report(report, fx);
  next_printer_check_ms_ = now_ms + (report && report->state == "ok" ? kPrinterCheckOkMs : kPrinterCheckBadMs);
  if (reprint) {
    staff_message_key_ = result.ok() ? "kiosk.staff.reprinted" : std::string(result.message_key());
    staff_message_args_ = {last_label_};
    staff_tone_ = result.ok() ? Tone::ok : Tone::error;
    return fx;
  }
  if ((base_ == Base::ticket || base_ == Base::comeback) && print_state_ == PrintState::printing) {
    print_state_ = result.ok() ? PrintState::ok : PrintState::failed;
    print_message_key_ = result.message_key();
    last_activity_ms_ = now_ms;  // the message must be read: count from now
  }
  return fx;
}

Effects KioskModel::on_printer_checked(const printing::PrintResult& result, int64_t now_ms) {
  Effects fx;
  printer_busy_ = false;
  const auto report = printer_report(result, true);
  want_report(report, fx);
  const bool bad = report && report->state != "ok";
  next_printer_check_ms_ = now_ms + (bad ? kPrinterCheckBadMs : kPrinterCheckOkMs);
  return fx;
}

}  // namespace antrian::kiosk
