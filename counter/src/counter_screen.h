#pragma once
// The counter's one ui::Screen: forwards keys and typed text to the view model,
// builds the view under the mirror's lock, draws it, applies the clicks.
#include "antrian/counter/console_model.h"
#include "antrian/ui/app.h"
#include "antrian/ui/screen.h"
#include "hub_link.h"

namespace antrian::counter {

class CounterScreen : public ui::Screen {
 public:
  CounterScreen(ui::App& app, HubLink& link, ConsoleModel& model) : app_(app), link_(link), model_(model) {}

  void draw(const ui::FrameInfo& frame) override;
  std::int64_t next_deadline_ms(std::int64_t now_ms) override;
  void on_wake() override;
  bool on_event(const SDL_Event& event) override;

 private:
  void follow_language();

  ui::App& app_;
  HubLink& link_;
  ConsoleModel& model_;
};

}  // namespace antrian::counter
