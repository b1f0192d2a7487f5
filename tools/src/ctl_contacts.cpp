// Messages to citizens' phones from the shell: leave a number for a ticket, export or
// delete one person's data (UU 27/2022), the outbox's delivery state.
#include <iostream>

#include "ctl.h"

namespace antrian::ctl {

void add_contact_commands(CLI::App& app, Plan& plan) {
  namespace c = proto::cmd;
  {
    auto* sc = app.add_subcommand("contact-set", "Leave a phone number for a ticket: the hub sends it messages (SMS/WhatsApp)");
    auto token = std::make_shared<std::string>();
    auto phone = std::make_shared<std::string>();
    auto code = std::make_shared<std::string>();
    sc->add_option("token", *token, "The ticket's token (from its QR link)");
    sc->add_option("phone", *phone, "Indonesian mobile number, e.g. 0812-3456-7890 or +62 812 3456 7890");
    sc->add_option("--code", *code, "Instead of TOKEN: a come-back code; its invitation goes to the number");
    sc->callback([&plan, token, phone, code] {
      if (!code->empty() && phone->empty()) std::swap(*phone, *token);  // contact-set --code CODE PHONE
      if (phone->empty()) throw CLI::ValidationError("contact-set", "give TOKEN PHONE, or --code CODE PHONE");
      plan.cmd = c::contact_set;
      plan.args = {{"phone", *phone}};
      if (!code->empty()) plan.args["code"] = *code;
      if (!token->empty()) plan.args["token"] = *token;
    });
  }
  for (const auto& [name, cmd, help] :
       {std::tuple{"contact-export", c::contact_export, "Everything the hub keeps of one phone number (JSON)"},
        std::tuple{"contact-delete", c::contact_delete, "Delete every contact and message of one phone number"}}) {
    auto* sc = app.add_subcommand(name, help);
    auto phone = std::make_shared<std::string>();
    sc->add_option("phone", *phone, "The phone number, as the citizen gives it")->required();
    const std::string command(cmd);
    sc->callback([&plan, phone, command] {
      plan.cmd = command;
      plan.args = {{"phone", *phone}};
    });
  }
  app.add_subcommand("outbox", "Delivery state of messages to citizens' phones, per channel, and the latest failures")
      ->callback([&plan] { plan.cmd = c::outbox_status; });
}

}  // namespace antrian::ctl
