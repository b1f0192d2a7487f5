// antrian-ctl: the hub's protocol from the shell. Exit codes: 0 done, 1 refused by
// the hub (reason printed), 2 bad usage, 3 hub unreachable.
#include <iostream>

#include "antrian/hub_client.h"
#include "ctl.h"

int main(int argc, char** argv) {
  using namespace antrian::ctl;
  CLI::App app{"antrian-ctl: operate an antrian hub from the shell"};
  app.require_subcommand(1);
  Globals g;
  app.add_option("--hub", g.hub, "Hub address tcp://HOST:PORT")->envname("ANTRIAN_HUB");
  app.add_option("--role", g.role, "Act as kiosk, counter, display or admin")
      ->check(CLI::IsMember({"kiosk", "counter", "display", "admin"}));
  app.add_option("--timeout-ms", g.timeout_ms, "Wait this long for each attempt")->check(CLI::Range(50, 60000));
  app.add_option("--retries", g.retries, "Attempts after the first")->check(CLI::Range(0, 20));
  app.add_flag("--json", g.json, "Print JSON for scripts");
  Plan plan;
  add_commands(app, plan);
  WatchOptions watch;
  bool watching = false;
  add_watch(app, watch, watching);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? kOk : kUsage;
  }
  std::string host, error;
  int port = 0;
  if (!antrian::parse_hub_address(g.hub, host, port, error)) {
    std::cerr << "error: --hub: " << error << "\n";
    return kUsage;
  }
  if (watching) return run_watch(g, watch);
  antrian::HubClient client({g.hub, g.role, g.client, /*mirror=*/false, g.timeout_ms, g.retries});
  return print_reply(plan.cmd, client.request(plan.cmd, plan.args), g.json);
}
