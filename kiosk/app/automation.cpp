#include "automation.h"

#include <poll.h>
#include <unistd.h>

#include <SDL.h>

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace antrian::kiosk::app {

using json = nlohmann::json;

namespace {

constexpr int64_t kDefaultTapS = 5, kDefaultWaitS = 10;

bool known_screen(const std::string& s) {
  for (ScreenId id : {ScreenId::home, ScreenId::question, ScreenId::warning, ScreenId::unavailable, ScreenId::issuing,
                      ScreenId::ticket, ScreenId::failed, ScreenId::offline, ScreenId::staff_pin, ScreenId::staff_menu,
                      ScreenId::comeback, ScreenId::comeback_phone, ScreenId::checkin, ScreenId::survey_start,
                      ScreenId::survey_wait, ScreenId::survey_question, ScreenId::survey_refused,
                      ScreenId::survey_unsent, ScreenId::survey_thanks})
    if (to_string(id) == s) return true;
  return false;
}

json buttons_json(const std::vector<ChoiceButton>& buttons) {
  json out = json::array();
  for (const ChoiceButton& b : buttons)
    out.push_back({{"key", b.key}, {"label", b.label}, {"enabled", b.enabled}, {"status", b.status_word},
                   {"waiting", b.waiting_text}, {"eta", b.eta_text}, {"left", b.left_text}});
  return out;
}

}  // namespace

json view_to_json(const View& v) {
  json j = {{"screen", std::string(to_string(v.screen))},
            {"lang", v.lang == Lang::id ? "id" : "en"},
            {"office", v.header.office_name},
            {"printer_notice", v.header.printer_notice}};
  switch (v.screen) {
    case ScreenId::home:
    case ScreenId::question:
      j["title"] = v.choice.title;
      j["subtitle"] = v.choice.subtitle;
      j["office_closed"] = v.choice.office_closed;
      j["buttons"] = buttons_json(v.choice.buttons);
      j["priority_note"] = v.choice.priority_note;
      break;
    case ScreenId::warning:
      j["headline"] = v.warning.headline;
      j["messages"] = v.warning.messages;
      j["expected_back"] = v.warning.expected_back;
      j["eta"] = v.warning.eta_text;
      j["alternative"] = v.warning.alternative;
      j["comeback"] = v.warning.comeback_label;
      break;
    case ScreenId::unavailable:
    case ScreenId::failed:
      j["comeback"] = v.notice.comeback_label;
      j["headline"] = v.notice.headline;
      j["body"] = v.notice.body;
      j["advice"] = v.notice.advice;
      j["detail"] = v.notice.detail;
      break;
    case ScreenId::issuing: j["headline"] = v.issuing.headline; j["body"] = v.issuing.body; break;
    case ScreenId::ticket:
      j["label"] = v.ticket.label;
      j["service"] = v.ticket.service_name;
      j["eta"] = v.ticket.eta_text;
      j["qr_url"] = v.ticket.qr_url;
      j["print"] = v.ticket.print_text;
      j["printing"] = v.ticket.printing;
      break;
    case ScreenId::offline: j["headline"] = v.offline.headline; j["body"] = v.offline.body; break;
    case ScreenId::staff_pin: j["title"] = v.pin.title; j["message"] = v.pin.message; break;
    case ScreenId::staff_menu: j["title"] = v.staff.title; j["items"] = buttons_json(v.staff.items); j["message"] = v.staff.message; break;
    case ScreenId::comeback:
      j["title"] = v.comeback.title;
      j["code"] = v.comeback.code;
      j["service"] = v.comeback.service_name;
      j["position"] = v.comeback.position_text;
      j["next"] = v.comeback.next_text;
      j["phone"] = v.comeback.phone_text;
      j["print"] = v.comeback.print_text;
      break;
    case ScreenId::comeback_phone:
    case ScreenId::checkin:
      j["title"] = v.keypad.title;
      j["typed"] = v.keypad.typed;
      j["message"] = v.keypad.message;
      j["ok_enabled"] = v.keypad.ok_enabled;
      break;
    case ScreenId::survey_start:
    case ScreenId::survey_wait:
    case ScreenId::survey_question:
    case ScreenId::survey_refused:
    case ScreenId::survey_unsent:
    case ScreenId::survey_thanks: {
      const SurveyScreen& s = v.survey;
      j.update({{"title", s.title}, {"title_en", s.title_en}, {"body", s.body}, {"body_en", s.body_en},
                {"ticket", s.ticket_text}, {"step", s.step}, {"steps", s.steps}, {"progress", s.progress},
                {"typed", s.typed}, {"message", s.message}, {"detail", s.detail}, {"back", s.back_key},
                {"primary", s.primary_key}, {"primary_enabled", s.primary_enabled}});
      j["answers"] = json::array();
      for (const SurveyAnswerButton& a : s.answers)
        j["answers"].push_back({{"key", a.key}, {"label", a.label}, {"label_en", a.label_en}, {"chosen", a.chosen}});
      break;
    }
  }
  return j;
}

Automation::Automation(Inbox& inbox, Hooks hooks, ScreenCapture& capture)
    : inbox_(inbox), hooks_(std::move(hooks)), capture_(capture) {
  reader_ = std::thread([this] { read_stdin(); });
}

Automation::~Automation() {
  stopping_ = true;
  if (reader_.joinable()) reader_.join();
}

void Automation::emit(const json& j) {
  const std::string line = j.dump() + "\n";
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
}

void Automation::read_stdin() {
  std::string buf;
  while (!stopping_) {
    pollfd p{0, POLLIN, 0};
    if (::poll(&p, 1, 200) <= 0) continue;  // look at stopping_ five times a second
    char tmp[1024];
    const ssize_t n = ::read(0, tmp, sizeof tmp);
    if (n <= 0) {  // end of input: the driver is gone
      inbox_.post([this] { queue_.push_back({"quit", "", "quit"}); });
      return;
    }
    buf.append(tmp, size_t(n));
    for (size_t nl; (nl = buf.find('\n')) != std::string::npos; buf.erase(0, nl + 1)) {
      std::string line = buf.substr(0, nl);
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (line.empty()) continue;
      std::istringstream in(line);
      Command c;
      c.line = line;
      in >> c.verb;
      std::getline(in >> std::ws, c.arg);
      inbox_.post([this, c] { queue_.push_back(c); });
    }
  }
}

std::optional<std::string> Automation::scripted_tap() const {
  if (current_ && current_->started && current_->verb == "tap") {
    const auto sp = current_->arg.find(' ');
    return current_->arg.substr(0, sp);
  }
  return std::nullopt;
}

void Automation::finish(const json& j) {
  emit(j);
  current_.reset();
}

void Automation::start(Command& c, int64_t now_ms) {
  c.started = true;
  std::istringstream in(c.arg);
  std::string first;
  double seconds = -1;
  in >> first >> seconds;
  if (c.verb == "tap" || c.verb == "wait") {
    if (first.empty()) return finish({{"error", c.verb}, {"reason", c.verb + " needs an argument"}});
    if (c.verb == "wait" && !known_screen(first))
      return finish({{"error", "wait"}, {"reason", "unknown screen \"" + first + "\""}});
    const double s = seconds > 0 ? seconds : double(c.verb == "tap" ? kDefaultTapS : kDefaultWaitS);
    c.deadline_ms = now_ms + int64_t(s * 1000);
    c.arg = first;
    return;
  }
  if (c.verb == "screenshot") {
    if (c.arg.empty()) return finish({{"error", "screenshot"}, {"reason", "screenshot needs a file name"}});
    capture_.request(c.arg, [this](bool ok, const std::string& msg) {
      if (ok) finish({{"ok", "screenshot"}, {"file", msg}});
      else finish({{"error", "screenshot"}, {"reason", msg}});
    });
    return;
  }
  if (c.verb == "sleep") {
    const double s = std::atof(c.arg.c_str());
    if (!(s > 0 && s <= 600)) return finish({{"error", "sleep"}, {"reason", "sleep needs 0 < SECONDS <= 600"}});
    c.deadline_ms = now_ms + int64_t(s * 1000);
    return;
  }
  if (c.verb == "type") {
    // As a USB barcode scanner types: SDL text events, then Enter, through SDL's queue.
    if (c.arg.empty()) return finish({{"error", "type"}, {"reason", "type needs the text to type"}});
    // An SDL text event holds 31 bytes: longer text (a scanned address) goes in pieces.
    for (size_t at = 0; at < c.arg.size(); at += sizeof(SDL_TextInputEvent::text) - 1) {
      SDL_Event e{};
      e.type = SDL_TEXTINPUT;
      std::snprintf(e.text.text, sizeof e.text.text, "%s", c.arg.substr(at, sizeof e.text.text - 1).c_str());
      SDL_PushEvent(&e);
    }
    SDL_Event enter{};
    enter.type = SDL_KEYDOWN;
    enter.key.keysym.sym = SDLK_RETURN;
    SDL_PushEvent(&enter);
    return finish({{"ok", "type"}});
  }
  if (c.verb == "view") return finish({{"ok", "view"}, {"view", view_to_json(hooks_.view())}});
  if (c.verb == "quit") {
    emit({{"ok", "quit"}});
    current_.reset();
    hooks_.quit();
    return;
  }
  finish({{"error", c.verb}, {"reason", "unknown command (tap, wait, sleep, type, screenshot, view, quit): " + c.line}});
}

void Automation::step(const TouchBoard* board, int64_t now_ms) {
  const std::string screen(to_string(hooks_.screen()));
  if (screen != last_screen_) {
    last_screen_ = screen;
    emit({{"screen", screen}});
  }
  for (int guard = 0; guard < 16; ++guard) {
    if (!current_) {
      if (queue_.empty()) return;
      current_ = queue_.front();
      queue_.pop_front();
    }
    Command& c = *current_;
    if (!c.started) {
      start(c, now_ms);
      continue;  // finished at once, or needs frames
    }
    if (c.verb == "tap") {
      if (board && board->scripted_used()) {
        board = nullptr;  // that press belongs to this command only
        finish({{"ok", "tap"}, {"key", c.arg}, {"screen", screen}});
        continue;
      }
      if (now_ms >= c.deadline_ms) {
        json visible = board ? json(board->visible()) : json::array();
        finish({{"error", "tap"}, {"key", c.arg}, {"reason", "no enabled button \"" + c.arg + "\" on screen " + screen},
                {"visible", visible}});
        continue;
      }
      return;
    }
    if (c.verb == "wait") {
      if (screen == c.arg) {
        finish({{"ok", "wait"}, {"screen", screen}});
        continue;
      }
      if (now_ms >= c.deadline_ms) {
        finish({{"error", "wait"}, {"reason", "still on " + screen + " instead of " + c.arg}});
        continue;
      }
      return;
    }
    if (c.verb == "sleep") {
      if (now_ms < c.deadline_ms) return;
      finish({{"ok", "sleep"}});
      continue;
    }
    return;  // screenshot: finished by the capture
  }
}

int64_t Automation::next_deadline_ms(int64_t now_ms) const {
  if (current_ || !queue_.empty()) return now_ms + 30;  // keep looking while a command runs
  return INT64_MAX;
}

}  // namespace antrian::kiosk::app
