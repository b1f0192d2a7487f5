// KioskModel: the words of the come-back screen and of the two keypads (a phone
// number; a check-in code), every text from the strings table.
#include "antrian/comeback.h"
#include "antrian/kiosk/kiosk_model.h"

namespace antrian::kiosk {
namespace {

// "K7M2QX" -> "K7M 2QX", "081234567890" -> "0812 3456 7890": read back without mistakes.
std::string grouped(const std::string& s, std::size_t first, std::size_t size) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (i > 0 && (i == first || (i > first && (i - first) % size == 0))) out += ' ';
    out += s[i];
  }
  return out;
}

}  // namespace

ComebackScreen KioskModel::comeback_view() const {
  ComebackScreen v;
  v.title = std::string(tr("kiosk.comeback.title", lang_));
  v.code = grouped(comeback_code_, 3, 3);
  const ServiceCard* c = card(comeback_service_);
  v.service_name = c ? c->name.in(lang_) : comeback_service_;
  if (comeback_position_ > 0) v.position_text = trf("comeback.position", lang_, {std::to_string(comeback_position_)});
  v.next_text = std::string(tr("kiosk.comeback.next", lang_)) + " " + std::string(tr("kiosk.comeback.slip_checkin", lang_));
  if (!comeback_phone_.empty()) v.phone_text = trf("kiosk.comeback.phone_saved", lang_, {comeback_phone_});
  else v.phone_label = std::string(tr("kiosk.comeback.phone_add", lang_));
  v.printing = print_state_ == PrintState::printing;
  switch (print_state_) {
    case PrintState::printing:
      v.print_text = std::string(tr("kiosk.comeback.printing", lang_));
      break;
    case PrintState::ok:
      v.print_text = std::string(tr("kiosk.comeback.printed", lang_));
      v.print_tone = Tone::ok;
      break;
    case PrintState::disabled:
    case PrintState::failed:
    case PrintState::none:
      v.print_text = std::string(tr("kiosk.comeback.not_printed", lang_));
      v.print_tone = print_state_ == PrintState::disabled ? Tone::warn : Tone::error;
      break;
  }
  v.done_label = std::string(tr("kiosk.ticket.done", lang_));
  return v;
}

KeypadScreen KioskModel::keypad_view() const {
  KeypadScreen v;
  const bool phone = base_ == Base::phone;
  v.title = std::string(tr(phone ? "kiosk.phone.title" : "kiosk.checkin.title", lang_));
  v.hint = std::string(tr(phone ? "kiosk.phone.hint" : "kiosk.checkin.hint", lang_));
  v.typed = phone ? grouped(typed_, 4, 4) : grouped(typed_, 3, 3);
  v.message = keypad_message_;
  v.detail = lang_ == Lang::en ? keypad_detail_ : std::string();  // one language at a time
  v.tone = keypad_tone_;
  if (phone) {
    for (char d : std::string_view("123456789")) v.keys.push_back(std::string("key:") + d);
    v.keys.push_back("key:0");
    v.ok_enabled = typed_.size() >= 10;
    v.ok_label = std::string(tr("kiosk.phone.save", lang_));
  } else {
    for (char ch : kComebackAlphabet) v.keys.push_back(std::string("key:") + ch);
    v.ok_enabled = typed_.size() == kComebackCodeLength || typed_.size() == 8;
    v.ok_label = std::string(tr("kiosk.checkin.send", lang_));
  }
  v.clear_label = std::string(tr("kiosk.keypad.delete", lang_));
  v.back_label = std::string(tr("kiosk.back", lang_));
  return v;
}

}  // namespace antrian::kiosk
