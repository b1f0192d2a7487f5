#pragma once
// Drawing of the kiosk's screens from the view model's View (view.h): layout only.
// Sizes are designed for a 1080-pixel short side and scaled with FrameInfo::px();
// portrait (1080x1920) and landscape (1920x1080) each get their own arrangement.
#include <imgui.h>

#include "antrian/kiosk/view.h"
#include "antrian/ui/screen.h"
#include "antrian/ui/widgets.h"
#include "touch.h"

namespace antrian::kiosk::app {

struct Paint {
  const ui::FrameInfo& f;
  ImDrawList* dl;
  TouchBoard& board;

  bool portrait() const { return f.height > f.width; }
  float margin() const { return f.px(portrait() ? 40 : 56); }
  ImFont* font(ui::FontRole r) const { return f.font(r); }
};

ui::Status to_ui(ServiceStatus s);
ImU32 tone_fill(Tone t);
ImU32 tone_text(Tone t);

// Returns the y where the screen's content may start.
float draw_header(Paint& p, const Header& h, bool with_notice);

void draw_choices(Paint& p, const ChoiceScreen& v, float top);
void draw_warning(Paint& p, const WarningScreen& v, float top);
void draw_notice(Paint& p, const NoticeScreen& v, float top);
void draw_issuing(Paint& p, const IssuingScreen& v, float top);
void draw_offline(Paint& p, const OfflineScreen& v, float top);
void draw_pin(Paint& p, const PinScreen& v, float top);
void draw_staff(Paint& p, const StaffMenu& v, float top);
void draw_ticket(Paint& p, const TicketScreen& v, float top);
void draw_comeback(Paint& p, const ComebackScreen& v, float top);
void draw_keypad(Paint& p, const KeypadScreen& v, float top);
// The survey tablet (antrian-kiosk --survey): every survey_* screen.
void draw_survey(Paint& p, ScreenId screen, const SurveyScreen& v, float top);

// Bottom row of one or two buttons (secondary left, primary right); returns its top.
float draw_action_row(Paint& p, const std::string& secondary_key, const std::string& secondary_label,
                      const std::string& primary_key, const std::string& primary_label);

}  // namespace antrian::kiosk::app
