// What antrian-ctl prints for people. Scripts use --json instead.
#include <iostream>
#include <sstream>

#include "antrian/error_text.h"
#include "antrian/model_json.h"
#include "antrian/office_calendar.h"
#include "antrian/office_time.h"
#include "antrian/office_view.h"
#include "ctl.h"

namespace antrian::ctl {
namespace {

std::string minutes(const json& eta_s) {
  if (!eta_s.is_number()) return "unknown";
  return std::to_string((eta_s.get<int64_t>() + 59) / 60) + " min";
}

void print_state(const json& result) {
  const OfficeState s = state_from_json(result.at("state"));
  const int64_t now = result.value("now", real_now_ms());
  int tz = 7;
  timezone_offset_hours(s.office.timezone, tz);
  std::cout << s.office.name << " — " << format_long_date_en(now, tz) << " " << format_hhmm(now, tz)
            << " (" << s.office.timezone << "), event " << s.seq << "\n";
  // The hub's answer from the office calendar (the same model every screen asks).
  const OfficeHoursSummary hours = office_hours_summary(s, now);
  if (hours.issuing_any) {
    std::cout << "Office: numbers are given now";
    if (hours.closes_at) std::cout << ", closing at " << format_hhmm(*hours.closes_at, tz);
    std::cout << "\n";
  } else {
    std::cout << "Kantor / Office: " << issuing_closed_text(hours.closed, hours.reason_id, Lang::id) << " / "
              << issuing_closed_text(hours.closed, hours.reason_en, Lang::en) << "\n  " << hours.next_text_id << "\n  "
              << hours.next_text_en << "\n";
  }
  for (const auto& [date, c] : s.closures)
    if (date >= s.day) std::cout << "  closed " << date << " (" << c.kind << "): " << c.reason_id
                                 << (c.reason_en.empty() || c.reason_en == c.reason_id ? "" : " / " + c.reason_en) << "\n";
  std::cout << "\nServices:\n";
  for (const ServiceSummary& x : service_summaries(s, now)) {
    // The service and its condition word as the screens say them, Indonesian first.
    const std::string word = "status." + x.condition;
    std::cout << "  " << x.code << "  " << x.name_id << (x.name_en.empty() || x.name_en == x.name_id ? "" : " / " + x.name_en)
              << ": " << (has_string(word) ? std::string(tr(word, Lang::id)) + " / " + std::string(tr(word, Lang::en)) : x.condition)
              << ", " << x.waiting
              << " waiting, wait " << (x.eta_new_s ? minutes(*x.eta_new_s) : "unknown") << ", issued "
              << x.issued_today;
    if (x.tickets_left) std::cout << ", " << *x.tickets_left << " left today";
    if (!x.issuing_open && hours.issuing_any && x.issuing_next_at)
      std::cout << ", no numbers until " << format_next_opening(*x.issuing_next_at, now, tz, Lang::en);
    std::cout << "\n";
  }
  std::cout << "\nLokets:\n";
  for (const auto& [n, c] : s.counters) {
    std::cout << "  " << c.name << " [" << to_string(c.state) << "]";
    if (!c.staff.empty()) std::cout << " " << c.staff;
    auto t = s.tickets.find(c.current_ticket);
    if (t != s.tickets.end() && t->second.is_open())
      std::cout << " — " << t->second.label() << " " << to_string(t->second.state);
    std::cout << "\n";
  }
  bool any = false;
  for (const auto& [id, d] : s.disruptions) {
    if (!d.active) continue;
    if (!any) std::cout << "\nDisruptions:\n";
    any = true;
    std::cout << "  #" << id << " " << d.resource << " " << to_string(d.level) << " since "
              << format_hhmm(d.started_at, tz);
    if (d.expected_end) std::cout << ", expected back " << format_hhmm(*d.expected_end, tz);
    // Both languages: staff wrote the Indonesian message for the hall.
    if (!d.message_id.empty()) std::cout << ": " << d.message_id;
    if (!d.message_en.empty() && d.message_en != d.message_id) std::cout << (d.message_id.empty() ? ": " : " / ") << d.message_en;
    std::cout << "\n";
  }
  // What stops a service without a disruption (blangko, printers) and device faults.
  const std::vector<Shortage> short_list = shortages(s);
  if (!short_list.empty()) std::cout << "\nShortages and devices:\n";
  for (const Shortage& x : short_list) {
    std::cout << "  " << (x.halted ? "STOP " : "warn ") << x.text_id;
    if (x.text_en != x.text_id) std::cout << " / " << x.text_en;
    if (x.since > 0) std::cout << " (since " << format_hhmm(x.since, tz) << ")";
    std::cout << "\n";
  }
  std::cout << "\nWaiting:";
  int waiting = 0;
  for (const auto& [_, t] : s.tickets)
    if (t.state == TicketState::waiting) {
      std::cout << (waiting++ % 10 == 0 ? "\n  " : " ") << t.label()
                << (t.priority != Priority::reguler ? "*" : "");
    }
  std::cout << (waiting ? "\n" : " none\n");
  if (!s.announcement.empty()) std::cout << "\nAnnouncement: " << s.announcement << "\n";
}

void print_ticket_result(const std::string& cmd, const json& r) {
  const json& t = r.at("ticket");
  std::cout << t.value("label", "?") << " " << t.value("state", "") << " (service " << t.value("service", "")
            << ", priority " << t.value("priority", "") << ")";
  if (t.value("counter", 0) > 0 && t.value("state", "") != "waiting") std::cout << " at loket " << t["counter"];
  if (cmd == proto::cmd::issue || cmd == proto::cmd::ticket_lookup) {
    if (r.contains("ahead") && r["ahead"].is_number()) std::cout << ", " << r["ahead"] << " ahead";
    std::cout << ", estimated wait " << minutes(r.value("eta_s", json()));
    if (r.contains("status")) std::cout << ", service " << r["status"].get<std::string>();
  }
  std::cout << "\n";
  if (cmd == proto::cmd::issue && t.contains("token")) std::cout << "status token: " << t["token"].get<std::string>() << "\n";
}

}  // namespace

int print_reply(const std::string& cmd, const proto::Reply& reply, bool as_json, bool brief) {
  const int code = reply.ok ? kOk : reply.error.code == proto::err::unreachable ? kUnreachable : kRefused;
  if (as_json) {
    json out = {{"ok", reply.ok}};
    if (reply.ok) out["result"] = reply.result;
    else out["error"] = {{"code", reply.error.code}, {"reason", reply.error.reason}};
    if (!reply.ok && reply.error.comeback_can_join) out["error"]["comeback_can_join"] = true;
    std::cout << out.dump() << std::endl;
    return code;
  }
  if (!reply.ok) {
    // Indonesian first, then English, then the hub's own reason (error_text.h).
    std::cerr << "refused (" << reply.error.code << "): " << error_both(reply.error.code, reply.error.reason) << "\n";
    // The hub says the citizen may join the service's come-back list instead (issue 17).
    if (reply.error.comeback_can_join)
      std::cerr << tr("comeback.offer", Lang::id) << " / " << tr("comeback.offer", Lang::en)
                << ": antrian-ctl comeback-join SERVICE --via refusal\n";
    return code;
  }
  try {
    const json& r = reply.result;
    if (print_booking_reply(cmd, r, brief)) {
    } else if (cmd == proto::cmd::snapshot) print_state(r);
    else if (cmd == proto::cmd::ticket_find) print_found_ticket(r);
    else if (r.contains("ticket")) print_ticket_result(cmd, r);
    else if (cmd == proto::cmd::comeback_join)
      std::cout << tr("comeback.title", Lang::id) << " " << r["entry"].value("service", "") << ": "
                << r.value("code", "") << " (" << trf("comeback.position", Lang::id, {std::to_string(r.value("position", 0))})
                << ")\n";
    else if (r.contains("counter")) {
      const json& c = r["counter"];
      std::cout << c.value("name", "") << ": " << c.value("state", "") << (c.value("staff", "").empty() ? "" : " (" + c.value("staff", "") + ")") << "\n";
    } else if (r.contains("disruption")) {
      const json& d = r["disruption"];
      std::cout << "disruption #" << d.value("id", 0) << " " << d.value("resource", "") << " " << d.value("level", "")
                << (d.value("active", true) ? " active" : " cleared") << ", services";
      for (const json& s : d.value("services", json::array())) std::cout << " " << s.get<std::string>();
      std::cout << "\n";
    } else {
      std::cout << r.dump(2) << "\n";
    }
  } catch (const std::exception& e) {
    std::cout << reply.result.dump(2) << "\n";
  }
  return code;
}

std::string describe_event(const json& e, int tz) {
  std::ostringstream out;
  const json& d = e.value("data", json::object());
  out << "#" << e.value("seq", 0) << " " << format_hhmm(e.value("at", int64_t(0)), tz) << "  " << e.value("type", "");
  if (d.contains("tickets"))
    for (const json& t : d["tickets"])
      out << "  " << t.value("label", "?") << " " << t.value("state", "")
          << (t.value("counter", 0) > 0 && t.value("state", "") != "waiting" ? " @loket " + std::to_string(t.value("counter", 0)) : "");
  if (d.contains("counters") && !d.contains("tickets"))
    for (const json& c : d["counters"]) out << "  " << c.value("name", "") << " " << c.value("state", "");
  if (d.contains("disruptions"))
    for (const json& x : d["disruptions"])
      out << "  " << x.value("resource", "") << " " << x.value("level", "") << (x.value("active", true) ? "" : " cleared");
  if (d.contains("day")) out << "  " << d["day"].get<std::string>();
  if (d.contains("announcement")) out << "  \"" << d["announcement"].get<std::string>() << "\"";
  out << "  (" << e.value("actor", "") << ")";
  return out.str();
}

}  // namespace antrian::ctl
