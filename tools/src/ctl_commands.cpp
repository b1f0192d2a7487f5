// The subcommands of antrian-ctl, each mapped to one protocol command.
#include <sstream>

#include "antrian/office_time.h"
#include "ctl.h"

namespace antrian::ctl {
namespace {

using json = nlohmann::json;

// A ticket argument: a number is a ticket id, anything else a label like A-001.
json ticket_arg(const std::string& text) {
  if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos && text.size() < 15)
    return std::stoll(text);
  return text;
}

// Adds a subcommand that takes only a loket number.
void counter_only(CLI::App& app, Plan& plan, const char* name, std::string_view cmd, const char* help) {
  auto* sc = app.add_subcommand(name, help);
  auto counter = std::make_shared<int>(0);
  sc->add_option("loket", *counter, "Loket number")->required()->check(CLI::Range(1, 999));
  sc->callback([&plan, counter, cmd] {
    plan.cmd = std::string(cmd);
    plan.args = {{"counter", *counter}};
  });
}

}  // namespace

void add_commands(CLI::App& app, Plan& plan) {
  namespace c = proto::cmd;
  app.add_subcommand("state", "Show services, lokets and waiting tickets")->callback([&plan] { plan.cmd = c::snapshot; });

  {
    auto* sc = app.add_subcommand("issue", "Take a ticket for a service (as the kiosk does)");
    auto service = std::make_shared<std::string>();
    auto priority = std::make_shared<std::string>("reguler");
    sc->add_option("service", *service, "Service code, e.g. A")->required();
    sc->add_option("--priority", *priority, "reguler, lansia, disabilitas or ibu_hamil")
        ->check(CLI::IsMember({"reguler", "lansia", "disabilitas", "ibu_hamil"}));
    sc->callback([&plan, service, priority] {
      plan.cmd = c::issue;
      plan.args = {{"service", *service}, {"priority", *priority}};
    });
  }
  counter_only(app, plan, "call-next", c::call_next, "Call the next ticket to a loket");
  {
    auto* sc = app.add_subcommand("call", "Call a chosen waiting ticket to a loket");
    auto counter = std::make_shared<int>(0);
    auto ticket = std::make_shared<std::string>();
    sc->add_option("loket", *counter, "Loket number")->required()->check(CLI::Range(1, 999));
    sc->add_option("ticket", *ticket, "Ticket label (A-001) or id")->required();
    sc->callback([&plan, counter, ticket] {
      plan.cmd = c::call;
      plan.args = {{"counter", *counter}, {"ticket", ticket_arg(*ticket)}};
    });
  }
  counter_only(app, plan, "recall", c::recall, "Call the loket's current ticket again");
  counter_only(app, plan, "start", c::start, "Start serving the loket's called ticket");
  counter_only(app, plan, "finish", c::finish, "Finish the ticket being served");
  counter_only(app, plan, "no-show", c::no_show, "Mark the called ticket as not present");
  counter_only(app, plan, "pause", c::pause, "Put the loket on a break");
  counter_only(app, plan, "resume", c::resume, "End the loket's break");
  counter_only(app, plan, "sign-out", c::sign_out, "Sign the staff member out of a loket");
  {
    auto* sc = app.add_subcommand("transfer", "Move the loket's ticket to another service or loket");
    auto counter = std::make_shared<int>(0);
    auto to_service = std::make_shared<std::string>();
    auto to_counter = std::make_shared<int>(0);
    auto note = std::make_shared<std::string>();
    sc->add_option("loket", *counter, "Loket number")->required()->check(CLI::Range(1, 999));
    sc->add_option("--to-service", *to_service, "Target service code");
    sc->add_option("--to-counter", *to_counter, "Target loket number")->check(CLI::Range(1, 999));
    sc->add_option("--note", *note, "Why (kept in the ticket's history)");
    sc->callback([&plan, counter, to_service, to_counter, note] {
      plan.cmd = c::transfer;
      plan.args = {{"counter", *counter}};
      if (!to_service->empty()) plan.args["to_service"] = *to_service;
      if (*to_counter > 0) plan.args["to_counter"] = *to_counter;
      if (!note->empty()) plan.args["note"] = *note;
      if (to_service->empty() && *to_counter == 0) throw CLI::ValidationError("transfer", "give --to-service and/or --to-counter");
    });
  }
  {
    auto* sc = app.add_subcommand("cancel", "Cancel a waiting or called ticket");
    auto ticket = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    sc->add_option("ticket", *ticket, "Ticket label (A-001) or id")->required();
    sc->add_option("--reason", *reason, "Why");
    sc->callback([&plan, ticket, reason] {
      plan.cmd = c::cancel;
      plan.args = {{"ticket", ticket_arg(*ticket)}, {"reason", *reason}};
    });
  }
  {
    auto* sc = app.add_subcommand("service-set", "Change a service: names, daily quota, enabled, alternative");
    auto code = std::make_shared<std::string>();
    auto texts = std::make_shared<std::map<std::string, std::string>>();
    auto quota = std::make_shared<int>(0);
    auto enabled = std::make_shared<std::string>();
    sc->add_option("code", *code, "Service code, e.g. B")->required();
    for (const char* f : {"name-id", "name-en", "alternative-id", "alternative-en", "alternative-service"})
      sc->add_option(std::string("--") + f, (*texts)[f], f);
    sc->add_option("--daily-quota", *quota, "Tickets a day (0 = no limit)")->check(CLI::Range(0, 9999));
    sc->add_option("--enabled", *enabled, "yes or no")->check(CLI::IsMember({"yes", "no"}));
    sc->callback([&plan, sc, code, texts, quota, enabled] {
      plan.cmd = c::service_set;
      plan.args = {{"code", *code}};
      for (const auto& [f, v] : *texts) {
        if (sc->count(std::string("--") + f) == 0) continue;
        std::string key = f;
        for (char& ch : key) if (ch == '-') ch = '_';
        plan.args[key] = v;
      }
      if (sc->count("--daily-quota")) plan.args["daily_quota"] = *quota;
      if (!enabled->empty()) plan.args["enabled"] = *enabled == "yes";
    });
  }
  {
    auto* sc = app.add_subcommand("counter-set", "Change a loket: its name and the services it serves");
    auto number = std::make_shared<int>(0);
    auto name = std::make_shared<std::string>();
    auto services = std::make_shared<std::vector<std::string>>();
    sc->add_option("loket", *number, "Loket number")->required()->check(CLI::Range(1, 999));
    sc->add_option("--name", *name, "Its name on the screens");
    sc->add_option("--services", *services, "Services it serves, most preferred first, e.g. B,A")->delimiter(',');
    sc->callback([&plan, number, name, services] {
      plan.cmd = c::counter_set;
      plan.args = {{"number", *number}};
      if (!name->empty()) plan.args["name"] = *name;
      if (!services->empty()) plan.args["services"] = *services;
    });
  }
  {
    auto* sc = app.add_subcommand("bulk-move", "Move every waiting ticket of a service to another, or close them");
    auto service = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    sc->add_option("service", *service, "Service whose waiting tickets move, e.g. B")->required();
    sc->add_option("--to-service", *to, "Where they go (the alternative, e.g. F)");
    sc->add_option("--reason", *reason, "Why (kept in each ticket's history; required to close them)");
    sc->callback([&plan, service, to, reason] {
      plan.cmd = c::bulk_move;
      plan.args = {{"service", *service}};
      if (!to->empty()) plan.args["to_service"] = *to;
      if (!reason->empty()) plan.args["reason"] = *reason;
    });
  }
  {
    auto* sc = app.add_subcommand("sign-in", "Sign a staff member in at a loket (opens it)");
    auto counter = std::make_shared<int>(0);
    auto staff = std::make_shared<std::string>();
    auto pin = std::make_shared<std::string>();
    sc->add_option("loket", *counter, "Loket number")->required()->check(CLI::Range(1, 999));
    sc->add_option("staff", *staff, "Staff id")->required();
    sc->add_option("pin", *pin, "PIN")->required();
    sc->callback([&plan, counter, staff, pin] {
      plan.cmd = c::sign_in;
      plan.args = {{"counter", *counter}, {"staff", *staff}, {"pin", *pin}};
    });
  }
  {
    auto* sc = app.add_subcommand("staff-set", "Add a staff member or change their name, PIN or access");
    auto id = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    auto pin = std::make_shared<std::string>();
    auto active = std::make_shared<std::string>();
    sc->add_option("id", *id, "Staff id (letters, digits, . _ -)")->required();
    sc->add_option("--name", *name, "Full name");
    sc->add_option("--pin", *pin, "PIN (at least 4 characters)");
    sc->add_option("--active", *active, "yes or no")->check(CLI::IsMember({"yes", "no"}));
    sc->callback([&plan, id, name, pin, active] {
      plan.cmd = c::staff_set;
      plan.args = {{"id", *id}};
      if (!name->empty()) plan.args["name"] = *name;
      if (!pin->empty()) plan.args["pin"] = *pin;
      if (!active->empty()) plan.args["active"] = *active == "yes";
    });
  }
  {
    auto* sc = app.add_subcommand("disruption-set", "Declare (or, with --id, update) a disruption");
    auto resource = std::make_shared<std::string>();
    auto level = std::make_shared<std::string>();
    auto id = std::make_shared<int64_t>(0);
    auto msg_id = std::make_shared<std::string>();
    auto msg_en = std::make_shared<std::string>();
    auto minutes = std::make_shared<int>(-1);
    auto services = std::make_shared<std::vector<std::string>>();
    sc->add_option("resource", *resource, "siak, network, printers, blangko (see `state`)");
    sc->add_option("level", *level, "degraded or down")->check(CLI::IsMember({"degraded", "down"}));
    sc->add_option("--id", *id, "Update this disruption instead of declaring a new one");
    sc->add_option("--message-id", *msg_id, "Message in Bahasa Indonesia");
    sc->add_option("--message-en", *msg_en, "Message in English");
    sc->add_option("--expected-minutes", *minutes, "Expected back in this many minutes on the hub's clock (0: unknown)")
        ->check(CLI::Range(0, 90 * 24 * 60));
    auto at = std::make_shared<std::string>();
    sc->add_option("--expected-at", *at, "Expected back at HH:MM today on the hub's clock")->excludes("--expected-minutes");
    sc->add_option("--services", *services, "Affected services (default: those that need the resource)")->delimiter(',');
    sc->callback([&plan, resource, level, id, msg_id, msg_en, minutes, at, services] {
      plan.cmd = c::disruption_set;
      plan.args = json::object();
      if (*id > 0) plan.args["id"] = *id;
      else if (resource->empty() || level->empty())
        throw CLI::ValidationError("disruption-set", "give RESOURCE and LEVEL (or --id to update)");
      if (!resource->empty() && *id == 0) plan.args["resource"] = *resource;
      if (!level->empty()) plan.args["level"] = *level;
      if (!msg_id->empty()) plan.args["message_id"] = *msg_id;
      if (!msg_en->empty()) plan.args["message_en"] = *msg_en;
      if (*minutes >= 0)
        plan.at_hub_time = [m = int64_t(*minutes)](json& args, int64_t hub_now) {
          args["expected_end"] = hub_now + m * 60'000;
        };
      if (!at->empty()) plan.args["expected_at"] = *at;  // read on the hub's clock, by the hub
      if (!services->empty()) plan.args["services"] = *services;
    });
  }
  {
    auto* sc = app.add_subcommand("disruption-clear", "End a disruption");
    auto id = std::make_shared<int64_t>(0);
    sc->add_option("id", *id, "Disruption id (see `state`)")->required()->check(CLI::PositiveNumber);
    auto counter = std::make_shared<int>(0);
    sc->add_option("--loket", *counter, "The loket that reported it (a counter key clears only its own)")
        ->check(CLI::Range(1, 999));
    sc->callback([&plan, id, counter] {
      plan.cmd = c::disruption_clear;
      plan.args = {{"id", *id}};
      if (*counter > 0) plan.args["counter"] = *counter;
    });
  }
  {
    auto* sc = app.add_subcommand("resource-set", "Set printers working/total or blangko stock");
    auto resource = std::make_shared<std::string>();
    auto fields = std::make_shared<std::map<std::string, int>>();
    sc->add_option("resource", *resource, "Resource id, e.g. printers or blangko")->required();
    for (const char* f : {"working", "total", "stock", "low-threshold", "stock-add"})
      sc->add_option(std::string("--") + f, (*fields)[f], f)->check(CLI::Range(-1000000, 1000000));
    sc->callback([&plan, sc, resource, fields] {
      plan.cmd = c::resource_set;
      plan.args = {{"resource", *resource}};
      for (const auto& [f, v] : *fields) {
        if (sc->count(std::string("--") + f) == 0) continue;
        std::string key = f;
        for (char& ch : key) if (ch == '-') ch = '_';
        plan.args[key] = v;
      }
    });
  }
  {
    auto* sc = app.add_subcommand("announce", "Set the running text of the displays (empty clears it)");
    auto text = std::make_shared<std::string>();
    sc->add_option("text", *text, "Announcement text")->required();
    sc->callback([&plan, text] {
      plan.cmd = c::announcement_set;
      plan.args = {{"text", *text}};
    });
  }
  {
    auto* sc = app.add_subcommand("closure-add", "Close the office on a date (a holiday or a one-off closure)");
    auto date = std::make_shared<std::string>();
    auto reason_id = std::make_shared<std::string>();
    auto reason_en = std::make_shared<std::string>();
    auto holiday = std::make_shared<bool>(false);
    sc->add_option("date", *date, "YYYY-MM-DD (office time zone)")->required();
    sc->add_option("--reason-id", *reason_id, "Why, in Bahasa Indonesia (every screen shows it)")->required();
    sc->add_option("--reason-en", *reason_en, "Why, in English");
    sc->add_flag("--holiday", *holiday, "A public holiday (default: a one-off closure)");
    sc->callback([&plan, date, reason_id, reason_en, holiday] {
      plan.cmd = c::calendar_set;
      plan.args = {{"date", *date}, {"closed", true}, {"kind", *holiday ? "holiday" : "closure"}, {"reason_id", *reason_id}};
      if (!reason_en->empty()) plan.args["reason_en"] = *reason_en;
    });
  }
  {
    auto* sc = app.add_subcommand("closure-remove", "Open the office again on a date that was closed");
    auto date = std::make_shared<std::string>();
    sc->add_option("date", *date, "YYYY-MM-DD")->required();
    sc->callback([&plan, date] {
      plan.cmd = c::calendar_set;
      plan.args = {{"date", *date}, {"closed", false}};
    });
  }
  {
    auto* sc = app.add_subcommand("lookup", "Show a ticket by its status-page token");
    auto token = std::make_shared<std::string>();
    sc->add_option("token", *token, "The token from the ticket's QR link")->required();
    sc->callback([&plan, token] {
      plan.cmd = c::ticket_lookup;
      plan.args = {{"token", *token}};
    });
  }
}

}  // namespace antrian::ctl
