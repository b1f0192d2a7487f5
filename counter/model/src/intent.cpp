#include "antrian/counter/intent.h"

namespace antrian::counter {

void apply(const Intent& i, ConsoleModel& model, const Mirror& m) {
  using K = Intent::Kind;
  switch (i.kind) {
    case K::trigger: model.trigger(i.action, m); break;
    case K::choose_loket: model.choose_loket(static_cast<int>(i.number)); break;
    case K::choose_staff: model.choose_staff(i.text); break;
    case K::submit_sign_in: model.submit_sign_in(m); break;
    case K::select_ticket: model.select_ticket(i.number); break;
    case K::choose_target: model.choose_target(static_cast<int>(i.number)); break;
    case K::choose_resource: model.choose_resource(static_cast<int>(i.number), m); break;
    case K::set_level: model.set_level(i.level); break;
    case K::toggle_affected: model.toggle_affected(static_cast<int>(i.number)); break;
    case K::confirm_dialog: model.confirm_dialog(m); break;
    case K::cancel_dialog: model.cancel_dialog(); break;
    case K::clear_disruption: model.clear_own_disruption(m); break;
    case K::dismiss_notice: model.dismiss_notice(); break;
  }
}

}  // namespace antrian::counter
