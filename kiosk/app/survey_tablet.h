#pragma once
// antrian-kiosk --survey: the tablet beside the exit where a citizen answers the
// satisfaction survey (SurveyModel) with the ticket's number. The same parts as the
// kiosk's screen (the hub link, touch targets, automation, screenshots), no printer.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>

#include "antrian/kiosk/survey_model.h"
#include "antrian/ui/app.h"
#include "automation.h"
#include "hub_screen.h"
#include "hub_link.h"
#include "inbox.h"
#include "screen_capture.h"
#include "touch.h"

namespace antrian::kiosk::app {

class SurveyTablet : public HubScreen {
 public:
  struct Parts {
    ui::App& app;
    SurveyModel& model;
    Inbox& inbox;
    HubLink& link;
    ScreenCapture& capture;
  };
  explicit SurveyTablet(Parts parts);

  void start();

  void draw(const ui::FrameInfo& f) override;
  std::int64_t next_deadline_ms(std::int64_t now_ms) override;
  void on_wake() override;
  bool on_event(const SDL_Event& event) override;

 private:
  void refresh_from_hub(int64_t now_ms);
  void run(Effects fx);

  Parts p_;
};

}  // namespace antrian::kiosk::app
