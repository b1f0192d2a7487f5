#include "antrian/counter/staff_figures.h"

namespace antrian::counter {

bool actor_is_staff(const std::string& actor, const std::string& staff_id) {
  const std::string prefix = "staff:" + staff_id + "@loket";
  return !staff_id.empty() && actor.size() > prefix.size() && actor.compare(0, prefix.size(), prefix) == 0;
}

StaffFigures staff_figures(const OfficeState& s, const std::string& staff_id) {
  StaffFigures f;
  int64_t total_ms = 0;
  int timed = 0;
  for (const auto& [_, t] : s.tickets) {
    // A transfer copies the history into the new ticket: look only at the step that
    // ended this ticket, so nothing is counted twice.
    if (t.history.empty()) continue;
    const TicketStep& last = t.history.back();
    if (!actor_is_staff(last.actor, staff_id)) continue;
    if (t.state == TicketState::done && last.what == "done") {
      ++f.served;
      if (t.started_at > 0 && t.ended_at >= t.started_at) {
        total_ms += t.ended_at - t.started_at;
        ++timed;
      }
    } else if (t.state == TicketState::no_show && last.what == "no_show") {
      ++f.no_shows;
    } else if (t.state == TicketState::transferred && last.what == "transferred") {
      ++f.transferred;
    }
  }
  if (timed > 0) f.average_service_s = (total_ms / timed + 500) / 1000;
  return f;
}

}  // namespace antrian::counter
