#include "antrian/kiosk/kiosk_model.h"

#include <algorithm>

namespace antrian::kiosk {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::string_view to_string(ScreenId s) {
  switch (s) {
    case ScreenId::home: return "home";
    case ScreenId::question: return "question";
    case ScreenId::warning: return "warning";
    case ScreenId::unavailable: return "unavailable";
    case ScreenId::issuing: return "issuing";
    case ScreenId::ticket: return "ticket";
    case ScreenId::failed: return "failed";
    case ScreenId::offline: return "offline";
    case ScreenId::staff_pin: return "staff_pin";
    case ScreenId::staff_menu: return "staff_menu";
    case ScreenId::comeback: return "comeback";
    case ScreenId::comeback_phone: return "comeback_phone";
    case ScreenId::checkin: return "checkin";
    case ScreenId::survey_start: return "survey_start";
    case ScreenId::survey_wait: return "survey_wait";
    case ScreenId::survey_question: return "survey_question";
    case ScreenId::survey_refused: return "survey_refused";
    case ScreenId::survey_unsent: return "survey_unsent";
    case ScreenId::survey_thanks: return "survey_thanks";
  }
  return "home";
}

KioskModel::KioskModel(KioskSettings settings)
    : settings_(std::move(settings)), lang_(settings_.lang), staff_(settings_.staff_pin, settings_.fullscreen) {
  routes_ = fallback_routing({});
}

Effects KioskModel::start(int64_t now_ms) {
  Effects fx;
  last_activity_ms_ = now_ms;
  if (settings_.printer.kind == printing::PrinterTarget::Kind::none) {
    want_report(PrinterReport{"offline", "no ticket printer configured (--printer none): tickets are shown on screen only"}, fx);
  } else {
    fx.check_printer = true;
    printer_busy_ = true;
  }
  return fx;
}

// --- the hub -------------------------------------------------------------------

Effects KioskModel::set_office(OfficeSnapshot office, int64_t now_ms) {
  (void)now_ms;
  office_ = std::move(office);
  have_office_ = true;
  auto names = office_.service_names();
  if (office_.routing != routing_source_ || names != routing_services_ || routes_.roots.empty()) {
    routing_source_ = office_.routing;
    routing_services_ = std::move(names);
    RoutingChoice c = choose_routing(routing_source_, routing_services_);
    routes_ = std::move(c.table);
    routing_problem_ = std::move(c.problem);
  }
  // The table may have changed under a person's finger: never show a dead question.
  Effects fx;
  if (!path_.empty() && !choices_at(routes_, path_)) go_home(fx, false);
  if ((base_ == Base::warning || base_ == Base::unavailable) && !chosen_leaf()) go_home(fx, false);
  return fx;
}

Effects KioskModel::set_connection(bool online, bool synced, int64_t now_ms) {
  Effects fx;
  const bool was = this->online();
  online_ = online;
  synced_ = synced;
  const bool now_online = this->online();
  if (was && !now_online) {
    // Whatever was being chosen may be stale when the hub is back; a ticket on
    // screen stays (it is valid), and an issue in flight keeps its request.
    if (base_ != Base::ticket && base_ != Base::failed && base_ != Base::comeback) {
      base_ = Base::home;
      path_.clear();
      leaf_id_.clear();
      leaf_service_.clear();
    }
  }
  if (!was && now_online) {
    ever_online_ = true;
    last_activity_ms_ = now_ms;
    if (desired_report_ && desired_report_ != acked_report_ && !report_in_flight_) {
      report_in_flight_ = true;
      fx.report = ReportCommand{settings_.printer_device_id(), desired_report_->state, desired_report_->message};
    }
  }
  return fx;
}

Effects KioskModel::on_issue_reply(const proto::Reply& reply, int64_t now_ms) {
  Effects fx;
  if (!issuing_) return fx;  // cannot happen: one issue at a time
  issuing_ = false;
  last_activity_ms_ = now_ms;
  if (!reply.ok) {
    const std::string& code = reply.error.code;
    refusal_can_join_ = reply.error.comeback_can_join;
    if (code == proto::err::quota_exhausted || code == proto::err::service_halted ||
        code == proto::err::office_closed) {
      base_ = Base::unavailable;
      unavailable_ = code == proto::err::quota_exhausted ? Unavailable::quota
                     : code == proto::err::office_closed ? Unavailable::hours
                                                         : Unavailable::closed;
      unavailable_detail_ = reply.error.reason;
    } else {
      base_ = Base::failed;
      failed_code_ = code;
      failed_reason_ = reply.error.reason;
    }
    return fx;
  }
  accept_ticket(reply.result, now_ms, fx);
  return fx;
}

// A ticket from the hub (issue, or a come-back check-in): shown and printed.
void KioskModel::accept_ticket(const nlohmann::json& result, int64_t now_ms, Effects& fx) {
  (void)now_ms;
  auto t = read_issue_result(result);
  if (!t) {
    base_ = Base::failed;
    failed_code_ = t.error().code;
    failed_reason_ = t.error().reason;
    return;
  }
  const RouteNode* leaf = chosen_leaf();
  ticket_alternative_ = leaf ? leaf->alternative : Text{};
  ticket_ = *t;
  base_ = Base::ticket;
  path_.clear();
  leaf_id_.clear();
  if (settings_.printer.kind == printing::PrinterTarget::Kind::none) {
    print_state_ = PrintState::disabled;
    print_message_key_ = "printing.result.disabled";
    return;
  }
  auto job = ticket_job(*ticket_, office_, settings_, lang_);
  if (!job) {
    print_state_ = PrintState::failed;
    print_message_key_ = "printing.result.failed";
    want_report(PrinterReport{"error", job.error().reason}, fx);
    return;
  }
  last_job_ = *job;
  last_label_ = ticket_->label;
  print_state_ = PrintState::printing;
  printer_busy_ = true;
  fx.print = PrintCommand{std::move(*job), ticket_->label, false};
}

// --- a person ------------------------------------------------------------------

const ServiceCard* KioskModel::card(const std::string& code) const {
  auto it = office_.services.find(code);
  return it == office_.services.end() ? nullptr : &it->second;
}

const ServiceCard* KioskModel::alternative_card() const {
  const ServiceCard* c = card(leaf_service_);
  if (!c || c->alternative_service.empty() || c->alternative_service == leaf_service_) return nullptr;
  const ServiceCard* alt = card(c->alternative_service);
  if (!alt || !alt->enabled || alt->quota_used_up() || alt->status == ServiceStatus::halted) return nullptr;
  return alt;
}

std::string KioskModel::alternative_text() const {
  const RouteNode* leaf = chosen_leaf();
  if (leaf && !leaf->alternative.empty()) return leaf->alternative.in(lang_);
  const ServiceCard* c = card(leaf_service_);
  if (c && !c->alternative.empty()) return c->alternative.in(lang_);
  return std::string(tr("kiosk.alternative.generic", lang_));
}

const RouteNode* KioskModel::chosen_leaf() const {
  if (leaf_id_.empty()) return nullptr;
  std::vector<std::string> p = path_;
  p.push_back(leaf_id_);
  const RouteNode* n = find_route(routes_, p);
  return n && n->leaf() ? n : nullptr;
}

void KioskModel::go_home(Effects& fx, bool reset_person) {
  base_ = Base::home;
  path_.clear();
  leaf_id_.clear();
  leaf_service_.clear();
  staff_.close();
  if (reset_person) {
    priority_ = Priority::reguler;
    if (lang_ != settings_.lang) {
      lang_ = settings_.lang;
      fx.lang = lang_;
    }
  }
}

void KioskModel::go_back() {
  leaf_id_.clear();
  leaf_service_.clear();
  if (base_ == Base::question && !path_.empty()) path_.pop_back();
  base_ = path_.empty() ? Base::home : Base::question;
}

void KioskModel::issue(int64_t now_ms, Effects& fx) {
  issuing_ = true;
  issuing_service_ = leaf_service_;
  last_activity_ms_ = now_ms;
  fx.issue = IssueCommand{leaf_service_, priority_};
}

bool KioskModel::choose(const RouteNode& node, int64_t now_ms, Effects& fx) {
  if (!node.leaf()) {
    path_.push_back(node.id);
    base_ = Base::question;
    return true;
  }
  const ServiceCard* c = card(node.service);
  if (!c) return false;
  leaf_id_ = node.id;
  leaf_service_ = node.service;
  if (!c->enabled || c->quota_used_up() || !c->issuing_open) {
    // The hub refuses it and counts the refusal (reports, /metrics): ask it, so every
    // person turned away is counted once; its answer shows why and what to do instead.
    issue(now_ms, fx);
  } else if (c->status != ServiceStatus::normal) {
    base_ = Base::warning;  // warned honestly, then the person decides
  } else {
    issue(now_ms, fx);
  }
  return true;
}

KioskModel::TapResult KioskModel::tap(std::string_view key, int64_t now_ms) {
  TapResult r;
  const ScreenId s = screen();
  if (s == ScreenId::issuing) return r;  // one ticket at a time: nothing to touch
  if (key == "staff") {
    if (staff_.active()) return r;
    staff_.tap_corner(now_ms);
    if (staff_.active()) staff_message_key_.clear();  // the menu opens without the last message
    last_activity_ms_ = now_ms;
    r.accepted = true;
    return r;
  }
  if (staff_.active()) {
    r.accepted = staff_input(key, now_ms, r.effects);
    if (r.accepted) last_activity_ms_ = now_ms;
    return r;
  }
  if (comeback_input(s, key, now_ms, r.effects)) {
    r.accepted = true;
    last_activity_ms_ = now_ms;
    return r;
  }
  if (key == "lang") {
    lang_ = lang_ == Lang::id ? Lang::en : Lang::id;
    r.effects.lang = lang_;
    r.accepted = true;
    last_activity_ms_ = now_ms;
    return r;
  }
  switch (s) {
    case ScreenId::home:
    case ScreenId::question: {
      if (starts_with(key, "route:")) {
        const auto* choices = choices_at(routes_, path_);
        const std::string id(key.substr(6));
        if (!choices) break;
        for (const RouteNode& n : *choices)
          if (n.id == id) r.accepted = choose(n, now_ms, r.effects);
      } else if (s == ScreenId::home && starts_with(key, "priority:")) {
        Priority p;
        if (parse(key.substr(9), p)) {
          priority_ = priority_ == p ? Priority::reguler : p;  // a second touch undoes it
          r.accepted = true;
        }
      } else if (s == ScreenId::question && (key == "back" || key == "home")) {
        if (key == "back") go_back(); else go_home(r.effects, false);
        r.accepted = true;
      }
      break;
    }
    case ScreenId::warning:
    case ScreenId::unavailable:
      if (key == "alternative") {
        if (const ServiceCard* alt = alternative_card()) {
          leaf_service_ = alt->code;
          issue(now_ms, r.effects);
          r.accepted = true;
        }
        break;
      }
      if (s == ScreenId::unavailable) {
        if (key == "back") {
          go_back();
          r.accepted = true;
        } else if (key == "home") {
          go_home(r.effects, false);
          r.accepted = true;
        }
        break;
      }
      if (key == "confirm") {
        const ServiceCard* c = card(leaf_service_);
        if (!c || !c->enabled || c->quota_used_up()) {
          // Changed while reading: show why instead of a doomed request.
          const RouteNode* leaf = chosen_leaf();
          if (leaf) r.accepted = choose(*leaf, now_ms, r.effects);
        } else {
          issue(now_ms, r.effects);
          r.accepted = true;
        }
      } else if (key == "back") {
        go_back();
        r.accepted = true;
      }
      break;
    case ScreenId::failed:
      if (key == "home") {
        go_home(r.effects, false);
        r.accepted = true;
      }
      break;
    case ScreenId::ticket:
      if (key == "done") {
        go_home(r.effects, true);
        r.accepted = true;
      }
      break;
    default:
      break;
  }
  if (r.accepted) last_activity_ms_ = now_ms;
  return r;
}

// --- time ------------------------------------------------------------------------

int64_t KioskModel::base_timeout_ms() const {
  const int64_t idle = int64_t(settings_.idle_seconds) * 1000;
  if (staff_.active()) return idle;
  if (base_ == Base::ticket || base_ == Base::comeback) {
    if (print_state_ == PrintState::printing) return kNoDeadline;  // until the printer answers
    if (print_state_ == PrintState::ok) return std::max(idle, kTicketShownMinMs);
    return std::max(idle * 3, kTicketUnprintedMs);  // not printed: time to note the number
  }
  if (base_ == Base::home) return kNoDeadline;
  return idle;
}

Effects KioskModel::tick(int64_t now_ms) {
  Effects fx;
  const ScreenId s = screen();
  const int64_t idle = int64_t(settings_.idle_seconds) * 1000;
  if (s != ScreenId::issuing && s != ScreenId::home && s != ScreenId::offline) {
    const int64_t t = base_timeout_ms();
    if (t != kNoDeadline && now_ms - last_activity_ms_ >= t) go_home(fx, true);
  } else if ((s == ScreenId::home || s == ScreenId::offline) &&
             (priority_ != Priority::reguler || lang_ != settings_.lang) && now_ms - last_activity_ms_ >= idle) {
    go_home(fx, true);  // the last person walked away after choosing a language or priority
  }
  if (settings_.printer.kind != printing::PrinterTarget::Kind::none && !printer_busy_ &&
      now_ms >= next_printer_check_ms_ && screen() == ScreenId::home) {
    printer_busy_ = true;
    fx.check_printer = true;
    next_printer_check_ms_ = kNoDeadline;  // set again by the answer
  }
  return fx;
}

int64_t KioskModel::next_deadline_ms() const {
  int64_t d = kNoDeadline;
  const ScreenId s = screen();
  const int64_t idle = int64_t(settings_.idle_seconds) * 1000;
  if (s != ScreenId::issuing && s != ScreenId::home && s != ScreenId::offline) {
    const int64_t t = base_timeout_ms();
    if (t != kNoDeadline) d = std::min(d, last_activity_ms_ + t);
    if (s == ScreenId::staff_pin && staff_.locked_until_ms() > last_activity_ms_)
      d = std::min(d, staff_.locked_until_ms());  // the pad comes back by itself
  } else if ((s == ScreenId::home || s == ScreenId::offline) &&
             (priority_ != Priority::reguler || lang_ != settings_.lang)) {
    d = std::min(d, last_activity_ms_ + idle);
  }
  if (settings_.printer.kind != printing::PrinterTarget::Kind::none && !printer_busy_)
    d = std::min(d, next_printer_check_ms_);
  return d;
}

ScreenId KioskModel::screen() const {
  if (issuing_ || pending_) return ScreenId::issuing;
  if (staff_.mode() == StaffAccess::Mode::pin) return ScreenId::staff_pin;
  if (staff_.mode() == StaffAccess::Mode::menu) return ScreenId::staff_menu;
  // A ticket (or the news that none could be made) stays readable without the hub.
  if (base_ == Base::ticket) return ScreenId::ticket;
  if (base_ == Base::failed) return ScreenId::failed;
  if (base_ == Base::comeback) return ScreenId::comeback;  // the code stays readable offline
  if (!online()) return ScreenId::offline;
  switch (base_) {
    case Base::home: return ScreenId::home;
    case Base::question: return ScreenId::question;
    case Base::warning: return ScreenId::warning;
    case Base::unavailable: return ScreenId::unavailable;
    case Base::failed: return ScreenId::failed;
    case Base::ticket: return ScreenId::ticket;
    case Base::comeback: return ScreenId::comeback;
    case Base::phone: return ScreenId::comeback_phone;
    case Base::checkin: return ScreenId::checkin;
  }
  return ScreenId::home;
}

}  // namespace antrian::kiosk
