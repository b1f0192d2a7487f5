// antrian-server: the hub of one office. See README "Command-line contract".
#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <iostream>

#include <zmq.h>

#include "antrian/backup.h"
#include "antrian/broken_pipe.h"
#include "antrian/office_config.h"
#include "antrian/service_notify.h"
#include "backup_scheduler.h"
#include "http_api.h"
#include "outbox_sender.h"
#include "probe_runner.h"
#include "hub.h"

namespace {

antrian::Hub* g_hub = nullptr;
std::atomic<int> g_stop_signal{0};  // said in the log once run() returns

void on_signal(int sig) {
  g_stop_signal = sig;
  if (g_hub) g_hub->stop();
}

}  // namespace

int main(int argc, char** argv) {
  antrian::ignore_broken_pipes();
  CLI::App app{"antrian-server: the queue hub of one Disdukcapil office"};
  std::string data_dir, config_file, bind = "127.0.0.1", log_level = "info";
  int port = 5555, http_port = 8080;
  int pub_port = -1;
  int64_t clock_start = 0;
  double clock_speed = 1.0;
  bool manual_clock = false;
  std::vector<std::string> probe_flags;
  app.add_option("--data-dir", data_dir, "Folder for the database (created if missing)")->required();
  app.add_option("--config", config_file, "Office config JSON (default: the embedded demo office)")
      ->check(CLI::ExistingFile);
  app.add_option("--bind", bind, "Address to listen on (default 127.0.0.1; 0.0.0.0 for the office LAN)");
  app.add_option("--port", port, "Request port; 0 picks a free one")->check(CLI::Range(0, 65535));
  app.add_option("--pub-port", pub_port, "Event port (default: request port + 1; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  app.add_option("--http-port", http_port, "HTTP port; 0 picks a free one, -1 turns HTTP off")
      ->check(CLI::Range(-1, 65535));
  app.add_option("--clock-start", clock_start, "Testing/simulation: start the hub's clock at this unix time (ms)")
      ->check(CLI::PositiveNumber);
  app.add_option("--clock-speed", clock_speed, "Testing/simulation: run the hub's clock this many times faster")
      ->check(CLI::Range(0.001, 100000.0));
  app.add_option("--probe", probe_flags,
                 "Watch a resource's endpoint, e.g. siak=tcp://10.1.1.5:443 or siak=http://host/health "
                 "(added to the config's probes; defaults: every 5 s, 3 failures declare, 2 successes clear)");
  app.add_flag("--manual-clock", manual_clock,
               "Simulation: the hub's time only moves by clock_set requests (needs --clock-start)");
  app.add_option("--log-level", log_level, "trace, debug, info, warn, error")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error"}));
  std::string web_publish, http_bind;
  app.add_option("--web-publish", web_publish,
                 "Live pages through the web front: its publisher socket (antrian-web-front's RUN_DIR/publish.sock)");
  app.add_option("--http-bind", http_bind,
                 "Address the hub's HTTP listens on (default: --bind; 127.0.0.1 when a web front runs in front)");
  std::string backup_dir, restore_file;
  int backup_every_min = 60;
  app.add_option("--backup-dir", backup_dir, "Take online backups of the database into this folder (newest 48 kept)");
  app.add_option("--backup-every-min", backup_every_min, "Minutes between backups (default 60)")
      ->check(CLI::Range(1, 100000));
  app.add_option("--restore", restore_file, "Replace the database in --data-dir with this backup, then exit "
                                            "(refused while a hub runs on it)");
  CLI11_PARSE(app, argc, argv);
  if (!restore_file.empty()) {
    if (auto r = antrian::restore_database(restore_file, data_dir); !r) {
      std::cerr << "error: " << r.error().reason << "\n";
      return 1;
    }
    std::cerr << "restored " << restore_file << " into " << data_dir << "\n";
    return 0;
  }

  // Logs go to stderr: stdout carries only the one JSON line with the ports.
  spdlog::set_default_logger(spdlog::stderr_color_mt("hub"));
  spdlog::set_level(spdlog::level::from_str(log_level));
  if (pub_port < 0) pub_port = port == 0 ? 0 : port + 1;
  if (pub_port > 65535) {
    std::cerr << "error: --port " << port << " leaves no room for the event port; give --pub-port\n";
    return 2;
  }

  if (!zmq_has("curve")) {
    std::cerr << "error: this libzmq was built without CURVE security; install Debian's libzmq5\n";
    return 3;
  }
  auto cfg = config_file.empty() ? antrian::default_office_config() : antrian::load_office_config_file(config_file);
  if (!cfg) {
    std::cerr << "error: office config: " << cfg.error().reason << "\n";
    return 2;
  }
  for (const std::string& flag : probe_flags) {
    const auto eq = flag.find('=');
    std::vector<std::string> ids;
    for (const auto& r : cfg->resources) ids.push_back(r.id);
    auto parsed = eq == std::string::npos
                      ? antrian::Result<std::vector<antrian::ProbeSpec>>(antrian::make_error("bad_config", "expected RESOURCE=URL"))
                      : antrian::parse_probes(nlohmann::json::array({{{"resource", flag.substr(0, eq)}, {"check", flag.substr(eq + 1)}}}), ids);
    if (!parsed) {
      std::cerr << "error: --probe " << flag << ": " << parsed.error().reason << "\n";
      return 2;
    }
    cfg->probes.push_back(parsed->front());
  }
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) {
    std::cerr << "error: cannot create --data-dir " << data_dir << ": " << ec.message() << "\n";
    return 2;
  }
  const std::string db_path = (std::filesystem::path(data_dir) / "antrian.db").string();
  auto store = antrian::Store::open(db_path);
  if (!store) {
    std::cerr << "error: " << store.error().reason << "\n";
    return 3;
  }
  if (manual_clock && clock_start <= 0) {
    std::cerr << "error: --manual-clock needs --clock-start (the simulated day's first moment, unix ms)\n";
    return 2;
  }
  std::unique_ptr<antrian::Clock> clock;
  antrian::ManualClock* manual = nullptr;
  if (manual_clock) {
    auto m = std::make_unique<antrian::ManualClock>(clock_start);
    manual = m.get();
    clock = std::move(m);
  } else if (clock_start > 0 || clock_speed != 1.0)
    clock = std::make_unique<antrian::ScaledClock>(clock_start > 0 ? clock_start : antrian::real_now_ms(), clock_speed);
  else
    clock = std::make_unique<antrian::SystemClock>();

  auto hub = antrian::Hub::create(std::move(*store), *cfg, !config_file.empty(), *clock);
  if (!hub) {
    std::cerr << "error: " << hub.error().reason << "\n";
    return 3;
  }
  (*hub)->set_database_path(db_path);
  // CURVE keys: the hub's pair, and an admin key for antrian-ctl on this machine.
  const std::string keys_dir = (std::filesystem::path(data_dir) / "keys").string();
  auto server_keys = antrian::load_or_create_hub_keys(keys_dir);
  if (!server_keys) {
    std::cerr << "error: " << server_keys.error().reason << "\n";
    return 3;
  }
  (*hub)->set_server_keys(*server_keys);
  // The key of the NIK hashes (booking_people.h): without it no NIK could be matched again.
  if (auto r = (*hub)->open_bookings(keys_dir + "/nik.key"); !r) {
    std::cerr << "error: " << r.error().reason << "\n";
    return 3;
  }
  if (auto r = (*hub)->ensure_admin_key(keys_dir + "/admin.key"); !r) {
    std::cerr << "error: " << r.error().reason << "\n";
    return 3;
  }
  (*hub)->set_manual_clock(manual);
  std::unique_ptr<antrian::BackupScheduler> backups;
  if (!backup_dir.empty()) backups = std::make_unique<antrian::BackupScheduler>(db_path, backup_dir, backup_every_min);
  if (auto r = (*hub)->bind({bind, port, pub_port, http_port}); !r) {
    std::cerr << "error: " << r.error().reason << "\n";
    return 4;
  }
  // Messages to citizens' phones leave on a thread of their own (outbox_sender.h).
  std::unique_ptr<antrian::OutboxSender> outbox;
  if (cfg->messages.sends()) {
    outbox = std::make_unique<antrian::OutboxSender>(db_path, cfg->messages, *clock, cfg->office.name);
    (*hub)->metrics().set_extra_text([o = outbox.get()] { return o->metrics_text(); });
  }
  antrian::HttpApi http(**hub);
  int bound_http = -1;
  if (http_port >= 0) {
    std::string error;
    if (!web_publish.empty()) http.use_front(web_publish);
    bound_http = http.start(http_bind.empty() ? bind : http_bind, http_port, error, bind);
    if (bound_http < 0) {
      std::cerr << "error: " << error << "\n";
      return 4;
    }
    (*hub)->set_http_port(bound_http);
  }
  antrian::ProbeRunner probes(**hub, cfg->probes);
  g_hub = hub->get();
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  // The one line scripts and tests wait for: the hub is ready on these ports.
  std::cout << nlohmann::json{{"req", (*hub)->req_port()}, {"pub", (*hub)->pub_port()}, {"http", bound_http},
                              {"keys", keys_dir}}.dump()
            << std::endl;
  spdlog::info("hub ready: requests tcp://{}:{}, events :{}, http :{}", bind, (*hub)->req_port(), (*hub)->pub_port(),
               bound_http);
  // systemd (Type=notify): start clients only now that every port answers.
  antrian::service::status("requests :" + std::to_string((*hub)->req_port()) + ", events :" +
                           std::to_string((*hub)->pub_port()) + ", http :" + std::to_string(bound_http));
  antrian::service::ready();
  (*hub)->run();
  // Who stopped the hub, at the level a hub started with --log-level warn still prints.
  if (const int sig = g_stop_signal) spdlog::warn("hub stopping: asked to by signal {} ({})", sig, ::strsignal(sig));
  antrian::service::stopping();
  http.stop();
  g_hub = nullptr;
  if (!(*hub)->fatal_error().empty()) {
    std::cerr << "error: " << (*hub)->fatal_error() << "\n";
    return 5;
  }
  spdlog::info("hub stopped");
  return 0;
}
