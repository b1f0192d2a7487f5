#pragma once
// The kiosk's one Screen: feeds the view model (hub state, replies, printer outcomes,
// touches, time), carries out its Effects, and draws its View.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "antrian/kiosk/kiosk_model.h"
#include "antrian/ui/app.h"
#include "automation.h"
#include "hub_screen.h"
#include "hub_link.h"
#include "inbox.h"
#include "print_worker.h"
#include "screen_capture.h"
#include "touch.h"

namespace antrian::kiosk::app {


class KioskScreen : public HubScreen {
 public:
  struct Parts {
    ui::App& app;
    KioskModel& model;
    Inbox& inbox;
    HubLink& link;
    PrintWorker& printer;
    ScreenCapture& capture;
  };
  explicit KioskScreen(Parts parts);

  // Hooks up the hub and the printer; call once before App::run.
  void start();

  void draw(const ui::FrameInfo& f) override;
  std::int64_t next_deadline_ms(std::int64_t now_ms) override;
  void on_wake() override;
  bool on_event(const SDL_Event& event) override;

 private:
  void refresh_from_hub(int64_t now_ms);
  void run(Effects fx);
  void apply_taps(int64_t now_ms);

  Parts p_;
};

}  // namespace antrian::kiosk::app
