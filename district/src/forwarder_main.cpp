// antrian-forwarder: runs beside a hub and sends its event log to the district's
// PostgreSQL; brings district notices back to the hub. The hub does not know it exists.
#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "antrian/broken_pipe.h"
#include "antrian/key_options.h"
#include "forwarder.h"
#include "forwarder_priority.h"

namespace {
std::atomic<bool> g_stop{false};
void on_signal(int) { g_stop = true; }
}  // namespace

int main(int argc, char** argv) {
  antrian::ignore_broken_pipes();
  using namespace antrian;
  CLI::App cli{"antrian-forwarder: sends a hub's event log to the district centre (PostgreSQL) and applies the "
               "district's notices to the hub"};
  district::ForwarderOptions o;
  std::string pg_file, hub, log_level = "info";
  KeyFlags keys;
  cli.add_option("--hub-db", o.hub_db, "The hub's log: its DATA_DIR/antrian.db (read-only)")->required();
  cli.add_option("--pg", o.pg, "This site's PostgreSQL connection (conninfo or postgresql:// URI)")
      ->envname("ANTRIAN_DISTRICT_PG");
  cli.add_option("--pg-file", pg_file, "A file holding the connection (keeps the password out of `ps`)");
  cli.add_option("--hub", hub, "The hub (tcp://HOST:PORT), to apply district notices; leave out for log only");
  add_key_options(cli, keys);
  cli.add_option("--batch", o.batch, "Events per transaction (default 200)")->check(CLI::Range(1, 20000));
  cli.add_option("--idle-ms", o.idle_ms, "Pause when nothing is new")->check(CLI::Range(50, 60000));
  cli.add_option("--max-backoff-ms", o.max_backoff_ms, "Longest pause between attempts to reach the centre")
      ->check(CLI::Range(100, 600000));
  cli.add_option("--catch-up-pause-ms", o.catch_up_pause_ms,
                 "While behind, pause after each batch (0..10000 ms, default 200; 0 sends back to back)")
      ->check(CLI::Range(0, 10000));
  cli.add_option("--projection-every-ms", o.projection_every_ms,
                 "While behind, send the site's picture at most this often (0..600000 ms, default 30000; "
                 "always with the batch that catches up)")
      ->check(CLI::Range(0, 600000));
  district::ForwarderPriority priority;
  std::string io_class = "idle";
  cli.add_option("--nice", priority.nice, "CPU priority floor, 0..19 (default 10: the hub beside it comes first)");
  cli.add_option("--io-class", io_class, "I/O scheduling class: idle (default), best-effort or unchanged");
  cli.add_flag("--exit-when-caught-up", o.exit_when_caught_up, "Stop once the centre has every event (benchmarks)");
  cli.add_option("--crash-after-batches", o.crash_after_batches, "Tests only: SIGKILL itself after N batches")
      ->group("");
  cli.add_option("--log-level", log_level, "trace, debug, info, warn, error");
  try {
    cli.parse(argc, argv);
    if (!pg_file.empty()) {
      std::ifstream in(pg_file);
      if (!in) throw CLI::ValidationError("--pg-file: cannot read " + pg_file);
      std::stringstream ss;
      ss << in.rdbuf();
      o.pg = ss.str();
      while (!o.pg.empty() && (o.pg.back() == '\n' || o.pg.back() == ' ')) o.pg.pop_back();
    }
    if (o.pg.empty()) throw CLI::ValidationError("give the site's PostgreSQL connection with --pg or --pg-file");
    if (auto c = district::check_nice(priority.nice); !c) throw CLI::ValidationError(c.error().reason);
    auto io = district::parse_io_class(io_class);
    if (!io) throw CLI::ValidationError(io.error().reason);
    priority.io = *io;
    if (!hub.empty()) {
      HubClientOptions h(hub, std::string(proto::role::admin), "district-forwarder", true, 3000, 1);
      h.keys = client_keys_or_throw(keys);
      std::string host, error;
      int port = 0;
      if (!parse_hub_address(hub, host, port, error)) throw CLI::ValidationError("--hub: " + error);
      o.hub = h;
    }
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  spdlog::set_default_logger(spdlog::stderr_color_mt("forwarder"));
  spdlog::set_level(spdlog::level::from_str(log_level));
  if (auto p = district::apply_priority(priority); !p) {
    spdlog::error("{}", p.error().reason);
    return 2;
  }
  std::signal(SIGINT, on_signal);
  std::signal(SIGTERM, on_signal);
  try {
    district::Forwarder f(o);
    const int rc = f.run(g_stop);
    spdlog::info("stopped: the centre has events up to {} of {}", f.stats().acked, f.stats().hub_seq);
    return rc;
  } catch (const std::exception& e) {
    spdlog::error("{}", e.what());
    return 1;
  }
}
