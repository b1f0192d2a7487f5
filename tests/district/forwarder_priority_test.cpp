// The forwarder yields to the hub beside it (nice, idle I/O class, a pause between
// backlog batches: docs/DISTRICT.md "The forwarder yields to the hub"), and refuses
// bad values for them with the reason before it does anything.
#include <doctest/doctest.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "child.h"
#include "forwarder_priority.h"

using namespace antrian;

namespace {

std::string temp_dir() {
  auto d = std::filesystem::temp_directory_path() / ("antrian-fwd-priority-" + std::to_string(::getpid()));
  std::filesystem::create_directories(d);
  return d.string();
}

// The nice level of a process, field 19 of /proc/PID/stat (after the command in parentheses).
int nice_of(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
  std::string all((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::istringstream rest(all.substr(all.rfind(')') + 2));
  std::string field;
  for (int i = 3; i <= 19; ++i) rest >> field;
  return std::stoi(field);
}

int io_class_of(pid_t pid) { return int(::syscall(SYS_ioprio_get, 1, pid) >> 13); }

}  // namespace

TEST_CASE("district: the forwarder refuses a bad nice level, I/O class or catch-up pause with the reason") {
  CHECK(district::check_nice(0));
  CHECK(district::check_nice(19));
  CHECK_FALSE(district::check_nice(-1));
  CHECK(district::check_nice(20).error().reason.find("0..19") != std::string::npos);
  CHECK(*district::parse_io_class("idle") == district::IoClass::idle);
  CHECK(*district::parse_io_class("best-effort") == district::IoClass::best_effort);
  CHECK(*district::parse_io_class("unchanged") == district::IoClass::unchanged);
  auto bad = district::parse_io_class("realtime");
  REQUIRE_FALSE(bad);
  CHECK(bad.error().reason.find("'realtime' is not an I/O class") != std::string::npos);

  const std::string dir = temp_dir();
  struct Case {
    std::vector<std::string> flags;
    std::string says;
  };
  const Case cases[] = {{{"--nice", "25"}, "--nice: 25 is outside 0..19"},
                        {{"--nice", "-3"}, "--nice: -3 is outside 0..19"},
                        {{"--io-class", "fast"}, "--io-class: 'fast' is not an I/O class"},
                        {{"--catch-up-pause-ms", "-1"}, "--catch-up-pause-ms"},
                        {{"--catch-up-pause-ms", "20000"}, "--catch-up-pause-ms"},
                        {{"--projection-every-ms", "-5"}, "--projection-every-ms"},
                        {{"--projection-every-ms", "soon"}, "--projection-every-ms"}};
  for (const Case& c : cases) {
    std::vector<std::string> argv{ANTRIAN_FORWARDER_BIN, "--hub-db", dir + "/antrian.db", "--pg", "host=" + dir};
    argv.insert(argv.end(), c.flags.begin(), c.flags.end());
    test::Child fwd(argv, dir + "/refused.log");
    const int rc = fwd.wait(10'000);
    CHECK_MESSAGE(rc != 0, c.says);
    CHECK_MESSAGE(rc != -1, c.says);
    CHECK_MESSAGE(fwd.log().find(c.says) != std::string::npos, fwd.log());
    CHECK_FALSE(std::filesystem::exists(dir + "/antrian.db"));  // refused before touching anything
  }
  std::filesystem::remove_all(dir);
}

TEST_CASE("district: the forwarder runs at nice 10 in the idle I/O class by default, or as told") {
  const std::string dir = temp_dir();
  struct Case {
    std::vector<std::string> flags;
    int nice, io_class;
  };
  // The centre is unreachable and the hub's log missing: the forwarder waits and retries.
  const Case cases[] = {{{}, 10, 3}, {{"--nice", "15", "--io-class", "best-effort"}, 15, 2}};
  for (const Case& c : cases) {
    std::vector<std::string> argv{ANTRIAN_FORWARDER_BIN, "--hub-db", dir + "/antrian.db", "--pg", "host=" + dir,
                                  "--max-backoff-ms", "200"};
    argv.insert(argv.end(), c.flags.begin(), c.flags.end());
    test::Child fwd(argv, dir + "/running.log");
    const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    // The nice level is set first, the I/O class right after: wait for both.
    while (fwd.running() && (nice_of(fwd.pid()) != c.nice || io_class_of(fwd.pid()) != c.io_class) &&
           std::chrono::steady_clock::now() < end)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    REQUIRE_MESSAGE(fwd.running(), fwd.log());
    CHECK(nice_of(fwd.pid()) == c.nice);
    CHECK(io_class_of(fwd.pid()) == c.io_class);
    fwd.terminate();
  }
  std::filesystem::remove_all(dir);
}
