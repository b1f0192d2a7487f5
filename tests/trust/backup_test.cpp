// Online backups and restore against a real hub: a backup taken while the hub serves
// is a consistent, restorable moment; a restore is refused while a hub runs and for a
// damaged or foreign file, and then changes nothing.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <thread>
#include <vector>

#include "antrian/backup.h"
#include "antrian/office_config.h"
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

namespace {

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> backup_files(const std::string& dir) {
  std::vector<std::string> out;
  // The hub makes the folder with its first backup: until then there are none (the
  // test read it too early once and threw instead of waiting).
  std::error_code missing;
  for (const auto& e : fs::directory_iterator(dir, missing))
    if (e.path().extension() == ".db") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("a number deleted at the person's request leaves the older backups at the next backup") {
  TempDir dir;
  const std::string data = dir.path() + "/data", backups = dir.path() + "/backups";
  json cfg = json::parse(antrian::default_office_json());
  cfg["messages"] = {{"webhook", {{"url", "http://127.0.0.1:9/never"}}}};
  const std::string cfg_file = dir.path() + "/office.json";
  std::ofstream(cfg_file) << cfg.dump();
  const std::vector<std::string> args = {"--config", cfg_file, "--backup-dir", backups, "--backup-every-min", "60"};
  // Backups are named by the second: a restart waits for the next one.
  auto restart = [&](HubProcess& hub) {
    hub.terminate();
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    hub.restart();
  };
  auto wait_backups = [&](std::size_t n) {
    for (int i = 0; i < 100 && backup_files(backups).size() < n; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return backup_files(backups).size();
  };
  HubProcess hub(data, args);
  REQUIRE(wait_backups(1) == 1);
  std::string kept_token, gone_token;
  {
    RawClient c(hub);
    const json t1 = c.request("i1", "issue", {{"service", "C"}}, "kiosk")["result"]["ticket"];
    const json t2 = c.request("i2", "issue", {{"service", "C"}}, "kiosk")["result"]["ticket"];
    REQUIRE(c.request("c1", "contact_set", {{"token", t1["token"]}, {"phone", "081234567890"}})["ok"] == true);
    REQUIRE(c.request("c2", "contact_set", {{"token", t2["token"]}, {"phone", "081299998888"}})["ok"] == true);
  }
  restart(hub);  // its start-up backup holds both numbers
  REQUIRE(wait_backups(2) == 2);
  const std::string with_numbers = backup_files(backups)[1];
  REQUIRE(file_bytes(with_numbers).find("6281234567890") != std::string::npos);
  {
    RawClient c(hub);
    REQUIRE(c.request("d1", "contact_delete", {{"phone", "081234567890"}})["ok"] == true);
  }
  restart(hub);  // the next backup: the deleted number leaves the older one
  REQUIRE(wait_backups(3) == 3);
  const std::string newest = backup_files(backups)[2];
  bool scrubbed = false;
  for (int i = 0; i < 100 && !scrubbed; ++i) {
    scrubbed = file_bytes(with_numbers).find("6281234567890") == std::string::npos;
    if (!scrubbed) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  CHECK(scrubbed);
  // Zeroed, not just unlinked: the newest backup has no trace of it in a free page either.
  CHECK(file_bytes(newest).find("6281234567890") == std::string::npos);
  // The other person's number, and the day's tickets, are still in the older backup.
  CHECK(file_bytes(with_numbers).find("6281299998888") != std::string::npos);
  CHECK(antrian::check_backup_file(with_numbers).ok());
  hub.terminate();
  REQUIRE(restore(data, with_numbers).exit_code == 0);
  hub.restart();
  RawClient c(hub);
  CHECK(labels(snapshot(c, "after-restore")).size() == 2);
  CHECK(c.request("x", "contact_export", {{"phone", "081234567890"}})["result"]["contacts"].empty());
  CHECK(c.request("y", "contact_export", {{"phone", "081299998888"}})["result"]["contacts"].size() == 1);
}

TEST_CASE("scrub_backup refuses a damaged newer backup and leaves the older one as it was") {
  TempDir dir;
  const std::string older = dir.path() + "/older.db", bad = dir.path() + "/bad.db";
  {
    HubProcess hub(dir.path() + "/data");
    RawClient c(hub);
    REQUIRE(!issue_ticket(c, "one").empty());
    REQUIRE(antrian::backup_database(dir.path() + "/data/antrian.db", older).ok());
  }
  std::ofstream(bad) << "not a database";
  const std::string before = file_bytes(older);
  auto r = antrian::scrub_backup(older, bad);
  REQUIRE_FALSE(r.ok());
  CHECK(r.error().reason.find("no scrub") != std::string::npos);
  CHECK(file_bytes(older) == before);
  // Against itself nothing is gone: 0 rows, the file untouched.
  auto same = antrian::scrub_backup(older, older);
  REQUIRE(same.ok());
  CHECK(*same == 0);
  CHECK(file_bytes(older) == before);
}
