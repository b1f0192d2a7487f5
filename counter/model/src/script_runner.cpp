// ScriptRunner: runs parsed steps through the view model, one at a time.
#include <algorithm>

#include "antrian/counter/availability.h"
#include "antrian/counter/desk_queue.h"
#include "antrian/counter/script.h"

namespace antrian::counter {
namespace {

using json = nlohmann::json;

int64_t seconds_arg(const ScriptStep& s, std::size_t i, int64_t fallback_ms) {
  return s.args.size() > i ? std::stoll(s.args[i]) * 1000 : fallback_ms;
}

json base(const ScriptStep& s) { return {{"line", s.line}, {"step", s.source}}; }

json ok(const ScriptStep& s) {
  json r = base(s);
  r["ok"] = true;
  return r;
}

json failed(const ScriptStep& s, const std::string& error, const std::string& reason, const std::string& key = {}) {
  json r = base(s);
  r["ok"] = false;
  r["error"] = error;
  r["reason"] = reason;
  if (!key.empty()) r["reason_key"] = key;
  return r;
}

// The console said no (a disabled button, a missing choice): its notice says why.
json refused_by_console(const ScriptStep& s, const ConsoleModel& model) {
  const auto& n = model.notice();
  if (!n) return failed(s, "disabled", "the console did not accept this step");
  return failed(s, "disabled", trf(n->key, model.lang(), n->args), n->key);
}

std::string choices(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& x : v) out += (out.empty() ? "" : ", ") + x;
  return out;
}

}  // namespace

void ScriptRunner::append(std::vector<ScriptStep> more) {
  for (ScriptStep& s : more) steps_.push_back(std::move(s));
}

void ScriptRunner::reject(int line, const std::string& source, const Error& error) {
  ++failures_;
  json r = {{"line", line}, {"step", source}, {"ok", false}, {"error", error.code}, {"reason", error.reason}};
  previous_ = r;
  reports_.push_back(std::move(r));
}

void ScriptRunner::finish(json report) {
  if (!report.value("ok", false)) ++failures_;
  previous_ = report;
  reports_.push_back(std::move(report));
  running_ = false;
  phase_ = Phase::before;
  ++next_;
}

std::vector<json> ScriptRunner::take_reports() {
  std::vector<json> out;
  out.swap(reports_);
  return out;
}

bool ScriptRunner::poll(ConsoleModel& model, const Mirror& m, int64_t now_ms) {
  model.on_mirror(m);
  while (next_ < steps_.size()) {
    const ScriptStep& s = steps_[next_];
    if (!running_) {
      running_ = true;
      phase_ = Phase::before;
      deadline_ms_ = now_ms + kDefaultStepTimeoutMs;
    }
    if (phase_ == Phase::before) {
      // Nothing runs while an earlier action is on its way; sign-in needs the lists.
      const bool needs_live = s.verb == "sign-in";
      if (model.busy(m) || (needs_live && (!m.live() || model.stale()))) {
        if (now_ms < deadline_ms_) return false;
        finish(failed(s, "timeout", needs_live && !m.live() ? "the hub was not reachable" : "the previous action got no answer"));
        continue;
      }
      sent_before_ = model.sent();
      auto at_once = start_step(s, model, m, now_ms);
      if (at_once) {
        finish(std::move(*at_once));
        continue;
      }
      if (phase_ == Phase::before) phase_ = model.sent() > sent_before_ ? Phase::waiting_reply : Phase::waiting_condition;
    }
    if (phase_ == Phase::waiting_reply) {
      if (model.busy(m)) {
        if (now_ms < deadline_ms_) return false;
        finish(failed(s, "timeout", "no answer within " + std::to_string(kDefaultStepTimeoutMs / 1000) + " s"));
        continue;
      }
      const auto& r = model.last_result();
      json report = r && r->ok ? ok(s) : failed(s, r ? r->code : "unknown", r ? r->reason : "");
      if (r && r->ok && r->result.contains("ticket") && r->result["ticket"].is_object())
        report["ticket"] = r->result["ticket"].value("label", "");
      // A refused dialog stays open for a person to correct; a script moves on.
      if (!(r && r->ok) && model.dialog() != DialogKind::none) model.cancel_dialog();
      finish(std::move(report));
      continue;
    }
    // waiting_condition
    if (s.verb == "sleep") {
      if (now_ms < deadline_ms_) return false;
      finish(ok(s));
      continue;
    }
    if (auto done = check_condition(s, model, m)) {
      finish(std::move(*done));
      continue;
    }
    if (now_ms < deadline_ms_) return false;
    finish(failed(s, "timeout", "still not true after the step's time limit"));
  }
  return true;
}

std::optional<json> ScriptRunner::start_step(const ScriptStep& s, ConsoleModel& model, const Mirror& m, int64_t now_ms) {
  const std::string& v = s.verb;
  auto action_result = [&](bool accepted) -> std::optional<json> {
    if (model.sent() > sent_before_) return std::nullopt;  // wait for the hub's answer
    return accepted ? ok(s) : refused_by_console(s, model);
  };
  if (v == "wait-online" || v == "wait-offline" || v == "wait-called") {
    deadline_ms_ = now_ms + seconds_arg(s, v == "wait-called" ? 1 : 0, kDefaultStepTimeoutMs);
    phase_ = Phase::waiting_condition;
    return std::nullopt;
  }
  if (v == "sleep") {
    deadline_ms_ = now_ms + std::stoll(s.args[0]);
    phase_ = Phase::waiting_condition;
    return std::nullopt;
  }
  if (v == "sign-in") {
    if (model.mode() != Mode::sign_in) return failed(s, "disabled", "already signed in: sign out first");
    model.choose_loket(std::stoi(s.args[0]));
    model.choose_staff(s.args[1]);
    while (!model.sign_in_form().pin.empty()) model.key({Key::backspace}, m);
    model.text(s.args[2], m);
    return action_result(model.submit_sign_in(m));
  }
  if (v == "call-next") return action_result(model.trigger(Action::call_next, m));
  if (v == "recall") return action_result(model.trigger(Action::recall, m));
  if (v == "start") return action_result(model.trigger(Action::start, m));
  if (v == "finish") return action_result(model.trigger(Action::finish, m));
  if (v == "no-show") return action_result(model.trigger(Action::no_show, m));
  if (v == "pause") return action_result(model.trigger(Action::pause, m));
  if (v == "resume") return action_result(model.trigger(Action::resume, m));
  if (v == "sign-out") return action_result(model.trigger(Action::sign_out, m));
  if (v == "press") return action_result(model.trigger(*parse_action(s.args[0]), m));
  if (v == "key") return action_result(model.key(*parse_key(s.args[0]), m) || true);
  if (v == "type") {
    model.text(s.rest, m);
    return ok(s);
  }
  if (v == "lang") {
    model.set_lang(s.args[0] == "en" ? Lang::en : Lang::id);
    return ok(s);
  }
  if (v == "call") {
    const auto rows = waiting_for_loket(m.state, model.loket(), m.now_ms);
    auto it = std::find_if(rows.begin(), rows.end(), [&](const WaitingTicket& w) { return w.label == s.args[0]; });
    if (it == rows.end()) return failed(s, "not_waiting", s.args[0] + " is not in this loket's waiting list");
    model.select_ticket(it->id);
    return action_result(model.trigger(Action::call_selected, m));
  }
  if (v == "transfer") {
    if (!model.trigger(Action::transfer, m)) return refused_by_console(s, model);
    const auto& targets = model.transfer_dialog().targets;
    const bool to_loket = s.args[0] == "loket";
    std::vector<std::string> names;
    int index = -1;
    for (std::size_t i = 0; i < targets.size(); ++i) {
      const std::string name = targets[i].to_loket ? std::to_string(targets[i].loket) : targets[i].service;
      if (targets[i].to_loket == to_loket) names.push_back(name);
      if (targets[i].to_loket == to_loket && name == s.args[1]) index = static_cast<int>(i);
    }
    if (index < 0) {
      model.cancel_dialog();
      return failed(s, "bad_target", "no " + s.args[0] + " \"" + s.args[1] + "\" to transfer to (choices: " + choices(names) + ")");
    }
    model.choose_target(index);
    if (!s.rest.empty()) model.text(s.rest, m);
    const bool sent = model.confirm_dialog(m);
    if (!sent) model.cancel_dialog();
    return action_result(sent);
  }
  if (v == "report") {
    if (!model.trigger(Action::report_disruption, m)) return refused_by_console(s, model);
    const auto& resources = model.disruption_dialog().resources;
    auto it = std::find(resources.begin(), resources.end(), s.args[0]);
    if (it == resources.end()) {
      model.cancel_dialog();
      return failed(s, "bad_target", "no resource \"" + s.args[0] + "\" (resources: " + choices(resources) + ")");
    }
    model.choose_resource(static_cast<int>(it - resources.begin()), m);
    model.set_level(s.args[1] == "down" ? DisruptionLevel::down : DisruptionLevel::degraded);
    if (!s.rest.empty()) model.text(s.rest, m);
    const bool sent = model.confirm_dialog(m);
    if (!sent) model.cancel_dialog();
    return action_result(sent);
  }
  if (v == "expect-current") {
    const Ticket* t = held_ticket(m.state, model.loket());
    const std::string have = t ? t->label() : "none";
    if (have == s.args[0]) return ok(s);
    return failed(s, "expectation", "this loket holds " + have + ", not " + s.args[0]);
  }
  if (v == "expect-refused") {
    if (!previous_ || previous_->value("ok", true))
      return failed(s, "expectation", "the previous step was not refused");
    const std::string code = previous_->value("error", "");
    if (!s.args.empty() && s.args[0] != code)
      return failed(s, "expectation", "the previous step was refused with " + code + ", not " + s.args[0]);
    --failures_;  // the refusal was the point: it no longer counts as a failure
    return ok(s);
  }
  return failed(s, "bad_script", "unknown step");
}

std::optional<json> ScriptRunner::check_condition(const ScriptStep& s, const ConsoleModel& model, const Mirror& m) {
  const std::string& v = s.verb;
  if (v == "wait-online" && m.live() && !model.stale() && !model.busy(m)) return ok(s);
  if (v == "wait-offline" && !m.online) return ok(s);
  if (v == "wait-called") {
    for (const auto& [_, t] : m.state.tickets)
      if (t.label() == s.args[0] && (t.state == TicketState::called || t.state == TicketState::serving)) {
        json r = ok(s);
        r["counter"] = t.counter;
        return r;
      }
  }
  return std::nullopt;
}

}  // namespace antrian::counter
