// antrian-district: sets the district centre up (schema, sites, dashboard logins),
// publishes district notices, and serves the district dashboard.
#include <csignal>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "antrian/broken_pipe.h"
#include "dashboard_server.h"
#include "district_admin.h"
#include "dashboard_users.h"
#include "district_config.h"
#include "targets.h"

namespace {

antrian::district::DashboardServer* g_server = nullptr;
void on_signal(int) {
  if (g_server) g_server->stop();
}

std::string read_secret(const std::string& file, const char* what) {
  std::ifstream in(file);
  if (!in) throw CLI::ValidationError(std::string(what) + ": cannot read " + file);
  std::stringstream ss;
  ss << in.rdbuf();
  std::string s = ss.str();
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ' || s.back() == '\r')) s.pop_back();
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  antrian::ignore_broken_pipes();
  using namespace antrian;
  using namespace antrian::district;
  CLI::App cli{"antrian-district: the district centre (PostgreSQL) and its dashboard"};
  cli.require_subcommand(1);
  std::string pg, pg_file;
  auto add_pg = [&](CLI::App* c) {
    c->add_option("--pg", pg, "PostgreSQL connection (conninfo or postgresql:// URI)")->envname("ANTRIAN_DISTRICT_PG");
    c->add_option("--pg-file", pg_file, "A file holding the connection (keeps the password out of `ps`)");
  };
  auto* setup = cli.add_subcommand("setup", "Create or update the district schema (idempotent; needs a role that may create roles)");
  add_pg(setup);
  std::string site, name, password, password_file;
  auto* add_site_cmd = cli.add_subcommand("add-site", "Add a site and its own PostgreSQL login for its forwarder");
  add_pg(add_site_cmd);
  add_site_cmd->add_option("--site", site, "Site id: a-z, 0-9, _ and -, e.g. kec-sampang")->required();
  add_site_cmd->add_option("--name", name, "The office's name, e.g. \"UPT Disdukcapil Kec. Sampang\"")->required();
  add_site_cmd->add_option("--password-file", password_file, "A file with the site's password (12+ characters)")->required();
  std::string login;
  auto* add_login = cli.add_subcommand("add-login", "Add a dashboard login (reads everything, publishes notices)");
  add_pg(add_login);
  add_login->add_option("--role", login, "The login's name")->required();
  add_login->add_option("--password-file", password_file, "A file with its password")->required();
  std::string user, full_name;
  auto* add_user = cli.add_subcommand("add-user", "Add a person who may sign in to the dashboard (or set a new password)");
  add_pg(add_user);
  add_user->add_option("--user", user, "The user name: 2-40 of a-z, 0-9, '.', '_' and '-'")->required();
  add_user->add_option("--password-file", password_file, "A file with the password (12-128 characters)")->required();
  add_user->add_option("--name", full_name, "The person's name, e.g. \"Kabid Pelayanan\"");
  std::string kind = "disruption", resource, level = "down", message_id, message_en, text;
  std::vector<std::string> services, sites;
  int64_t clear_id = 0;
  auto* notice = cli.add_subcommand("notice", "Publish a district notice (disruption or announcement) to every site, or clear one");
  add_pg(notice);
  notice->add_option("--kind", kind, "disruption or announcement")->check(CLI::IsMember({"disruption", "announcement"}));
  notice->add_option("--resource", resource, "Disruption: the resource, e.g. siak");
  notice->add_option("--level", level, "Disruption: down or degraded")->check(CLI::IsMember({"down", "degraded"}));
  notice->add_option("--message-id", message_id, "Disruption: the message in Indonesian");
  notice->add_option("--message-en", message_en, "Disruption: the message in English");
  notice->add_option("--services", services, "Disruption: affected service codes (default: those needing the resource)");
  notice->add_option("--text", text, "Announcement: the running text");
  notice->add_option("--sites", sites, "Only these sites (default: every site)");
  notice->add_option("--clear", clear_id, "Clear the notice with this id instead");
  std::string doc_file, cfg_site, note;
  bool show_config = false;
  auto* config = cli.add_subcommand("config", "Publish a new version of the district's configuration (the template every "
                                              "site gets, or one site's override), or show what each site runs");
  add_pg(config);
  config->add_option("--doc", doc_file, "A JSON file: {services: [...], calendar: {...}, holidays: [...]}");
  config->add_option("--site", cfg_site, "The site whose override this is (default: the district's template)");
  config->add_option("--note", note, "Why (kept with the version)");
  config->add_flag("--show", show_config, "Print each site's published and applied version (JSON)");
  std::string t_site, t_service, t_period = "day";
  int64_t t_count = 0;
  auto* target = cli.add_subcommand("target", "Set a site's daily or weekly target for a service (tickets done; 0 removes it)");
  add_pg(target);
  target->add_option("--site", t_site, "The site")->required();
  target->add_option("--service", t_service, "The service code, e.g. B")->required();
  target->add_option("--period", t_period, "day or week")->check(CLI::IsMember({"day", "week"}));
  target->add_option("--count", t_count, "Tickets done in the period (0 removes the target)")->required();
  DashboardOptions d;
  std::string token_file, log_level = "info", read_pg_file;
  auto* serve = cli.add_subcommand("serve", "Serve the district dashboard");
  add_pg(serve);
  serve->add_option("--read-pg", d.read_pg, "Read every page from here (a streaming replica of --pg); publishing "
                                            "still goes to --pg");
  serve->add_option("--read-pg-file", read_pg_file, "A file holding the --read-pg connection");
  bool no_login = false;
  serve->add_flag("--no-login", no_login, "Open to anyone who reaches it, without signing in (a closed LAN's wall "
                                           "monitor); by default every page needs an account made with add-user");
  serve->add_option("--bind", d.bind, "Address to listen on");
  serve->add_option("--port", d.port, "HTTP port (0: a free one, printed as {\"http\":N})")->check(CLI::Range(0, 65535));
  serve->add_option("--admin-token-file", token_file, "A file with the token that lets the district publish notices");
  serve->add_option("--connected-within-s", d.settings.connected_within_s, "A site heard from within this is connected")
      ->check(CLI::Range(2, 3600));
  serve->add_option("--refresh-ms", d.refresh_ms, "Make the live pictures (every site, notices) this often; 0: per request")
      ->check(CLI::Range(0, 60000));
  serve->add_option("--blangko-warn-days", d.settings.blangko_warn_days, "Warn when fewer working days of blangko are left")
      ->check(CLI::Range(1, 365));
  cli.add_option("--log-level", log_level, "trace, debug, info, warn, error");
  try {
    cli.parse(argc, argv);
    if (!pg_file.empty()) pg = read_secret(pg_file, "--pg-file");
    if (pg.empty()) throw CLI::ValidationError("give the PostgreSQL connection with --pg or --pg-file");
    if (!read_pg_file.empty()) d.read_pg = read_secret(read_pg_file, "--read-pg-file");
    if (!password_file.empty()) password = read_secret(password_file, "--password-file");
    if (!token_file.empty()) {
      d.admin_token = read_secret(token_file, "--admin-token-file");
      if (d.admin_token.size() < 16) throw CLI::ValidationError("--admin-token-file: the token must have 16+ characters");
    }
  } catch (const CLI::ParseError& e) {
    return cli.exit(e);
  }
  spdlog::set_default_logger(spdlog::stderr_color_mt("district"));
  spdlog::set_level(spdlog::level::from_str(log_level));
  auto fail = [](const Error& e) {
    std::cerr << "antrian-district: " << e.reason << "\n";
    return 1;
  };
  if (*serve) {
    d.pg = pg;
    d.require_login = !no_login;
    // A replica that is not one (or cannot be reached) is said at once; the pages would
    // otherwise read a second primary nobody feeds, or answer 503 without a word.
    if (!d.read_pg.empty()) {
      auto r = Pg::connect(d.read_pg);
      if (!r) return fail(make_error("bad_request", "--read-pg: " + r.error().reason));
      auto rec = (*r)->exec("SELECT pg_is_in_recovery()");
      if (!rec) return fail(make_error("bad_request", "--read-pg: " + rec.error().reason));
      if (rec->get(0, 0) != "t")
        return fail(make_error("bad_request", "--read-pg: that server is not a replica (pg_is_in_recovery() is false); "
                                              "give a standby made with pg_basebackup -R, or leave --read-pg out"));
    }
    DashboardServer server(d);
    std::string error;
    const int port = server.bind(error);
    if (port < 0) return fail(make_error("bind", error));
    g_server = &server;
    std::signal(SIGINT, on_signal);
    std::signal(SIGTERM, on_signal);
    std::cout << "{\"http\":" << port << "}" << std::endl;
    server.serve();
    return 0;
  }
  auto conn = Pg::connect(pg);
  if (!conn) return fail(conn.error());
  Pg& db = **conn;
  if (*setup) {
    if (auto r = setup_schema(db); !r) return fail(r.error());
    std::cout << "district schema ready\n";
  } else if (*add_site_cmd) {
    auto r = add_site(db, site, name, password);
    if (!r) return fail(r.error());
    std::cout << "site " << site << " added; its forwarder logs in as " << *r << "\n";
  } else if (*add_user) {
    if (auto r = set_dashboard_user(db, user, password, full_name); !r) return fail(r.error());
    std::cout << "dashboard user " << user << " ready\n";
  } else if (*add_login) {
    if (auto r = add_dashboard_login(db, login, password); !r) return fail(r.error());
    std::cout << "dashboard login " << login << " ready\n";
  } else if (*config) {
    if (show_config || doc_file.empty()) {
      auto r = config_status(db);
      if (!r) return fail(r.error());
      std::cout << r->dump(2) << "\n";
      return 0;
    }
    std::ifstream in(doc_file);
    if (!in) return fail(make_error("bad_request", "--doc: cannot read " + doc_file));
    const nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded()) return fail(make_error("bad_request", "--doc: " + doc_file + " is not valid JSON"));
    auto r = publish_config(db, doc, cfg_site, "antrian-district", note);
    if (!r) return fail(r.error());
    std::cout << "configuration version " << *r << " published"
              << (cfg_site.empty() ? std::string(" for every site") : " for " + cfg_site) << "\n";
  } else if (*target) {
    if (auto r = set_target(db, t_site, t_service, t_period, t_count, "antrian-district"); !r) return fail(r.error());
    std::cout << (t_count ? "target set" : "target removed") << "\n";
  } else if (*notice) {
    if (clear_id > 0) {
      if (auto r = clear_notice(db, clear_id); !r) return fail(r.error());
      std::cout << "notice " << clear_id << " cleared\n";
      return 0;
    }
    nlohmann::json body;
    if (kind == "disruption") {
      body = {{"resource", resource}, {"level", level}, {"message_id", message_id}};
      if (!message_en.empty()) body["message_en"] = message_en;
      if (!services.empty()) body["services"] = services;
    } else {
      body = {{"text", text}};
    }
    auto r = publish_notice(db, kind, body, sites, "antrian-district");
    if (!r) return fail(r.error());
    std::cout << *r << "\n";
  }
  return 0;
}
