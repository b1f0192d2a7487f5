// ConsoleModel: actions, requests and answers. Key handling is in console_keys.cpp.
#include "antrian/error_text.h"
#include "antrian/counter/console_model.h"

#include <algorithm>

#include "antrian/counter/desk_queue.h"
#include "antrian/desk_rules.h"

namespace antrian::counter {
namespace {

std::string label_of(const nlohmann::json& result) {
  if (result.contains("ticket") && result["ticket"].is_object()) return result["ticket"].value("label", "");
  return "";
}

std::string loket_name(const OfficeState& s, int n) {
  auto c = s.counters.find(n);
  return c != s.counters.end() ? c->second.name : "Loket " + std::to_string(n);
}

}  // namespace

std::string error_headline_key(std::string_view code) {
  namespace err = proto::err;
  for (std::string_view known : {err::bad_request, err::forbidden, err::not_found, err::illegal_state,
                                 err::queue_empty, err::auth_failed, err::storage, err::unreachable,
                                 err::service_halted})
    if (code == known) return "counter.error." + std::string(code);
  return error_key(code);  // the shared row of every protocol error (error_text.h)
}

ConsoleModel::ConsoleModel(Options options) : lang_(options.lang) { form_.loket = options.loket; }

void ConsoleModel::set_notice(Notice::Kind kind, std::string key, std::vector<std::string> args, std::string detail) {
  notice_ = Notice{kind, std::move(key), std::move(args), std::move(detail)};
}

bool ConsoleModel::busy(const Mirror& m) const {
  if (!pending_) return false;
  if (!pending_->answered) return true;
  return m.online && m.state.seq < pending_->await_seq;
}

std::optional<std::string> ConsoleModel::pending_command() const {
  if (!pending_) return std::nullopt;
  return pending_->cmd;
}

Desk ConsoleModel::desk(const Mirror& m) const {
  Desk d;
  d.loket = loket_;
  d.staff = staff_;
  d.selected = selected_;
  d.busy = busy(m);
  d.stale = stale();
  d.stale_reason = outcome_unknown() ? "counter.why.stale" : "counter.why.catching_up";
  return d;
}

Availability ConsoleModel::availability(Action a, const Mirror& m) const {
  if (mode_ != Mode::console && a != Action::toggle_lang) return Availability{false, "counter.why.not_signed_in", {}};
  return counter::availability(a, m, desk(m));
}

void ConsoleModel::send(std::string cmd, nlohmann::json args, std::optional<Action> action) {
  Pending p;
  p.token = next_token_++;
  p.cmd = cmd;
  p.action = action;
  outbox_.push_back(Outgoing{p.token, std::move(cmd), std::move(args)});
  pending_ = std::move(p);
  ++sent_;
}

std::vector<Outgoing> ConsoleModel::take_outbox() {
  std::vector<Outgoing> out;
  out.swap(outbox_);
  return out;
}

void ConsoleModel::refused(const Availability& why, std::string_view what) {
  set_notice(Notice::Kind::warning, "counter.notice.not_now", {std::string(what), trf(why.reason_key, lang_, why.reason_args)});
}

bool ConsoleModel::trigger(Action a, const Mirror& m) {
  settle(m);
  if (a == Action::toggle_lang) {
    lang_ = lang_ == Lang::id ? Lang::en : Lang::id;
    return true;
  }
  const Availability av = availability(a, m);
  if (!av.enabled) {
    refused(av, tr(action_label_key(a), lang_));
    return false;
  }
  const nlohmann::json counter = {{"counter", loket_}};
  switch (a) {
    case Action::call_next: send(std::string(proto::cmd::call_next), counter, a); break;
    case Action::recall: send(std::string(proto::cmd::recall), counter, a); break;
    case Action::start: send(std::string(proto::cmd::start), counter, a); break;
    case Action::finish: send(std::string(proto::cmd::finish), counter, a); break;
    case Action::no_show: send(std::string(proto::cmd::no_show), counter, a); break;
    case Action::pause: send(std::string(proto::cmd::pause), counter, a); break;
    case Action::resume: send(std::string(proto::cmd::resume), counter, a); break;
    case Action::sign_out: send(std::string(proto::cmd::sign_out), counter, a); break;
    case Action::call_selected:
      send(std::string(proto::cmd::call), {{"counter", loket_}, {"ticket", *selected_}}, a);
      break;
    case Action::undo_no_show:
      send(std::string(proto::cmd::restore_no_show),
           {{"counter", loket_}, {"ticket", returnable_no_show_of(m.state, loket_, m.now_ms)->id}}, a);
      break;
    case Action::transfer:
      transfer_ = open_transfer(m.state, loket_, *held_ticket(m.state, loket_));
      dialog_ = DialogKind::transfer;
      notice_.reset();
      break;
    case Action::report_disruption:
      disruption_ = open_disruption(m.state, loket_);
      dialog_ = DialogKind::disruption;
      notice_.reset();
      break;
    case Action::toggle_lang: break;
  }
  return true;
}

void ConsoleModel::choose_loket(int number) { form_.loket = number; }
void ConsoleModel::choose_staff(const std::string& id) { form_.staff = id; }

bool ConsoleModel::submit_sign_in(const Mirror& m) {
  settle(m);
  if (mode_ != Mode::sign_in) return false;
  if (!m.online) return set_notice(Notice::Kind::warning, "counter.why.offline"), false;
  if (!m.synced) return set_notice(Notice::Kind::warning, "counter.why.syncing"), false;
  if (busy(m)) return set_notice(Notice::Kind::warning, "counter.why.busy"), false;
  if (stale()) return set_notice(Notice::Kind::warning, "counter.why.catching_up"), false;
  if (!m.state.counters.count(form_.loket))
    return set_notice(Notice::Kind::warning, "counter.signin.need_loket"), false;
  auto member = m.state.staff.find(form_.staff);
  if (member == m.state.staff.end() || !member->second.active)
    return set_notice(Notice::Kind::warning, "counter.signin.need_staff"), false;
  if (form_.pin.empty()) return set_notice(Notice::Kind::warning, "counter.signin.need_pin"), false;
  send(std::string(proto::cmd::sign_in), {{"counter", form_.loket}, {"staff", form_.staff}, {"pin", form_.pin.text()}},
       std::nullopt);
  notice_.reset();
  return true;
}

void ConsoleModel::select_ticket(std::optional<int64_t> id) { selected_ = id; }

void ConsoleModel::move_selection(int delta, const Mirror& m) {
  const auto rows = waiting_for_loket(m.state, loket_, m.now_ms);
  if (rows.empty()) {
    selected_.reset();
    return;
  }
  int at = -1;
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (selected_ && rows[i].id == *selected_) at = static_cast<int>(i);
  const int last = static_cast<int>(rows.size()) - 1;
  // Nothing chosen yet: End picks the last row, any other key the first.
  const int next = at < 0 ? (delta >= 1'000'000 ? last : 0) : std::clamp(at + delta, 0, last);
  selected_ = rows[static_cast<std::size_t>(next)].id;
}

void ConsoleModel::choose_target(int index) {
  if (index >= 0 && index < static_cast<int>(transfer_.targets.size())) transfer_.chosen = index;
}

void ConsoleModel::choose_resource(int index, const Mirror& m) {
  if (index < 0 || index >= static_cast<int>(disruption_.resources.size())) return;
  disruption_.chosen = index;
  preset_affected(m.state, disruption_);
}

void ConsoleModel::set_level(DisruptionLevel level) { disruption_.level = level; }

void ConsoleModel::toggle_affected(int index) {
  if (index >= 0 && index < static_cast<int>(disruption_.affected.size()))
    disruption_.affected[static_cast<std::size_t>(index)] = !disruption_.affected[static_cast<std::size_t>(index)];
}

bool ConsoleModel::confirm_dialog(const Mirror& m) {
  settle(m);
  if (dialog_ == DialogKind::none) return false;
  const Action a = dialog_ == DialogKind::transfer ? Action::transfer : Action::report_disruption;
  const Availability av = availability(a, m);
  if (!av.enabled) {
    refused(av, tr(action_label_key(a), lang_));
    return false;
  }
  if (dialog_ == DialogKind::transfer) {
    const Ticket* held = held_ticket(m.state, loket_);
    if (!held || held->id != transfer_.ticket_id) {  // the ticket left the desk meanwhile
      set_notice(Notice::Kind::warning, "counter.transfer.ticket_gone", {transfer_.ticket_label});
      return false;
    }
    if (transfer_.targets.empty()) return set_notice(Notice::Kind::warning, "counter.transfer.no_target"), false;
    send(std::string(proto::cmd::transfer), transfer_args(transfer_, loket_), a);
  } else {
    if (disruption_.resources.empty()) return set_notice(Notice::Kind::warning, "counter.disruption.no_resource"), false;
    if (std::none_of(disruption_.affected.begin(), disruption_.affected.end(), [](bool b) { return b; }))
      return set_notice(Notice::Kind::warning, "counter.disruption.need_service"), false;
    if (!expected_end_args(disruption_.expected.text()))
      return set_notice(Notice::Kind::warning, "counter.disruption.bad_expected", {disruption_.expected.text()}), false;
    send(std::string(proto::cmd::disruption_set), disruption_args(m.state, disruption_, loket_), a);
  }
  notice_.reset();
  return true;
}

bool ConsoleModel::clear_own_disruption(const Mirror& m) {
  settle(m);
  if (dialog_ != DialogKind::disruption) return false;
  const Availability av = availability(Action::report_disruption, m);
  if (!av.enabled) {
    refused(av, tr("counter.disruption.clear", lang_));
    return false;
  }
  const Disruption* own = own_disruption(m.state, disruption_, loket_);
  if (!own) return set_notice(Notice::Kind::warning, "counter.disruption.none_own"), false;
  send(std::string(proto::cmd::disruption_clear), {{"id", own->id}, {"counter", loket_}}, Action::report_disruption);
  notice_.reset();
  return true;
}

void ConsoleModel::cancel_dialog() {
  dialog_ = DialogKind::none;
  notice_.reset();
}

void ConsoleModel::settle(const Mirror& m) {
  if (pending_ && pending_->answered && !busy(m)) pending_.reset();
}

void ConsoleModel::on_reply(uint64_t token, const proto::Reply& reply, const Mirror& m) {
  if (token != 0 && token == probe_token_) {
    probe_token_ = 0;
    if (reply.ok && reply.result.contains("seq") && reply.result["seq"].is_number_integer())
      resync_seq_ = std::max<int64_t>(1, reply.result["seq"].get<int64_t>());
    on_mirror(m);
    return;
  }
  if (!pending_ || pending_->token != token || pending_->answered) return;  // not ours (any more)
  ++answered_;
  RequestResult r;
  r.cmd = pending_->cmd;
  r.ok = reply.ok;
  r.code = reply.error.code;
  r.reason = reply.error.reason;
  r.result = reply.result;
  last_result_ = r;
  if (reply.ok) {
    pending_->answered = true;
    if (reply.result.contains("seq") && reply.result["seq"].is_number_integer())
      pending_->await_seq = reply.result["seq"].get<int64_t>();
    succeeded(*pending_, reply.result, m);
    settle(m);
    return;
  }
  const bool unreachable = reply.error.code == proto::err::unreachable;
  pending_.reset();
  if (unreachable) {
    // Perhaps done, perhaps not: trust nothing until the mirror has the hub's word.
    start_resync(Resync::lost_answer);
    set_notice(Notice::Kind::error, "counter.error.unreachable", {}, reply.error.reason);
    on_mirror(m);
    return;
  }
  if (r.cmd == proto::cmd::sign_in && reply.error.code == proto::err::auth_failed) form_.pin.clear();
  set_notice(Notice::Kind::error, error_headline_key(reply.error.code), {}, reply.error.reason);
}

void ConsoleModel::succeeded(const Pending& p, const nlohmann::json& result, const Mirror& m) {
  const std::string label = label_of(result);
  const std::string here = loket_name(m.state, loket_);
  using K = Notice::Kind;
  if (p.cmd == proto::cmd::sign_in) {
    mode_ = Mode::console;
    loket_ = form_.loket;
    staff_ = form_.staff;
    form_.pin.clear();
    selected_.reset();
    dialog_ = DialogKind::none;
    auto member = m.state.staff.find(staff_);
    set_notice(K::success, "counter.notice.signed_in",
               {member != m.state.staff.end() ? member->second.name : staff_, loket_name(m.state, loket_)});
    return;
  }
  if (!p.action) return;
  switch (*p.action) {
    case Action::call_next:
    case Action::call_selected:
      selected_.reset();
      set_notice(K::success, "counter.notice.called", {label, here});
      break;
    case Action::recall:
      set_notice(K::success, "counter.notice.recalled",
                 {label, std::to_string(result.contains("ticket") ? result["ticket"].value("recalls", 0) : 0)});
      break;
    case Action::start: set_notice(K::success, "counter.notice.started", {label}); break;
    case Action::finish: set_notice(K::success, "counter.notice.finished", {label}); break;
    case Action::no_show: set_notice(K::success, "counter.notice.no_show", {label}); break;
    case Action::undo_no_show: set_notice(K::success, "counter.notice.restored", {label}); break;
    case Action::transfer: {
      dialog_ = DialogKind::none;
      const TransferTarget& t = transfer_.targets.at(std::size_t(transfer_.chosen));
      std::string where = t.to_loket ? loket_name(m.state, t.loket) : t.service;
      if (!t.to_loket)
        if (auto s = m.state.services.find(t.service); s != m.state.services.end())
          where = t.service + " " + (lang_ == Lang::id ? s->second.name_id : s->second.name_en);
      set_notice(K::success, "counter.notice.transferred", {transfer_.ticket_label, where});
      break;
    }
    case Action::report_disruption: {
      dialog_ = DialogKind::none;
      const std::string id = disruption_.resources.at(std::size_t(disruption_.chosen));
      auto r = m.state.resources.find(id);
      set_notice(K::success, p.cmd == proto::cmd::disruption_clear ? "counter.notice.cleared" : "counter.notice.reported",
                 {r == m.state.resources.end() ? id : (lang_ == Lang::id ? r->second.name_id : r->second.name_en)});
      break;
    }
    case Action::pause: set_notice(K::success, "counter.notice.paused"); break;
    case Action::resume: set_notice(K::success, "counter.notice.resumed"); break;
    case Action::sign_out:
      mode_ = Mode::sign_in;
      form_.loket = loket_;
      form_.staff.clear();
      staff_.clear();
      selected_.reset();
      set_notice(K::success, "counter.notice.signed_out");
      break;
    case Action::toggle_lang: break;
  }
}

void ConsoleModel::start_resync(Resync why) {
  if (resync_ != Resync::lost_answer) resync_ = why;  // an unknown outcome stays the headline
  resync_seq_ = 0;
  probe_token_ = 0;  // an answer to an older probe no longer counts
}

void ConsoleModel::on_mirror(const Mirror& m) {
  settle(m);
  // An outage ended: the mirror may still hold the state from before it.
  if (!m.online && heard_before_) outage_ = true;
  if (m.online) {
    heard_before_ = true;
    if (outage_) {
      outage_ = false;
      start_resync(Resync::reconnect);
    }
  }
  if (resync_ != Resync::none) {
    if (m.online && probe_token_ == 0 && resync_seq_ == 0) {
      probe_token_ = next_token_++;
      outbox_.push_back(Outgoing{probe_token_, std::string(proto::cmd::hello), nlohmann::json::object()});
    }
    if (resync_seq_ > 0 && m.live() && m.state.seq >= resync_seq_) {
      set_notice(Notice::Kind::info, resync_ == Resync::lost_answer ? "counter.notice.resynced" : "counter.notice.reconnected");
      resync_ = Resync::none;
      resync_seq_ = 0;
    }
    if (resync_ != Resync::none) return;
  }
  if (mode_ == Mode::sign_in && form_.loket != 0 && m.live() && !m.state.counters.count(form_.loket)) {
    set_notice(Notice::Kind::warning, "counter.signin.no_such_loket", {std::to_string(form_.loket)});
    form_.loket = 0;
  }
  if (mode_ == Mode::console && m.live() && !busy(m)) {
    auto c = m.state.counters.find(loket_);
    if (c == m.state.counters.end() || c->second.staff != staff_ || c->second.state == CounterState::closed) {
      mode_ = Mode::sign_in;
      dialog_ = DialogKind::none;
      form_.loket = loket_;
      form_.staff.clear();
      staff_.clear();
      selected_.reset();
      set_notice(Notice::Kind::warning, "counter.notice.signed_out_elsewhere");
      return;
    }
  }
  if (selected_ && mode_ == Mode::console) {
    const auto rows = waiting_for_loket(m.state, loket_, m.now_ms);
    if (std::none_of(rows.begin(), rows.end(), [&](const WaitingTicket& w) { return w.id == *selected_; }))
      selected_.reset();
  }
}

}  // namespace antrian::counter
