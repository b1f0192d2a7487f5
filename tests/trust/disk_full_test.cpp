// The hub's data disk fills up: requests get the "storage" error with a reason that
// names the disk, the hub stays up, nothing half-written stays behind, and once space
// is freed requests succeed again. Needs root to mount a small tmpfs (CI runs as
// root); skipped with a message otherwise.
#include <doctest/doctest.h>

#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "antrian/office_config.h"
#include "hub_process.h"
#include "trust_util.h"

using namespace antrian::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// A tmpfs of a given size, unmounted on the way out.
class SmallDisk {
 public:
  SmallDisk(const std::string& dir, const std::string& size) : dir_(dir) {
    fs::create_directories(dir);
    const std::string opts = "size=" + size;
    mounted_ = ::mount("tmpfs", dir.c_str(), "tmpfs", 0, opts.c_str()) == 0;
    if (!mounted_) error_ = std::strerror(errno);
  }
  ~SmallDisk() {
    if (mounted_ && ::umount(dir_.c_str()) != 0) ::umount2(dir_.c_str(), MNT_DETACH);
  }
  bool mounted() const { return mounted_; }
  const std::string& error() const { return error_; }

 private:
  std::string dir_, error_;
  bool mounted_ = false;
};

// Writes into `path` until the disk refuses; the bytes written.
size_t fill_disk(const std::string& path) {
  FILE* f = std::fopen(path.c_str(), "wb");
  REQUIRE(f);
  std::setvbuf(f, nullptr, _IONBF, 0);
  size_t total = 0;
  const std::string chunk(4096, 'f');
  for (size_t n = chunk.size(); n > 0;) {
    if (std::fwrite(chunk.data(), 1, n, f) == n) total += n;
    else n /= 2;  // the last pages: smaller and smaller writes
  }
  std::fclose(f);
  return total;
}

std::set<std::string> labels(RawClient& c, const std::string& id) {
  std::set<std::string> out;
  const json r = c.request(id, "snapshot", json::object(), "display");
  INFO("snapshot: ", r.dump().substr(0, 400));
  CHECK(r.value("ok", false));
  for (const json& t : r["result"]["state"]["tickets"]) out.insert(t["label"].get<std::string>());
  return out;
}

}  // namespace

TEST_CASE("a full data disk: storage errors with the reason, the hub stays up, nothing half-written") {
  if (::geteuid() != 0) {
    MESSAGE("skipped: mounting a small tmpfs needs root (CI runs as root)");
    return;
  }
  TempDir dir;
  const std::string mnt = dir.path() + "/disk";
  SmallDisk disk(mnt, "3M");
  if (!disk.mounted()) {
    MESSAGE("skipped: cannot mount a tmpfs here: " << disk.error());
    return;
  }
  json cfg = json::parse(antrian::default_office_json());
  for (json& s : cfg["services"]) s["daily_quota"] = 0;
  const std::string cfg_path = dir.path() + "/office.json";
  std::ofstream(cfg_path) << cfg.dump();
  const std::string data = mnt + "/data";
  {
    HubProcess hub(data, {"--config", cfg_path});
    RawClient c(hub);
    std::set<std::string> acked;
    for (int i = 0; i < 10; ++i) acked.insert(issue_ticket(c, "warm-" + std::to_string(i)));
    REQUIRE(acked.size() == 10);
    snapshot(c, "warm-snapshot");  // registers the display key while there is room for it

    const std::string filler = mnt + "/filler";
    CHECK(fill_disk(filler) > 0);
    json refusal;
    int issued_on_full = 0;
    for (int i = 0; i < 5000 && refusal.is_null(); ++i) {
      const json r = c.request("full-" + std::to_string(i), "issue", {{"service", "A"}}, "kiosk");
      if (r.value("ok", false)) {
        acked.insert(r["result"]["ticket"]["label"].get<std::string>());
        ++issued_on_full;
      } else {
        refusal = r;
      }
    }
    INFO("refusal: ", refusal.dump(), " after ", issued_on_full, " more tickets");
    REQUIRE(!refusal.is_null());
    CHECK(refusal["error"]["code"] == "storage");
    CHECK(refusal["error"]["reason"].get<std::string>().find("disk") != std::string::npos);
    // Still full: refused again, but the hub answers reads and stays up.
    CHECK(c.request("full-again", "issue", {{"service", "C"}}, "kiosk")["error"]["code"] == "storage");
    const std::set<std::string> on_full = labels(c, "snap-full");
    for (const std::string& l : acked) CHECK_MESSAGE(on_full.count(l) == 1, "lost on a full disk: ", l);
    CHECK(on_full.size() == acked.size());  // nothing from a refused request
    CHECK(integrity_of(data + "/antrian.db") == "ok");

    // Space again: the next requests go through.
    fs::remove(filler);
    std::string label;
    for (int i = 0; i < 50 && label.empty(); ++i) {
      label = issue_ticket(c, "freed-" + std::to_string(i));
      if (label.empty()) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    CHECK(!label.empty());
    acked.insert(label);
    CHECK(!issue_ticket(c, "freed-more").empty());

    // And a restart finds every acknowledged ticket on disk, in a sound file.
    hub.restart();
    RawClient c2(hub);
    const std::set<std::string> after = labels(c2, "snap-after");
    for (const std::string& l : acked) CHECK_MESSAGE(after.count(l) == 1, "lost after the restart: ", l);
    hub.terminate();
    CHECK(integrity_of(data + "/antrian.db") == "ok");
  }
}
