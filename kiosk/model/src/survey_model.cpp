// SurveyModel: the survey tablet's flow (survey_model.h). What each screen says is in
// survey_view.cpp.
#include "antrian/kiosk/survey_model.h"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace antrian::kiosk {
namespace {

constexpr std::size_t kMaxLabelTyped = 8;  // "ABC-9999" without the hyphen fits

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

}  // namespace

std::optional<std::string> survey_label(std::string_view typed) {
  std::string letters, digits;
  for (char ch : typed) {
    const unsigned char c = static_cast<unsigned char>(ch);
    if (ch == ' ' || ch == '-') continue;
    if (std::isalpha(c)) {
      if (!digits.empty()) return std::nullopt;  // letters after the number
      letters += static_cast<char>(std::toupper(c));
    } else if (std::isdigit(c)) {
      digits += ch;
    } else {
      return std::nullopt;
    }
  }
  if (letters.empty() || letters.size() > 3 || digits.empty() || digits.size() > 4) return std::nullopt;
  const int number = std::stoi(digits);
  if (number < 1) return std::nullopt;
  char buf[16];
  std::snprintf(buf, sizeof buf, "%03d", number);
  return letters + "-" + buf;
}

std::optional<std::string> survey_token(std::string_view typed) {
  const auto at = typed.find("/t/");
  if (at == std::string_view::npos) return std::nullopt;
  std::string token;
  for (char ch : typed.substr(at + 3)) {
    if (ch == '/' || ch == '?' || ch == '#') break;
    if (!std::isalnum(static_cast<unsigned char>(ch))) return std::nullopt;
    token += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  if (token.empty() || token.size() > 64) return std::nullopt;
  return token;
}

SurveyModel::SurveyModel(KioskSettings settings)
    : settings_(std::move(settings)), staff_(settings_.staff_pin, settings_.fullscreen) {}

Effects SurveyModel::set_office(OfficeSnapshot office, int64_t) {
  office_ = std::move(office);
  have_office_ = true;
  return {};
}

Effects SurveyModel::set_connection(bool online, bool synced, int64_t now_ms) {
  const bool was = this->online();
  online_ = online;
  synced_ = synced;
  Effects fx;
  // Answers the hub did not take are sent again by themselves once it is back.
  if (!was && this->online() && step_ == Step::unsent && !pending_) submit(now_ms, fx);
  return fx;
}

void SurveyModel::reset(int64_t now_ms) {
  step_ = Step::start;
  typed_.clear();
  input_message_key_.clear();
  ticket_arg_ = nullptr;
  label_.clear();
  ticket_state_.clear();
  answers_ = {};
  index_ = 0;
  refusal_ = Refusal::none;
  refused_at_submit_ = false;
  detail_.clear();
  last_activity_ms_ = now_ms;
}

void SurveyModel::send(HubRequest r, int64_t now_ms, Effects& fx) {
  pending_ = r;
  last_activity_ms_ = now_ms;
  fx.request = std::move(r);
}

// The number typed (or the QR scanned) goes to the hub before any question.
void SurveyModel::check(int64_t now_ms, Effects& fx) {
  input_message_key_.clear();
  if (auto token = survey_token(typed_)) {
    ticket_arg_ = {{"token", *token}};
    label_.clear();
  } else if (auto label = survey_label(typed_)) {
    ticket_arg_ = {{"ticket", *label}};
    label_ = *label;
  } else {
    input_message_key_ = "survey.kiosk.bad_number";
    typed_.clear();
    return;
  }
  step_ = Step::checking;
  refused_at_submit_ = false;
  send({std::string(proto::cmd::survey_status), ticket_arg_}, now_ms, fx);
}

void SurveyModel::submit(int64_t now_ms, Effects& fx) {
  nlohmann::json args = ticket_arg_;
  args["answers"] = answers_;
  step_ = Step::sending;
  send({std::string(proto::cmd::survey_submit), std::move(args)}, now_ms, fx);
}

bool SurveyModel::start_input(std::string_view key, int64_t now_ms, Effects& fx) {
  if (key == "key:del") {
    if (!typed_.empty()) typed_.pop_back();
    input_message_key_.clear();
    return true;
  }
  if (key == "key:ok") {
    if (typed_.empty()) return false;
    check(now_ms, fx);
    return true;
  }
  if (!starts_with(key, "key:") || key.size() != 5) return false;
  const std::string k(key.substr(4));
  const std::vector<std::string> ks = keys();
  if (std::find(ks.begin(), ks.end(), std::string(key)) == ks.end()) return false;
  if (typed_.size() >= kMaxLabelTyped || survey_token(typed_)) return false;
  typed_ += k;
  input_message_key_.clear();
  return true;
}

SurveyModel::TapResult SurveyModel::tap(std::string_view key, int64_t now_ms) {
  TapResult r;
  // Staff reach the menu whatever the survey shows, the hub being away included
  // (that is when a tablet may need to leave full screen).
  if (key == "staff" || staff_.active()) {
    r.accepted = staff_input(key, now_ms, r.effects);
    if (r.accepted) last_activity_ms_ = now_ms;
    return r;
  }
  if (pending_ || screen() == ScreenId::offline) return r;  // nothing to touch while the hub is asked
  Effects& fx = r.effects;
  switch (step_) {
    case Step::start: r.accepted = start_input(key, now_ms, fx); break;
    case Step::question:
      if (starts_with(key, "answer:") && key.size() == 8 && key[7] >= '1' && key[7] <= '4') {
        answers_[index_] = key[7] - '0';
        if (index_ + 1 < kSurveyElements) ++index_;
        else submit(now_ms, fx);
        r.accepted = true;
      } else if (key == "back") {
        if (index_ > 0) --index_;
        else reset(now_ms);
        r.accepted = true;
      }
      break;
    case Step::refused:
      if (key == "retry" && refusal_ == Refusal::unreachable) {
        check(now_ms, fx);
        r.accepted = true;
      } else if (key == "done") {
        reset(now_ms);
        r.accepted = true;
      }
      break;
    case Step::unsent:
      if (key == "retry") {
        submit(now_ms, fx);
        r.accepted = true;
      } else if (key == "done") {  // "Batal": the person chose to leave them
        reset(now_ms);
        r.accepted = true;
      }
      break;
    case Step::thanks:
      if (key == "done") {
        reset(now_ms);
        r.accepted = true;
      }
      break;
    case Step::checking:
    case Step::sending: break;
  }
  if (r.accepted) last_activity_ms_ = now_ms;
  return r;
}

bool SurveyModel::staff_input(std::string_view key, int64_t now_ms, Effects& fx) {
  if (key == "staff") {
    if (staff_.active()) return false;
    staff_.tap_corner(now_ms);
    return true;
  }
  switch (staff_.input(key, now_ms, fx)) {
    case StaffAccess::Outcome::handled: return true;
    case StaffAccess::Outcome::cancelled:
    case StaffAccess::Outcome::closed:
      staff_.close();  // back to the survey as it was: answers not yet sent stay
      return true;
    case StaffAccess::Outcome::ignored: break;
  }
  return false;
}

Effects SurveyModel::typed(std::string_view text, int64_t now_ms) {
  if (step_ != Step::start || pending_ || staff_.active()) return {};
  for (char ch : text) {
    if (typed_.size() >= kSurveyMaxTyped) break;
    if (static_cast<unsigned char>(ch) < 0x20) continue;
    typed_ += ch;
  }
  input_message_key_.clear();
  last_activity_ms_ = now_ms;
  return {};
}

Effects SurveyModel::typed_enter(int64_t now_ms) {
  if (staff_.active()) return {};
  Effects fx;
  if (step_ == Step::start && !pending_ && !typed_.empty()) check(now_ms, fx);
  return fx;
}

Effects SurveyModel::on_request_reply(const HubRequest& sent, const proto::Reply& reply, int64_t now_ms) {
  Effects fx;
  if (!pending_) return fx;
  pending_.reset();
  last_activity_ms_ = now_ms;
  detail_ = reply.ok ? std::string() : reply.error.reason;
  const std::string& code = reply.error.code;
  if (sent.cmd == proto::cmd::survey_submit) {
    if (reply.ok) {
      answers_ = {};  // saved: nothing of them stays on the tablet
      step_ = Step::thanks;
    } else if (code == proto::err::unreachable) {
      step_ = Step::unsent;  // kept, and sent again
    } else if (code == proto::err::illegal_state) {
      // Not done, or answered meanwhile (the QR page): the hub says which.
      refused_at_submit_ = true;
      step_ = Step::sending;
      send({std::string(proto::cmd::survey_status), ticket_arg_}, now_ms, fx);
    } else {
      refusal_ = code == proto::err::not_found ? Refusal::not_found : Refusal::other;
      answers_ = {};
      step_ = Step::refused;
    }
    return fx;
  }
  // survey_status
  if (reply.ok) {
    label_ = reply.result.value("label", label_);
    ticket_state_ = reply.result.value("state", "");
    const std::string survey = reply.result.value("survey", "");
    if (survey == "open" && !refused_at_submit_) {
      step_ = Step::question;
      index_ = 0;
      answers_ = {};
      return fx;
    }
    refusal_ = survey == "answered" ? Refusal::answered : survey == "not_finished" ? Refusal::not_finished : Refusal::other;
  } else {
    refusal_ = code == proto::err::not_found     ? Refusal::not_found
               : code == proto::err::unreachable ? Refusal::unreachable
               : code == proto::err::bad_request ? Refusal::bad_number
                                                 : Refusal::other;
  }
  if (refusal_ == Refusal::bad_number) {  // the hub could not read it as a number: type again
    step_ = Step::start;
    typed_.clear();
    input_message_key_ = "survey.kiosk.bad_number";
    return fx;
  }
  answers_ = {};
  step_ = Step::refused;
  return fx;
}

int64_t SurveyModel::idle_ms() const {
  return std::max<int64_t>(int64_t(settings_.idle_seconds) * 1000, kSurveyMinIdleMs);
}

int64_t SurveyModel::next_deadline_ms() const {
  if (staff_.active()) {  // the menu closes by itself; a locked pad comes back by itself
    int64_t d = last_activity_ms_ + idle_ms();
    if (staff_.mode() == StaffAccess::Mode::pin && staff_.locked_until_ms() > last_activity_ms_)
      d = std::min(d, staff_.locked_until_ms());
    return d;
  }
  if (pending_) return INT64_MAX;
  switch (step_) {
    case Step::thanks: return last_activity_ms_ + kSurveyThanksMs;
    case Step::start:
      return typed_.empty() && input_message_key_.empty() ? INT64_MAX : last_activity_ms_ + idle_ms();
    case Step::question:
    case Step::refused:
    case Step::unsent: return last_activity_ms_ + idle_ms();
    case Step::checking:
    case Step::sending: return INT64_MAX;
  }
  return INT64_MAX;
}

// Back to the start when the person has walked away: the next one sees nothing of it.
Effects SurveyModel::tick(int64_t now_ms) {
  if (staff_.active()) {
    if (now_ms - last_activity_ms_ >= idle_ms()) staff_.close();
    return {};
  }
  if (now_ms >= next_deadline_ms()) reset(now_ms);
  return {};
}

ScreenId SurveyModel::screen() const {
  if (staff_.mode() == StaffAccess::Mode::pin) return ScreenId::staff_pin;
  if (staff_.mode() == StaffAccess::Mode::menu) return ScreenId::staff_menu;
  switch (step_) {
    case Step::start: return online() ? ScreenId::survey_start : ScreenId::offline;
    case Step::checking:
    case Step::sending: return ScreenId::survey_wait;
    case Step::question: return ScreenId::survey_question;
    case Step::refused: return ScreenId::survey_refused;
    case Step::unsent: return ScreenId::survey_unsent;
    case Step::thanks: return ScreenId::survey_thanks;
  }
  return ScreenId::survey_start;
}

}  // namespace antrian::kiosk
