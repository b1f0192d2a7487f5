// The view half of KioskModel: turns its state into the words and numbers each
// screen shows (see view.h).
#include <algorithm>

#include "antrian/error_text.h"
#include "antrian/kiosk/format.h"
#include "antrian/kiosk/kiosk_model.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"

namespace antrian::kiosk {
namespace {

int severity(ServiceStatus s) {
  switch (s) {
    case ServiceStatus::normal: return 0;
    case ServiceStatus::degraded: return 1;
    case ServiceStatus::halted: return 2;
  }
  return 0;
}

std::string status_word(ServiceStatus s, Lang lang) {
  return std::string(tr("status." + std::string(to_string(s)), lang));
}

std::string priority_word(Priority p, Lang lang) {
  return std::string(tr("priority." + std::string(to_string(p)), lang));
}

}  // namespace

std::string KioskModel::priority_note() const {
  if (priority_ == Priority::reguler) return {};
  return trf("kiosk.priority.note", lang_, {priority_word(priority_, lang_)});
}

Header KioskModel::header_view() const {
  Header h;
  h.office_name = office_.short_name.empty() ? std::string(tr("common.app_name", lang_)) : office_.short_name;
  h.office_full = office_.name;
  if (office_.hub_now_ms > 0) {
    h.date_text = lang_ == Lang::id ? format_long_date_id(office_.hub_now_ms, office_.tz_hours)
                                    : format_long_date_en(office_.hub_now_ms, office_.tz_hours);
    h.time_text = clock_text(office_.hub_now_ms, office_.tz_hours, office_.timezone);
  }
  h.lang_label = std::string(tr("kiosk.lang.switch", lang_));
  if (desired_report_ && desired_report_->state != "ok" && desired_report_->state != "paper_low")
    h.printer_notice = std::string(tr("kiosk.printer.notice", lang_));
  return h;
}

ChoiceButton KioskModel::button_view(const RouteNode& node) const {
  ChoiceButton b;
  b.key = "route:" + node.id;
  b.label = node.label.in(lang_);
  b.hint = node.hint.in(lang_);
  if (!node.leaf()) {
    b.group = true;
    int worst = 0;
    for (const std::string& code : services_under(node))
      if (const ServiceCard* c = card(code)) worst = std::max(worst, severity(c->status));
    if (worst > 0) {
      b.status = worst == 2 ? ServiceStatus::halted : ServiceStatus::degraded;
      b.status_word = std::string(tr("kiosk.group.disrupted", lang_));
    }
    return b;
  }
  const ServiceCard* c = card(node.service);
  if (!c) {
    b.enabled = false;
    return b;
  }
  b.status = c->status;
  if (!c->enabled) {
    b.status = ServiceStatus::halted;
    b.status_word = std::string(tr("kiosk.card.closed", lang_));
  } else if (!c->issuing_open) {
    b.status = ServiceStatus::halted;
    b.status_word = c->issuing_next_at
                        ? trf("calendar.card", lang_, {format_next_opening(*c->issuing_next_at, office_.hub_now_ms,
                                                                            office_.tz_hours, lang_)})
                        : std::string(tr("kiosk.card.closed", lang_));
  } else if (c->quota_used_up()) {
    b.status = ServiceStatus::halted;
    std::string key = "kiosk.card.used_up." + c->limited_by;
    if (!has_string(key)) key = "kiosk.card.used_up.none";
    b.status_word = std::string(tr(key, lang_));
  } else {
    b.status_word = status_word(c->status, lang_);
  }
  b.waiting_text = trf("kiosk.card.waiting", lang_, {std::to_string(c->waiting)});
  b.eta_text = trf("kiosk.card.eta", lang_, {wait_text(c->eta(priority_), lang_)});
  if (c->tickets_left) b.left_text = trf("kiosk.card.left", lang_, {std::to_string(*c->tickets_left)});
  // Closed or used up: still touchable, to say why and what to do instead.
  return b;
}

ChoiceScreen KioskModel::choice_view() const {
  ChoiceScreen v;
  const std::vector<RouteNode>* choices = choices_at(routes_, path_);
  if (!office_.services.empty() && !office_.hours.issuing_any) {
    // Outside the office's hours: when numbers come back, instead of cards.
    v.office_closed = true;
    v.title = lang_ == Lang::id ? office_.hours.next_text_id : office_.hours.next_text_en;
    v.subtitle = issuing_closed_text(office_.hours.closed, lang_ == Lang::id ? office_.hours.reason_id
                                                                             : office_.hours.reason_en, lang_);
    return v;
  }
  if (path_.empty()) {
    v.title = std::string(tr("kiosk.home.question", lang_));
    v.subtitle = std::string(tr("kiosk.home.subtitle", lang_));
    v.priority_title = std::string(tr("kiosk.priority.title", lang_));
    for (Priority p : {Priority::lansia, Priority::disabilitas, Priority::ibu_hamil})
      v.priorities.push_back({"priority:" + std::string(to_string(p)),
                              std::string(tr("kiosk.priority." + std::string(to_string(p)), lang_)), priority_ == p});
  } else if (const RouteNode* group = find_route(routes_, path_)) {
    v.title = group->question.in(lang_);
    v.subtitle = group->label.in(lang_);
    v.can_go_back = true;
    v.back_label = std::string(tr("kiosk.back", lang_));
    v.priority_note = priority_note();
  }
  if (choices)
    for (const RouteNode& n : *choices) v.buttons.push_back(button_view(n));
  if (path_.empty()) v.checkin_label = std::string(tr("kiosk.checkin.open", lang_));
  return v;
}

WarningScreen KioskModel::warning_view() const {
  WarningScreen w;
  const ServiceCard* c = card(leaf_service_);
  if (!c) return w;
  w.service_name = c->name.in(lang_);
  w.status = c->status;
  w.status_word = status_word(c->status, lang_);
  const char* headline = c->status == ServiceStatus::halted     ? "kiosk.warning.halted"
                         : c->status == ServiceStatus::degraded ? "kiosk.warning.degraded"
                                                                : "kiosk.warning.recovered";
  w.headline = trf(headline, lang_, {w.service_name});
  for (const DisruptionNote& d : c->disruptions) {
    std::string m = d.message.in(lang_);
    if (m.empty()) m = trf("kiosk.warning.resource", lang_, {d.resource.in(lang_)});
    w.messages.push_back(std::move(m));
  }
  if (c->status == ServiceStatus::halted) {
    w.expected_back = c->expected_end
                          ? trf("kiosk.warning.back_at", lang_, {clock_text(*c->expected_end, office_.tz_hours, office_.timezone)})
                          : std::string(tr("kiosk.warning.back_unknown", lang_));
  } else if (c->status == ServiceStatus::degraded) {
    w.expected_back = std::string(tr("kiosk.warning.slower", lang_));
  }
  w.eta_text = trf("kiosk.warning.eta", lang_, {wait_text(c->eta(priority_), lang_)});
  w.waiting_text = trf("kiosk.card.waiting", lang_, {std::to_string(c->waiting)});
  w.alternative_title = std::string(tr("kiosk.warning.alternative_title", lang_));
  w.alternative = alternative_text();
  if (const ServiceCard* alt = alternative_card())
    w.alternative_label = trf("kiosk.alternative.take", lang_, {alt->name.in(lang_)});
  w.confirm_label = std::string(tr(c->status == ServiceStatus::normal ? "kiosk.take" : "kiosk.warning.confirm", lang_));
  w.back_label = std::string(tr("kiosk.back", lang_));
  w.priority_note = priority_note();
  if (can_join()) w.comeback_label = std::string(tr("comeback.offer", lang_));
  return w;
}

NoticeScreen KioskModel::notice_view() const {
  NoticeScreen n;
  n.back_label = std::string(tr("kiosk.home", lang_));
  const std::string hour = (office_.opening_hour < 10 ? "0" : "") + std::to_string(office_.opening_hour) + ":00";
  if (base_ == Base::unavailable) {
    const ServiceCard* c = card(leaf_service_);
    const std::string name = c ? c->name.in(lang_) : leaf_service_;
    n.tone = Tone::warn;
    if (unavailable_ == Unavailable::quota) {
      n.headline = trf("kiosk.quota.headline", lang_, {name});
      // Why there are no more numbers: the quota, the blank cards, or the hours left.
      const std::string why = c && (c->limited_by == "blangko" || c->limited_by == "hours") ? c->limited_by : "quota";
      n.body = std::string(tr("kiosk.quota.body." + why, lang_));
    } else if (unavailable_ == Unavailable::hours) {
      n.headline = trf("kiosk.hours.headline", lang_, {name});
      n.body = (c ? issuing_closed_text(c->issuing_closed, "", lang_) + " " : std::string()) +
               std::string(tr("kiosk.hours.body", lang_));
    } else {
      n.headline = trf("kiosk.closed.headline", lang_, {name});
      n.body = std::string(tr("kiosk.closed.body", lang_));
    }
    n.advice_title = std::string(tr("kiosk.advice_title", lang_));
    n.advice = trf("kiosk.quota.advice", lang_, {hour});
    if (c && c->issuing_next_at)  // the calendar knows exactly when
      n.advice = trf("calendar.issuing_again", lang_,
                     {format_next_opening(*c->issuing_next_at, office_.hub_now_ms, office_.tz_hours, lang_)}) + ".";
    const std::string alt = alternative_text();
    if (alt != tr("kiosk.alternative.generic", lang_)) n.advice += "\n" + alt;
    if (const ServiceCard* a = alternative_card())
      n.alternative_label = trf("kiosk.alternative.take", lang_, {a->name.in(lang_)});
    // The hub's reason is English technical text: one language at a time, so only on an English screen.
    n.detail = lang_ == Lang::en ? unavailable_detail_ : std::string();
    n.back_key = "back";
    n.back_label = std::string(tr("kiosk.back", lang_));
    if (can_join()) n.comeback_label = std::string(tr("comeback.offer", lang_));
    return n;
  }
  // Base::failed
  const bool unreachable = failed_code_ == proto::err::unreachable;
  n.tone = unreachable ? Tone::warn : Tone::error;
  n.headline = std::string(tr("kiosk.failed.headline", lang_));
  n.body = std::string(tr(unreachable ? "kiosk.failed.unreachable" : "kiosk.failed.other", lang_));
  n.advice_title = std::string(tr("kiosk.advice_title", lang_));
  n.advice = std::string(tr(unreachable ? "kiosk.failed.unreachable_advice" : "kiosk.failed.other_advice", lang_));
  n.detail = error_line(failed_code_, failed_reason_, lang_);  // the table's words; the hub's reason only in English
  return n;
}

TicketScreen KioskModel::ticket_view() const {
  TicketScreen t;
  if (!ticket_) return t;
  const IssuedTicket& k = *ticket_;
  const ServiceCard* c = card(k.service);
  t.title = std::string(tr("kiosk.ticket.title", lang_));
  t.label = k.label;
  t.service_name = c ? c->name.in(lang_) : k.service;
  if (k.priority != Priority::reguler) t.priority_text = trf("kiosk.priority.note", lang_, {priority_word(k.priority, lang_)});
  t.eta_text = trf("kiosk.warning.eta", lang_, {wait_text(k.eta_s, lang_)});
  t.ahead_text = k.ahead == 0 ? std::string(tr("kiosk.ticket.next", lang_))
                              : trf("kiosk.ticket.ahead", lang_, {std::to_string(k.ahead)});
  if (c) {
    const std::string where = counters_text(c->counters, lang_);
    if (!where.empty()) t.wait_at_text = trf("kiosk.ticket.wait_at", lang_, {trf("kiosk.wait_area", lang_, {where})});
  }
  if (k.status != ServiceStatus::normal)
    t.status_note = trf(k.status == ServiceStatus::halted ? "kiosk.ticket.halted_note" : "kiosk.ticket.degraded_note",
                        lang_, {t.service_name});
  t.qr_url = status_url(office_.public_url, k.token);
  if (!t.qr_url.empty()) t.qr_caption = std::string(tr("kiosk.ticket.qr", lang_));
  t.printing = print_state_ == PrintState::printing;
  switch (print_state_) {
    case PrintState::printing:
      t.print_text = std::string(tr("kiosk.ticket.printing", lang_));
      t.print_tone = Tone::info;
      break;
    case PrintState::ok:
      t.print_text = std::string(tr(print_message_key_, lang_));
      t.print_tone = Tone::ok;
      break;
    case PrintState::disabled:
      t.print_text = std::string(tr(print_message_key_, lang_));
      t.print_tone = Tone::warn;
      break;
    case PrintState::failed:
    case PrintState::none:
      t.print_text = std::string(tr(print_message_key_.empty() ? "printing.result.failed" : print_message_key_, lang_)) +
                     " " + std::string(tr("kiosk.ticket.note_number", lang_));
      t.print_tone = Tone::error;
      break;
  }
  t.done_label = std::string(tr("kiosk.ticket.done", lang_));
  return t;
}

OfflineScreen KioskModel::offline_view() const {
  OfflineScreen o;
  o.headline = std::string(tr("kiosk.offline.headline", lang_));
  o.body = std::string(tr(ever_online_ ? "kiosk.offline.body" : "kiosk.offline.connecting", lang_));
  o.detail = std::string(tr("kiosk.offline.detail", lang_));
  return o;
}

StaffMenu KioskModel::staff_view() const {
  StaffMenu m;
  m.title = std::string(tr("kiosk.staff.title", lang_));
  ChoiceButton reprint;
  reprint.key = "staff:reprint";
  reprint.label = last_job_ ? trf("kiosk.staff.reprint", lang_, {last_label_}) : std::string(tr("kiosk.staff.reprint_none", lang_));
  reprint.enabled = last_job_.has_value() && !printer_busy_ &&
                    settings_.printer.kind != printing::PrinterTarget::Kind::none;
  m.items.push_back(reprint);
  for (ChoiceButton& b : staff_.menu_items(lang_)) m.items.push_back(std::move(b));
  if (!staff_message_key_.empty()) {
    m.message = trf(staff_message_key_, lang_, staff_message_args_);
    m.tone = staff_tone_;
  } else if (desired_report_) {
    // The printer's own message is English technical text: shown only on an English screen.
    const std::string key = "device." + desired_report_->state;
    std::string word = has_string(key) ? std::string(tr(key, lang_)) : desired_report_->state;
    if (lang_ == Lang::en && !desired_report_->message.empty()) word += " (" + desired_report_->message + ")";
    m.message = trf("kiosk.staff.printer_state", lang_, {word});
  }
  return m;
}

View KioskModel::view(int64_t now_ms) const {
  View v;
  v.screen = screen();
  v.lang = lang_;
  v.header = header_view();
  switch (v.screen) {
    case ScreenId::home:
    case ScreenId::question: v.choice = choice_view(); break;
    case ScreenId::warning: v.warning = warning_view(); break;
    case ScreenId::unavailable:
    case ScreenId::failed: v.notice = notice_view(); break;
    case ScreenId::issuing:
      v.issuing.headline = std::string(tr("kiosk.issuing.headline", lang_));
      v.issuing.body = std::string(tr(online() ? "kiosk.issuing.body" : "kiosk.issuing.offline", lang_));
      break;
    case ScreenId::ticket: v.ticket = ticket_view(); break;
    case ScreenId::offline: v.offline = offline_view(); break;
    case ScreenId::staff_pin: v.pin = staff_.pin_view(now_ms, lang_); break;
    case ScreenId::staff_menu: v.staff = staff_view(); break;
    case ScreenId::comeback: v.comeback = comeback_view(); break;
    case ScreenId::comeback_phone:
    case ScreenId::checkin: v.keypad = keypad_view(); break;
    default: break;  // the survey tablet's screens are SurveyModel's
  }
  return v;
}

}  // namespace antrian::kiosk
