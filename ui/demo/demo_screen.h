#pragma once
// The demo's one screen: header clock, a big number, status pills, a big button and a
// running text. Exists only to show the shell working; real screens live in the programs.
#include <atomic>
#include <string>

#include "antrian/ui/screen.h"
#include "antrian/ui/widgets.h"

namespace antrian::ui::demo {

class DemoScreen : public Screen {
 public:
  explicit DemoScreen(std::string marquee_text) : marquee_text_(std::move(marquee_text)) {}

  void draw(const FrameInfo& frame) override;
  std::int64_t next_deadline_ms(std::int64_t now_ms) override;
  void on_wake() override { waiting_shown_ = waiting_from_thread.load(); }

  // Written by the demo's update thread, read in on_wake(): how a network client
  // hands data to the UI thread.
  std::atomic<int> waiting_from_thread{12};

 private:
  void draw_header(const FrameInfo& f, ImDrawList* dl);
  std::string marquee_text_;
  Marquee marquee_;
  int number_ = 17;
  int waiting_shown_ = 12;
};

}  // namespace antrian::ui::demo
