#pragma once
// A real hub in the fuzzing process: the embedded default office on a SQLite file in
// a fresh temp folder, its request loop on a thread, bound to free loopback ports. The
// clock stands still at a Monday 09:00 WIB so the office is open and runs repeat.
// Made once (LLVMFuzzerInitialize); the folder is removed when the process exits.
#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <string>
#include <thread>

#include "antrian/device_keys.h"
#include "antrian/office_config.h"
#include "antrian/office_time.h"
#include "antrian/protocol.h"
#include "antrian/store.h"
#include "hub.h"

namespace antrian::fuzz {

// 2026-11-23 09:00 WIB (a Monday morning), as in tests/unit/office_fixture.h.
inline constexpr int64_t kMonday9am = 1'795'399'200'000;

[[noreturn]] inline void die(const std::string& why) {
  std::fprintf(stderr, "fuzz setup failed: %s\n", why.c_str());
  std::abort();
}

struct FuzzHub {
  std::string dir;
  ManualClock clock{kMonday9am};
  std::unique_ptr<Hub> hub;
  std::thread thread;
  int requests = 0;

  // A command as the admin, on the hub's thread like any client's; the reply.
  proto::Reply command(std::string_view cmd, nlohmann::json args) {
    proto::Request r;
    r.id = "fuzz-setup-" + std::to_string(++requests);
    r.cmd = std::string(cmd);
    r.role = std::string(proto::role::admin);
    r.args = std::move(args);
    auto done = std::make_shared<std::promise<proto::Reply>>();
    auto got = done->get_future();
    hub->post(std::move(r), [done](const proto::Reply& reply) { done->set_value(reply); });
    if (got.wait_for(std::chrono::seconds(30)) != std::future_status::ready) die("the hub did not answer " + std::string(cmd));
    return got.get();
  }
  // A setup command that must succeed.
  nlohmann::json ok(std::string_view cmd, nlohmann::json args) {
    const std::string shown = args.dump();
    auto reply = command(cmd, std::move(args));
    if (!reply.ok) die(std::string(cmd) + " " + shown + ": " + reply.error.reason);
    return reply.result;
  }
};

inline FuzzHub& start_fuzz_hub() {
  static FuzzHub* h = [] {
    spdlog::set_level(spdlog::level::off);  // refusals are the point here, not news
    auto* f = new FuzzHub;  // lives until exit: the hub thread runs until then
    char tmpl[] = "/tmp/antrian-fuzz-XXXXXX";
    if (!::mkdtemp(tmpl)) die("cannot make a temp folder in /tmp");
    f->dir = tmpl;
    static std::string dir_to_remove = f->dir;
    std::atexit([] {
      std::error_code ec;
      std::filesystem::remove_all(dir_to_remove, ec);
    });
    const std::string db = f->dir + "/antrian.db";
    auto store = Store::open(db);
    if (!store) die("store: " + store.error().reason);
    auto cfg = default_office_config();
    if (!cfg) die("default office: " + cfg.error().reason);
    auto hub = Hub::create(std::move(*store), *cfg, false, f->clock);
    if (!hub) die("hub: " + hub.error().reason);
    f->hub = std::move(*hub);
    f->hub->set_database_path(db);
    f->hub->set_server_keys(generate_curve_keys());  // CURVE: fresh keys, nothing on disk
    if (auto r = f->hub->bind({"127.0.0.1", 0, 0, -1}); !r) die("bind: " + r.error().reason);
    f->thread = std::thread([f] { f->hub->run(); });
    f->thread.detach();
    return f;
  }();
  return *h;
}

}  // namespace antrian::fuzz
