// The view half of SurveyModel: the words of each survey screen, Indonesian first with
// English under it, all from the strings table (the same elements and answers as the
// QR page's survey, in survey.h's order).
#include <cctype>
#include <set>

#include "antrian/kiosk/survey_model.h"
#include "antrian/office_time.h"
#include "antrian/kiosk/format.h"

namespace antrian::kiosk {
namespace {

std::string id(std::string_view key, const std::vector<std::string>& args = {}) { return trf(key, Lang::id, args); }
std::string en(std::string_view key, const std::vector<std::string>& args = {}) { return trf(key, Lang::en, args); }

}  // namespace

std::vector<std::string> SurveyModel::keys() const {
  // The letters of the office's tickets (A..F, or KK), then the digits.
  std::set<char> letters;
  for (const auto& [code, card] : office_.services)
    for (char c : card.prefix) letters.insert(c);
  std::vector<std::string> out;
  for (char c : letters) out.push_back(std::string("key:") + c);
  for (char d = '1'; d <= '9'; ++d) out.push_back(std::string("key:") + d);
  out.push_back("key:0");
  return out;
}

std::string SurveyModel::keypad_text() const {
  if (survey_token(typed_)) return "QR \xE2\x9C\x93";  // a scanned ticket: its address is not for reading
  // Letters, a hyphen, the digits: "A-006" reads as on the paper.
  std::string out;
  for (char c : typed_) {
    if (!out.empty() && std::isdigit(static_cast<unsigned char>(c)) && std::isalpha(static_cast<unsigned char>(out.back())))
      out += '-';
    out += c;
  }
  return out;
}

View SurveyModel::start_view(View v) const {
  SurveyScreen& s = v.survey;
  s.title = id("survey.kiosk.welcome");
  s.title_en = en("survey.kiosk.welcome");
  s.body = id("survey.kiosk.how");
  s.body_en = en("survey.kiosk.how");
  s.typed = keypad_text();
  s.keys = keys();
  s.clear_label = id("kiosk.keypad.delete");
  if (!input_message_key_.empty()) {
    s.message = id(input_message_key_);
    s.message_en = en(input_message_key_);
    s.tone = Tone::warn;
  }
  s.primary_key = "key:ok";
  s.primary_label = id("survey.kiosk.start");
  s.primary_label_en = en("survey.kiosk.start");
  s.primary_enabled = !typed_.empty();
  return v;
}

View SurveyModel::question_view(View v) const {
  SurveyScreen& s = v.survey;
  const std::string key(kSurveyElementKeys[index_]);
  s.ticket_text = id("survey.kiosk.ticket", {label_});
  s.step = int(index_) + 1;
  s.steps = int(kSurveyElements);
  s.progress = id("survey.kiosk.progress", {std::to_string(s.step), std::to_string(s.steps)});
  s.progress_en = en("survey.kiosk.progress", {std::to_string(s.step), std::to_string(s.steps)});
  s.title = id("survey.element." + key);
  s.title_en = en("survey.element." + key);
  s.body = id("survey.question." + key);
  s.body_en = en("survey.question." + key);
  // Worst to best, left to right (top to bottom on a portrait screen), as on the
  // regulation's paper form (a..d); the score is what the hub keeps.
  for (int score = 1; score <= 4; ++score) {
    const std::string k = "survey.scale." + key + "." + std::to_string(score);
    s.answers.push_back({"answer:" + std::to_string(score), score, id(k), en(k), answers_[index_] == score});
  }
  s.back_key = "back";
  s.back_label = id("kiosk.back");
  s.back_label_en = en("kiosk.back");
  return v;
}

View SurveyModel::refused_view(View v) const {
  SurveyScreen& s = v.survey;
  s.tone = Tone::warn;
  s.detail = detail_;
  const std::string shown = label_.empty() ? keypad_text() : label_;
  if (!label_.empty()) s.ticket_text = id("survey.kiosk.ticket", {label_});
  s.primary_key = "done";
  s.primary_label = id("survey.kiosk.to_start");
  s.primary_label_en = en("survey.kiosk.to_start");
  auto say = [&](std::string_view title, const std::vector<std::string>& targs, std::string body_key,
                 const std::vector<std::string>& bargs) {
    s.title = id(title, targs);
    s.title_en = en(title, targs);
    s.body = id(body_key, bargs);
    s.body_en = en(body_key, bargs);
  };
  switch (refusal_) {
    case Refusal::not_found: say("survey.kiosk.not_found", {shown}, "survey.kiosk.not_found_advice", {}); break;
    case Refusal::answered:
      s.tone = Tone::info;
      say("survey.kiosk.answered", {label_}, "survey.kiosk.answered_advice", {});
      break;
    case Refusal::not_finished: {
      std::string state_key = "survey.kiosk.state." + ticket_state_;
      if (!has_string(state_key)) state_key = "survey.kiosk.state.waiting";
      say("survey.kiosk.cannot", {}, state_key, {label_});
      s.body += " " + id("survey.kiosk.not_done");
      s.body_en += " " + en("survey.kiosk.not_done");
      break;
    }
    case Refusal::unreachable:
      s.tone = Tone::error;
      say("survey.kiosk.unreachable", {}, "survey.kiosk.unreachable_advice", {});
      s.back_key = "done";
      s.back_label = id("survey.kiosk.to_start");
      s.back_label_en = en("survey.kiosk.to_start");
      s.primary_key = "retry";
      s.primary_label = id("survey.kiosk.retry");
      s.primary_label_en = en("survey.kiosk.retry");
      break;
    case Refusal::none:
    case Refusal::bad_number:
    case Refusal::other:
      s.tone = Tone::error;
      say("survey.kiosk.cannot", {}, "survey.kiosk.other_advice", {});
      break;
  }
  return v;
}

View SurveyModel::view(int64_t now_ms) const {
  View v;
  v.screen = screen();
  v.lang = Lang::id;
  Header& h = v.header;
  h.office_name = office_.short_name.empty() ? std::string(tr("common.app_name", Lang::id)) : office_.short_name;
  h.office_full = office_.name;
  if (office_.hub_now_ms > 0) {
    h.date_text = format_long_date_id(office_.hub_now_ms, office_.tz_hours);
    h.time_text = clock_text(office_.hub_now_ms, office_.tz_hours, office_.timezone);
  }
  h.lang_key.clear();  // both languages on every screen: no switch
  SurveyScreen& s = v.survey;
  switch (v.screen) {
    case ScreenId::staff_pin: v.pin = staff_.pin_view(now_ms, Lang::id); return v;
    case ScreenId::staff_menu:
      v.staff.title = id("kiosk.staff.title");
      v.staff.items = staff_.menu_items(Lang::id);
      return v;
    case ScreenId::offline:
      v.offline.headline = id("kiosk.offline.headline");
      v.offline.body = id("survey.kiosk.offline");
      v.offline.detail = en("survey.kiosk.offline");
      return v;
    case ScreenId::survey_start: return start_view(std::move(v));
    case ScreenId::survey_question: return question_view(std::move(v));
    case ScreenId::survey_refused: return refused_view(std::move(v));
    case ScreenId::survey_wait: {
      const char* key = step_ == Step::checking ? "survey.kiosk.checking" : "survey.kiosk.sending";
      s.title = id("survey.kiosk.wait");
      s.title_en = en("survey.kiosk.wait");
      s.body = id(key);
      s.body_en = en(key);
      if (!label_.empty()) s.ticket_text = id("survey.kiosk.ticket", {label_});
      return v;
    }
    case ScreenId::survey_unsent:
      s.tone = Tone::error;
      s.ticket_text = id("survey.kiosk.ticket", {label_});
      s.title = id("survey.kiosk.unsent");
      s.title_en = en("survey.kiosk.unsent");
      s.body = id("survey.kiosk.unsent_advice");
      s.body_en = en("survey.kiosk.unsent_advice");
      s.detail = detail_;
      s.back_key = "done";
      s.back_label = id("survey.kiosk.cancel");
      s.back_label_en = en("survey.kiosk.cancel");
      s.primary_key = "retry";
      s.primary_label = id("survey.kiosk.retry");
      s.primary_label_en = en("survey.kiosk.retry");
      return v;
    case ScreenId::survey_thanks:
      s.tone = Tone::ok;
      s.title = id("survey.kiosk.thanks");
      s.title_en = en("survey.kiosk.thanks");
      s.body = id("survey.kiosk.thanks_body", {label_});
      s.body_en = en("survey.kiosk.thanks_body", {label_});
      s.primary_key = "done";
      s.primary_label = id("survey.kiosk.done");
      s.primary_label_en = en("survey.kiosk.done");
      return v;
    default: return v;
  }
}

}  // namespace antrian::kiosk
