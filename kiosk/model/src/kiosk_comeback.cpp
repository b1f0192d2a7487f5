// KioskModel: the come-back list (issue 17). While the chosen service is halted or
// out of numbers (the hub's comeback_can_join, copied into its card, or said in the
// refusal), the warning and the "no more numbers" screens offer "Beri tahu saya saat
// layanan pulih": the kiosk joins, shows the code large and prints it on a slip with
// what happens next; a phone number for the invitation may be left on a keypad.
// "Punya kode?" on Home opens the check-in keypad: 6 characters are a come-back code
// (comeback_checkin: the ticket keeps the place of the entry), 8 a booking code
// (booking_checkin). A USB barcode scanner types the code and Enter.
#include <cctype>

#include "antrian/booking.h"
#include "antrian/comeback.h"
#include "antrian/error_text.h"
#include "antrian/kiosk/comeback_slip.h"
#include "antrian/kiosk/kiosk_model.h"
#include "antrian/phone_number.h"

namespace antrian::kiosk {
namespace {

constexpr std::size_t kMaxPhoneDigits = 15;

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

bool code_char(char c) { return kComebackAlphabet.find(c) != std::string_view::npos; }

}  // namespace

bool KioskModel::can_join() const {
  const ServiceCard* c = card(leaf_service_);
  if (!c) return false;
  return base_ == Base::unavailable ? (refusal_can_join_ || c->comeback_can_join) : c->comeback_can_join;
}

void KioskModel::send(HubRequest r, int64_t now_ms, Effects& fx) {
  pending_ = r;
  last_activity_ms_ = now_ms;
  fx.request = std::move(r);
}

void KioskModel::send_checkin(int64_t now_ms, Effects& fx) {
  keypad_message_.clear();
  keypad_detail_.clear();
  if (typed_.size() == kComebackCodeLength) {
    send({"comeback_checkin", {{"code", typed_}}}, now_ms, fx);
  } else if (typed_.size() == kBookingCodeLength) {
    send({"booking_checkin", {{"code", typed_}}}, now_ms, fx);
  } else {
    keypad_message_ = std::string(tr("kiosk.checkin.length", lang_));
    keypad_tone_ = Tone::warn;
  }
}

bool KioskModel::comeback_input(ScreenId s, std::string_view key, int64_t now_ms, Effects& fx) {
  if (key == "comeback" && (s == ScreenId::warning || s == ScreenId::unavailable) && can_join()) {
    comeback_service_ = leaf_service_;
    send({"comeback_join", {{"service", leaf_service_}, {"via", s == ScreenId::unavailable ? "refusal" : "kiosk"}}},
         now_ms, fx);
    return true;
  }
  if (key == "checkin" && s == ScreenId::home) {
    base_ = Base::checkin;
    typed_.clear();
    keypad_message_.clear();
    return true;
  }
  if (s == ScreenId::comeback) {
    if (key == "comeback:phone" && comeback_phone_.empty()) {
      base_ = Base::phone;
      typed_.clear();
      keypad_message_.clear();
      return true;
    }
    if (key == "done") {
      go_home(fx, true);
      return true;
    }
    return false;
  }
  if (s != ScreenId::comeback_phone && s != ScreenId::checkin) return false;
  const bool phone = s == ScreenId::comeback_phone;
  if (key == "back") {
    if (phone) base_ = Base::comeback;
    else go_home(fx, false);
    return true;
  }
  if (key == "key:del") {
    if (!typed_.empty()) typed_.pop_back();
    keypad_message_.clear();
    return true;
  }
  if (key == "key:ok") {
    if (!phone) {
      send_checkin(now_ms, fx);
      return true;
    }
    // Checked here with the hub's own rule, so a slip of the finger costs no request.
    auto normal = normalize_phone(typed_);
    if (!normal) {
      keypad_message_ = std::string(tr("kiosk.phone.invalid", lang_));
      keypad_tone_ = Tone::warn;
      return true;
    }
    send({"contact_set", {{"code", comeback_code_}, {"phone", *normal}}}, now_ms, fx);
    return true;
  }
  if (starts_with(key, "key:") && key.size() == 5) {
    const char c = key[4];
    const bool fits = phone ? (std::isdigit(static_cast<unsigned char>(c)) && typed_.size() < kMaxPhoneDigits)
                            : (code_char(c) && typed_.size() < kBookingCodeLength);
    if (!fits) return false;
    typed_ += c;
    keypad_message_.clear();
    return true;
  }
  return false;
}

Effects KioskModel::typed(std::string_view text, int64_t now_ms) {
  Effects fx;
  const ScreenId s = screen();
  if (s != ScreenId::home && s != ScreenId::checkin) return fx;
  for (char ch : text) {
    const char c = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (c == ' ' || c == '-') continue;  // "K7M-2QX" as printed
    if (screen() == ScreenId::home) comeback_input(ScreenId::home, "checkin", now_ms, fx);
    if (typed_.size() >= kBookingCodeLength) continue;
    if (code_char(c)) {
      typed_ += c;
    } else {
      keypad_message_ = std::string(tr("kiosk.checkin.bad_char", lang_));
      keypad_tone_ = Tone::warn;
    }
  }
  last_activity_ms_ = now_ms;
  return fx;
}

Effects KioskModel::typed_enter(int64_t now_ms) {
  Effects fx;
  if (screen() == ScreenId::checkin) send_checkin(now_ms, fx);
  return fx;
}

void KioskModel::show_comeback(const nlohmann::json& result, int64_t now_ms, Effects& fx) {
  comeback_code_ = result.value("code", "");
  comeback_position_ = result.value("position", 0);
  comeback_phone_.clear();
  base_ = Base::comeback;
  path_.clear();
  leaf_id_.clear();
  last_activity_ms_ = now_ms;
  if (settings_.printer.kind == printing::PrinterTarget::Kind::none) {
    print_state_ = PrintState::disabled;
    print_message_key_ = "printing.result.disabled";
    return;
  }
  auto job = comeback_job(comeback_code_, comeback_service_, now_ms, office_, settings_, lang_);
  if (!job) {
    print_state_ = PrintState::failed;
    print_message_key_ = "printing.result.failed";
    want_report(PrinterReport{"error", job.error().reason}, fx);
    return;
  }
  last_job_ = *job;
  last_label_ = comeback_code_;
  print_state_ = PrintState::printing;
  printer_busy_ = true;
  fx.print = PrintCommand{std::move(*job), comeback_code_, false};
}

Effects KioskModel::on_request_reply(const HubRequest& sent, const proto::Reply& reply, int64_t now_ms) {
  Effects fx;
  if (!pending_) return fx;
  pending_.reset();
  last_activity_ms_ = now_ms;
  keypad_detail_ = reply.ok ? std::string() : reply.error.reason;  // small print for staff
  const std::string key = reply.error.code == proto::err::not_found       ? "kiosk.checkin.not_found"
                          : reply.error.code == proto::err::illegal_state ? "kiosk.checkin.not_now"
                                                                          : "";
  const std::string why = reply.ok ? std::string()
                          : key.empty() ? error_line(reply.error.code, reply.error.reason, lang_)
                                        : std::string(tr(key, lang_));
  if (sent.cmd == "comeback_join") {
    if (reply.ok) {
      show_comeback(reply.result, now_ms, fx);
    } else {
      base_ = Base::failed;
      failed_code_ = reply.error.code;
      failed_reason_ = reply.error.reason;
    }
  } else if (sent.cmd == "contact_set") {
    if (reply.ok) {
      comeback_phone_ = reply.result.value("phone", "");
      base_ = Base::comeback;
    } else {
      keypad_message_ = why;
      keypad_tone_ = Tone::error;
    }
  } else if (reply.ok) {  // comeback_checkin, booking_checkin: a ticket that keeps its place
    typed_.clear();
    accept_ticket(reply.result, now_ms, fx);
  } else {
    keypad_message_ = reply.error.code == proto::err::unknown_command
                          ? std::string(tr("kiosk.checkin.no_booking", lang_))
                          : why;
    keypad_tone_ = Tone::error;
  }
  return fx;
}

}  // namespace antrian::kiosk
