#pragma once
// The counter's screens, drawn from a CounterView. Clicks come back as Intents.
#include <vector>

#include "antrian/counter/counter_view.h"
#include "antrian/counter/intent.h"
#include "antrian/ui/screen.h"

namespace antrian::counter::gui {

// Header bar shared by both screens; returns its height.
float draw_header(const ui::FrameInfo& f, const CounterView& v, std::vector<Intent>& out);
void draw_sign_in(const ui::FrameInfo& f, const CounterView& v, float top, std::vector<Intent>& out);
void draw_console(const ui::FrameInfo& f, const CounterView& v, float top, std::vector<Intent>& out);
// The open dialog (if any), over the console.
void draw_dialog(const ui::FrameInfo& f, const CounterView& v, std::vector<Intent>& out);

}  // namespace antrian::counter::gui
