// Online backups and restore against a real hub: a backup taken while the hub serves
// is a consistent, restorable moment; a restore is refused while a hub runs and for a
// damaged or foreign file, and then changes nothing.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <thread>

#include "antrian/backup.h"
#include "hub_process.h"
#include "trust_util.h"

using namespace antrian::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

std::set<std::string> labels(const json& snap) {
  std::set<std::string> out;
  for (const json& t : snap["state"]["tickets"]) out.insert(t["label"].get<std::string>());
  return out;
}

ProcessResult restore(const std::string& data_dir, const std::string& file) {
  return run_process({ANTRIAN_SERVER_BIN, "--data-dir", data_dir, "--restore", file});
}

}  // namespace

TEST_CASE("a backup taken while the hub runs restores to exactly that moment") {
  TempDir dir;
  const std::string data = dir.path() + "/data", backups = dir.path() + "/backups";
  HubProcess hub(data, {"--backup-dir", backups});
  RawClient c(hub);
  for (int i = 0; i < 5; ++i) REQUIRE(!issue_ticket(c, "before-" + std::to_string(i)).empty());
  const json at_backup = snapshot(c, "snap-1");
  const std::string file = dir.path() + "/manual.db";
  REQUIRE(antrian::backup_database(data + "/antrian.db", file).ok());
  for (int i = 0; i < 3; ++i) REQUIRE(!issue_ticket(c, "after-" + std::to_string(i)).empty());
  CHECK(labels(snapshot(c, "snap-2")).size() == 8);

  // The scheduler took its first backup at start, named by the time.
  bool scheduled = false;
  for (const auto& e : fs::directory_iterator(backups)) {
    const std::string n = e.path().filename().string();
    scheduled |= n.size() == 26 && n.rfind("antrian-", 0) == 0 && n.ends_with(".db");
    CHECK(antrian::check_backup_file(e.path().string()).ok());
  }
  CHECK(scheduled);

  hub.terminate();
  const ProcessResult r = restore(data, file);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(fs::exists(data + "/antrian.db.before-restore"));
  hub.restart();
  RawClient c2(hub);
  const json after = snapshot(c2, "snap-3");
  CHECK(after["seq"] == at_backup["seq"]);
  CHECK(labels(after) == labels(at_backup));
  // The forecast is derived (made when asked, with its own time), not part of the backup.
  json restored = after["state"], saved = at_backup["state"];
  restored.erase("forecast");
  saved.erase("forecast");
  CHECK(restored == saved);
  // The restored hub goes on numbering from the backup's last ticket.
  CHECK(issue_ticket(c2, "again-1") == "A-006");
}

TEST_CASE("a restore is refused while a hub runs on the data dir") {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  HubProcess hub(data);
  RawClient c(hub);
  REQUIRE(!issue_ticket(c, "one").empty());
  const std::string file = dir.path() + "/b.db";
  REQUIRE(antrian::backup_database(data + "/antrian.db", file).ok());
  REQUIRE(!issue_ticket(c, "two").empty());

  const ProcessResult r = restore(data, file);
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("in use") != std::string::npos);
  CHECK(r.err.find("stop the hub") != std::string::npos);
  CHECK_FALSE(fs::exists(data + "/antrian.db.before-restore"));
  // Nothing changed under the running hub.
  CHECK(labels(snapshot(c, "s")).size() == 2);
  CHECK(!issue_ticket(c, "three").empty());
  hub.terminate();
  hub.restart();
  RawClient c2(hub);
  CHECK(labels(snapshot(c2, "s2")).size() == 3);
}

TEST_CASE("a damaged or foreign backup is refused with the reason, and nothing changes") {
  TempDir dir;
  const std::string data = dir.path() + "/data";
  HubProcess hub(data);
  {
    RawClient c(hub);
    REQUIRE(!issue_ticket(c, "one").empty());
  }
  const std::string good = dir.path() + "/good.db";
  REQUIRE(antrian::backup_database(data + "/antrian.db", good).ok());
  hub.terminate();

  // Garbage bytes.
  const std::string garbage = dir.path() + "/garbage.db";
  std::ofstream(garbage) << std::string(8192, 'x');
  // A real backup with pages overwritten in the middle (a bad disk, a partial copy).
  const std::string torn = dir.path() + "/torn.db";
  fs::copy_file(good, torn);
  const auto size = fs::file_size(torn);
  REQUIRE(size > 8192);
  {
    std::fstream f(torn, std::ios::in | std::ios::out | std::ios::binary);
    f.seekp(std::streamoff(size / 2));
    const std::string junk(4096, '\x5a');
    f.write(junk.data(), std::streamsize(junk.size()));
  }
  fs::resize_file(torn, size - 1024);
  // A valid SQLite file that is not ours.
  const std::string foreign = dir.path() + "/foreign.db";
  {
    sqlite3* db = nullptr;
    sqlite3_open(foreign.c_str(), &db);
    sqlite3_exec(db, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", nullptr, nullptr, nullptr);
    sqlite3_close(db);
  }
  const std::string missing = dir.path() + "/nope.db";

  for (const auto& [file, reason] : std::vector<std::pair<std::string, std::string>>{
           {garbage, "not a database"}, {torn, "damaged"}, {foreign, "not an antrian database"},
           {missing, "does not exist"}}) {
    INFO(file);
    const ProcessResult r = restore(data, file);
    INFO(r.err);
    CHECK(r.exit_code != 0);
    CHECK(r.err.find("restore refused") != std::string::npos);
    CHECK(r.err.find(reason) != std::string::npos);
  }
  CHECK_FALSE(fs::exists(data + "/antrian.db.before-restore"));
  hub.restart();
  RawClient c(hub);
  CHECK(labels(snapshot(c, "s")).size() == 1);
}

TEST_CASE("the backup folder keeps the newest 48 backups and leaves other files alone") {
  TempDir dir;
  const std::string backups = dir.path() + "/backups";
  fs::create_directories(backups);
  // 49 older backups (names only: pruning goes by the time in the name) and a stranger.
  for (int i = 0; i < 49; ++i) {
    char name[64];
    std::snprintf(name, sizeof name, "antrian-20200101-%06d.db", i);
    std::ofstream(backups + "/" + name) << "old";
  }
  std::ofstream(backups + "/notes.txt") << "keep me";
  HubProcess hub(dir.path() + "/data", {"--backup-dir", backups, "--backup-every-min", "60"});
  // The hub's first backup is taken at start; wait until it is in place and pruned.
  auto count = [&] {
    int n = 0;
    for (const auto& e : fs::directory_iterator(backups)) n += e.path().extension() == ".db";
    return n;
  };
  for (int i = 0; i < 100 && (count() != 48 || fs::exists(backups + "/antrian-20200101-000001.db")); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  CHECK(count() == 48);
  CHECK_FALSE(fs::exists(backups + "/antrian-20200101-000000.db"));
  CHECK_FALSE(fs::exists(backups + "/antrian-20200101-000001.db"));
  CHECK(fs::exists(backups + "/antrian-20200101-000002.db"));
  CHECK(fs::exists(backups + "/notes.txt"));
  bool fresh = false;
  for (const auto& e : fs::directory_iterator(backups)) {
    const std::string n = e.path().filename().string();
    if (n.rfind("antrian-2020", 0) != 0 && n.ends_with(".db")) fresh = antrian::check_backup_file(e.path().string()).ok();
  }
  CHECK(fresh);
}
