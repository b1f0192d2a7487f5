#include "survey_tablet.h"

#include <SDL.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>

#include "antrian/ui/frame_pacing.h"
#include "antrian/ui/redraw.h"
#include "draw.h"
#include "window_effects.h"

namespace antrian::kiosk::app {

using json = nlohmann::json;

SurveyTablet::SurveyTablet(Parts parts) : p_(parts) {}

void SurveyTablet::start() {
  shot_.started(ui::now_ms());
  p_.link.on_change([this] {
    hub_changed_ = true;
    p_.app.wake();
  });
}

void SurveyTablet::refresh_from_hub(int64_t now_ms) {
  const bool synced = p_.link.synced();
  if (synced) run(p_.model.set_office(p_.link.snapshot(), now_ms));
  run(p_.model.set_connection(p_.link.online(), synced, now_ms));
  shown_minute_ = p_.link.hub_now_ms() / 60000;
}

void SurveyTablet::on_wake() {
  p_.inbox.drain();
  if (hub_changed_.exchange(false)) refresh_from_hub(ui::now_ms());
  if (automation_) automation_->step(nullptr, ui::now_ms());
}

void SurveyTablet::run(Effects fx) {
  if (fx.empty()) return;
  if (fx.request) {
    const HubRequest sent = *fx.request;
    spdlog::info("asking the hub: {}", sent.cmd);  // never the answers
    p_.link.request(sent, [this, sent](const proto::Reply& reply) {
      p_.inbox.post([this, sent, reply] {
        if (automation_) {
          json out = {{"request", sent.cmd}, {"ok", reply.ok}};
          if (reply.ok && reply.result.contains("label")) out["label"] = reply.result["label"];
          if (reply.ok && reply.result.contains("survey")) out["survey"] = reply.result["survey"];
          if (!reply.ok) {
            out["error"] = reply.error.code;
            out["reason"] = reply.error.reason;
          }
          Automation::emit(out);
        }
        if (!reply.ok) spdlog::warn("{} refused: {} ({})", sent.cmd, reply.error.code, reply.error.reason);
        run(p_.model.on_request_reply(sent, reply, ui::now_ms()));
      });
    });
  }
  if (fx.fullscreen) apply_fullscreen(p_.app, *fx.fullscreen);  // the staff menu (StaffAccess)
  if (fx.quit) p_.app.request_quit();
  ui::request_redraw();
}

// A USB barcode scanner is a keyboard: the ticket QR's address, then Enter.
bool SurveyTablet::on_event(const SDL_Event& e) {
  if (e.type == SDL_TEXTINPUT) {
    run(p_.model.typed(e.text.text, ui::now_ms()));
    ui::request_redraw();
    return true;
  }
  if (e.type == SDL_KEYDOWN && (e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER)) {
    run(p_.model.typed_enter(ui::now_ms()));
    ui::request_redraw();
    return true;
  }
  return false;
}

std::int64_t SurveyTablet::next_deadline_ms(std::int64_t now_ms) {
  int64_t d = p_.model.next_deadline_ms();
  d = std::min<int64_t>(d, ui::next_wall_boundary_ms(now_ms, p_.link.hub_now_ms(), 60000));
  if (automation_) d = std::min(d, automation_->next_deadline_ms(now_ms));
  return d;
}

void SurveyTablet::draw(const ui::FrameInfo& f) {
  const int64_t now = f.now_ms;
  p_.capture.begin_frame();
  run(p_.model.tick(now));
  if (p_.link.hub_now_ms() / 60000 != shown_minute_) refresh_from_hub(now);
  const View v = p_.model.view(now);
  board_.begin_frame(automation_ ? automation_->scripted_tap() : std::nullopt);
  Paint paint{f, ImGui::GetWindowDrawList(), board_};
  const float top = draw_header(paint, v.header, false);
  if (v.screen == ScreenId::offline) draw_offline(paint, v.offline, top);
  else if (v.screen == ScreenId::staff_pin) draw_pin(paint, v.pin, top);  // the kiosk's own pad and menu
  else if (v.screen == ScreenId::staff_menu) draw_staff(paint, v.staff, top);
  else draw_survey(paint, v.screen, v.survey, top);
  for (const std::string& key : board_.taps()) {
    auto r = p_.model.tap(key, now);
    if (r.accepted) {
      run(std::move(r.effects));
      ui::request_redraw();
    }
  }
  if (automation_) automation_->step(&board_, now);
  shot_.step(p_.capture, p_.model.online(), now, [this] { p_.app.request_quit(); });
  p_.capture.end_of_frame();
}

}  // namespace antrian::kiosk::app
