#include "kiosk_screen.h"

#include <SDL.h>
#include <spdlog/spdlog.h>

#include "antrian/ui/frame_pacing.h"
#include "antrian/ui/redraw.h"
#include "draw.h"
#include "window_effects.h"

namespace antrian::kiosk::app {

using json = nlohmann::json;

KioskScreen::KioskScreen(Parts parts) : p_(parts) {}

void KioskScreen::start() {
  const int64_t now = ui::now_ms();
  shot_.started(now);
  p_.link.on_change([this] {
    hub_changed_ = true;
    p_.app.wake();
  });
  run(p_.model.start(now));
  if (!p_.model.routing_problem().empty()) spdlog::warn("routing table not used: {}", p_.model.routing_problem());
}

void KioskScreen::refresh_from_hub(int64_t now_ms) {
  const bool synced = p_.link.synced();
  if (synced) {
    const std::string before = p_.model.routing_problem();
    run(p_.model.set_office(p_.link.snapshot(), now_ms));
    if (p_.model.routing_problem() != before && !p_.model.routing_problem().empty())
      spdlog::warn("the office's routing table is not used, showing one button per service: {}",
                   p_.model.routing_problem());
  }
  run(p_.model.set_connection(p_.link.online(), synced, now_ms));
  shown_minute_ = p_.link.hub_now_ms() / 60000;
}

void KioskScreen::on_wake() {
  p_.inbox.drain();
  if (hub_changed_.exchange(false)) refresh_from_hub(ui::now_ms());
  if (automation_) automation_->step(nullptr, ui::now_ms());
}

// Carries out what the model asked for; answers come back through the inbox.
void KioskScreen::run(Effects fx) {
  if (fx.empty()) return;
  if (fx.lang) p_.app.set_lang(*fx.lang);
  if (fx.fullscreen) apply_fullscreen(p_.app, *fx.fullscreen);
  if (fx.issue) {
    spdlog::info("issuing a ticket for service {} ({})", fx.issue->service, to_string(fx.issue->priority));
    p_.link.issue(*fx.issue, [this](const proto::Reply& reply) {
      p_.inbox.post([this, reply] {
        if (automation_) {
          if (reply.ok) Automation::emit({{"ticket", reply.result.value("ticket", json::object()).value("label", "")},
                                          {"service", reply.result.value("ticket", json::object()).value("service", "")}});
          else Automation::emit({{"issue_error", reply.error.code}, {"reason", reply.error.reason}});
        }
        if (!reply.ok) spdlog::warn("no ticket: {} ({})", reply.error.code, reply.error.reason);
        run(p_.model.on_issue_reply(reply, ui::now_ms()));
      });
    });
  }
  if (fx.request) {
    const HubRequest sent = *fx.request;
    spdlog::info("asking the hub: {}", sent.cmd);  // never the arguments: a phone number or a code
    p_.link.request(sent, [this, sent](const proto::Reply& reply) {
      p_.inbox.post([this, sent, reply] {
        if (automation_) {
          json out = {{"request", sent.cmd}, {"ok", reply.ok}};
          if (reply.ok) {
            if (reply.result.contains("code")) out["code"] = reply.result["code"];
            if (reply.result.contains("ticket")) out["ticket"] = reply.result["ticket"].value("label", "");
          } else {
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
  if (fx.print) {
    const bool reprint = fx.print->reprint;
    const std::string label = fx.print->label;
    p_.printer.print(std::move(fx.print->job), [this, reprint, label](const printing::PrintResult& r) {
      p_.inbox.post([this, reprint, label, r] {
        if (!r.ok()) spdlog::warn("ticket {} not printed: {}", label, r.reason);
        if (automation_)
          Automation::emit({{"print", std::string(printing::to_string(r.code))}, {"label", label},
                            {"reprint", reprint}, {"reason", r.reason}});
        run(p_.model.on_print_done(r, reprint, ui::now_ms()));
      });
    });
  }
  if (fx.check_printer) {
    p_.printer.check([this](const printing::PrintResult& r) {
      p_.inbox.post([this, r] { run(p_.model.on_printer_checked(r, ui::now_ms())); });
    });
  }
  if (fx.report) {
    const ReportCommand sent = *fx.report;
    spdlog::info("printer state to the hub: {} {}", sent.state, sent.message);
    p_.link.report(sent, [this, sent](const proto::Reply& reply) {
      p_.inbox.post([this, sent, reply] {
        if (automation_) Automation::emit({{"report", sent.state}, {"ok", reply.ok}});
        if (!reply.ok) spdlog::warn("printer report not taken by the hub: {}", reply.error.reason);
        run(p_.model.on_report_reply(sent, reply.ok));
      });
    });
  }
  if (fx.quit) p_.app.request_quit();
  ui::request_redraw();  // the screen may have changed
}

// A USB barcode scanner is a keyboard: its characters and the Enter that ends them.
bool KioskScreen::on_event(const SDL_Event& e) {
  if (e.type == SDL_TEXTINPUT) {
    run(p_.model.typed(e.text.text, ui::now_ms()));
    return true;
  }
  if (e.type == SDL_KEYDOWN && (e.key.keysym.sym == SDLK_RETURN || e.key.keysym.sym == SDLK_KP_ENTER)) {
    run(p_.model.typed_enter(ui::now_ms()));
    return true;
  }
  return false;
}

void KioskScreen::apply_taps(int64_t now_ms) {
  for (const std::string& key : board_.taps()) {
    auto r = p_.model.tap(key, now_ms);
    if (r.accepted) run(std::move(r.effects));
  }
}

std::int64_t KioskScreen::next_deadline_ms(std::int64_t now_ms) {
  int64_t d = p_.model.next_deadline_ms();
  // The header clock changes every minute (of the hub's clock).
  const int64_t hub_now = p_.link.hub_now_ms();
  d = std::min<int64_t>(d, ui::next_wall_boundary_ms(now_ms, hub_now, 60000));
  if (automation_) d = std::min(d, automation_->next_deadline_ms(now_ms));
  return d;
}

void KioskScreen::draw(const ui::FrameInfo& f) {
  const int64_t now = f.now_ms;
  p_.capture.begin_frame();
  {
    Effects fx = p_.model.tick(now);
    if (!fx.empty()) run(std::move(fx));
  }
  if (p_.link.hub_now_ms() / 60000 != shown_minute_) refresh_from_hub(now);

  const View v = p_.model.view(now);
  board_.begin_frame(automation_ ? automation_->scripted_tap() : std::nullopt);
  Paint paint{f, ImGui::GetWindowDrawList(), board_};
  const bool notice = v.screen == ScreenId::home || v.screen == ScreenId::question;
  const float top = draw_header(paint, v.header, notice);
  switch (v.screen) {
    case ScreenId::home:
    case ScreenId::question: draw_choices(paint, v.choice, top); break;
    case ScreenId::warning: draw_warning(paint, v.warning, top); break;
    case ScreenId::unavailable:
    case ScreenId::failed: draw_notice(paint, v.notice, top); break;
    case ScreenId::issuing: draw_issuing(paint, v.issuing, top); break;
    case ScreenId::ticket: draw_ticket(paint, v.ticket, top); break;
    case ScreenId::offline: draw_offline(paint, v.offline, top); break;
    case ScreenId::staff_pin: draw_pin(paint, v.pin, top); break;
    case ScreenId::staff_menu: draw_staff(paint, v.staff, top); break;
    case ScreenId::comeback: draw_comeback(paint, v.comeback, top); break;
    case ScreenId::comeback_phone:
    case ScreenId::checkin: draw_keypad(paint, v.keypad, top); break;
    default: draw_survey(paint, v.screen, v.survey, top); break;  // not reached: the survey tablet's
  }
  apply_taps(now);
  if (automation_) automation_->step(&board_, now);
  shot_.step(p_.capture, p_.model.online(), now, [this] { p_.app.request_quit(); });
  p_.capture.end_of_frame();
}

}  // namespace antrian::kiosk::app
