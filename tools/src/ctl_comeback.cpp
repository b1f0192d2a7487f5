// The come-back list from the shell (issue 17): join a halted service's list (at the
// desk, after a refusal, or with a bulk-moved ticket's token) and check a code in.
#include "ctl.h"

namespace antrian::ctl {

void add_comeback_commands(CLI::App& app, Plan& plan) {
  namespace c = proto::cmd;
  {
    auto* sc = app.add_subcommand("comeback-join",
                                  "Join the come-back list of a halted service (or one out of numbers); prints the code");
    auto service = std::make_shared<std::string>();
    auto via = std::make_shared<std::string>();
    auto token = std::make_shared<std::string>();
    sc->add_option("service", *service, "The service's code, e.g. B");
    sc->add_option("--via", *via, "kiosk (default) or refusal (after a refused issue)");
    sc->add_option("--token", *token, "Instead of SERVICE: the token of a ticket a bulk move closed (keeps its place)");
    sc->callback([&plan, service, via, token] {
      if (service->empty() == token->empty())
        throw CLI::ValidationError("comeback-join", "give SERVICE or --token (not both)");
      plan.cmd = c::comeback_join;
      plan.args = token->empty() ? nlohmann::json{{"service", *service}} : nlohmann::json{{"token", *token}};
      if (!via->empty()) plan.args["via"] = *via;
    });
  }
  {
    auto* sc = app.add_subcommand("comeback-checkin", "An invited citizen arrives: the come-back code becomes a ticket");
    auto code = std::make_shared<std::string>();
    sc->add_option("code", *code, "The 6-character code, e.g. K7M2QX (spaces and - ignored)")->required();
    sc->callback([&plan, code] {
      plan.cmd = c::comeback_checkin;
      plan.args = {{"code", *code}};
    });
  }
}

}  // namespace antrian::ctl
