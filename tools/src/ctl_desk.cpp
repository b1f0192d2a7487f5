// The information desk from the shell: find a ticket by its number, bring a no-show
// back into line, free a loket whose PC crashed.
#include <iostream>

#include "ctl.h"

namespace antrian::ctl {

using json = nlohmann::json;

void add_desk_commands(CLI::App& app, Plan& plan) {
  namespace c = proto::cmd;
  {
    auto* sc = app.add_subcommand("ticket-find", "Find a ticket of today by its number (A-006, a6): state, loket, times, what the desk may do");
    auto number = std::make_shared<std::string>();
    sc->add_option("number", *number, "The number on the ticket, e.g. A-006")->required();
    sc->callback([&plan, number] {
      plan.cmd = c::ticket_find;
      plan.args = {{"number", *number}};
    });
  }
  {
    auto* sc = app.add_subcommand("restore-no-show", "Bring a no-show back into line (within the office's time); it keeps its number");
    auto ticket = std::make_shared<std::string>();
    auto counter = std::make_shared<int>(0);
    sc->add_option("ticket", *ticket, "Ticket number (A-006)")->required();
    sc->add_option("--loket", *counter, "The loket acting (a counter key must give its own)")->check(CLI::Range(1, 999));
    sc->callback([&plan, ticket, counter] {
      plan.cmd = c::restore_no_show;
      plan.args = {{"ticket", *ticket}};
      if (*counter > 0) plan.args["counter"] = *counter;
    });
  }
  {
    auto* sc = app.add_subcommand("force-sign-out", "Close a loket someone is still signed in at (after a PC crash); admins");
    auto counter = std::make_shared<int>(0);
    auto reason = std::make_shared<std::string>();
    sc->add_option("loket", *counter, "Loket number")->required()->check(CLI::Range(1, 999));
    sc->add_option("--reason", *reason, "Why (kept in the log)");
    sc->callback([&plan, counter, reason] {
      plan.cmd = c::force_sign_out;
      plan.args = {{"counter", *counter}};
      if (!reason->empty()) plan.args["reason"] = *reason;
    });
  }
}

void print_found_ticket(const json& r) {
  const json& t = r.at("ticket");
  std::cout << t.value("label", "?") << "  " << t.value("state", "") << "  " << r.value("service_name_en", "")
            << " (" << t.value("service", "") << "), priority " << t.value("priority", "") << "\n";
  if (r.contains("counter_name") && r["counter_name"].is_string())
    std::cout << "  loket: " << r["counter_name"].get<std::string>() << "\n";
  const json times = r.value("local_times", json::object());
  for (const char* what : {"issued", "called", "started", "ended"})
    if (times.contains(what)) std::cout << "  " << what << ": " << times[what].get<std::string>() << "\n";
  if (r.contains("ahead") && r["ahead"].is_number()) std::cout << "  ahead of it: " << r["ahead"] << "\n";
  if (r.contains("no_show_return")) {
    const json& n = r["no_show_return"];
    if (n.value("allowed", false))
      std::cout << "  may be brought back until " << n.value("until_local", "") << " (antrian-ctl restore-no-show "
                << t.value("label", "") << ")\n";
    else
      std::cout << "  cannot be brought back: " << n.value("reason", "") << "\n";
  }
  std::string actions;
  for (const json& a : r.value("actions", json::array())) actions += (actions.empty() ? "" : ", ") + a.get<std::string>();
  std::cout << "  actions: " << (actions.empty() ? "none" : actions) << "\n";
}

}  // namespace antrian::ctl
