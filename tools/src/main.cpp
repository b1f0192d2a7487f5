// antrian-ctl: the hub's protocol from the shell. Exit codes: 0 done, 1 refused by
// the hub (reason printed), 2 bad usage, 3 hub unreachable.
#include <iostream>

#include "antrian/device_keys.h"
#include "antrian/hub_client.h"
#include "antrian/key_options.h"
#include "ctl.h"

int main(int argc, char** argv) {
  using namespace antrian::ctl;
  CLI::App app{"antrian-ctl: operate an antrian hub from the shell"};
  app.require_subcommand(1);
  Globals g;
  app.add_option("--hub", g.hub, "Hub address tcp://HOST:PORT")->envname("ANTRIAN_HUB");
  // The same --key/--hub-key as every program (on the hub machine: DATA_DIR/keys/admin.key).
  antrian::add_key_options(app, g.key_flags);
  app.add_option("--role", g.role, "Act as kiosk, counter, display or admin (default: the key's role)")
      ->check(CLI::IsMember({"kiosk", "counter", "display", "admin"}));
  app.add_option("--timeout-ms", g.timeout_ms, "Wait this long for each attempt")->check(CLI::Range(50, 60000));
  app.add_option("--retries", g.retries, "Attempts after the first")->check(CLI::Range(0, 20));
  app.add_flag("--json", g.json, "Print JSON for scripts");
  Plan plan;
  add_commands(app, plan);
  add_key_commands(app, plan);
  add_desk_commands(app, plan);
  add_contact_commands(app, plan);
  add_comeback_commands(app, plan);
  add_booking_commands(app, plan);
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
  if (plan.before)
    if (const int rc = plan.before(g); rc >= 0) return rc;
  auto keys = antrian::load_client_keys(g.key_flags.key_file, g.key_flags.hub_key);
  if (!keys) {
    std::cerr << "error: " << keys.error().reason << "\n";
    if (plan.after) plan.after(antrian::proto::error_reply("", keys.error()));
    return kUsage;
  }
  g.keys = *keys;
  if (g.role.empty()) {
    auto file = antrian::read_key_file(g.key_flags.key_file, true);
    g.role = file && !file->role.empty() ? file->role : "admin";
  }
  if (watching) return run_watch(g, watch);
  antrian::HubClientOptions opt{g.hub, g.role, g.client, /*mirror=*/false, g.timeout_ms, g.retries};
  opt.keys = g.keys;
  antrian::HubClient client(opt);
  if (plan.at_hub_time) {
    const antrian::proto::Reply hello = client.request(std::string(antrian::proto::cmd::hello), nlohmann::json::object());
    if (!hello.ok || !hello.result.contains("now") || !hello.result["now"].is_number_integer()) {
      if (plan.after) plan.after(hello);
      return print_reply(std::string(antrian::proto::cmd::hello), hello, g.json);
    }
    plan.at_hub_time(plan.args, hello.result["now"].get<int64_t>());
  }
  const antrian::proto::Reply reply = client.request(plan.cmd, plan.args);
  if (plan.after) plan.after(reply);
  return print_reply(plan.cmd, reply, g.json, plan.brief);
}
