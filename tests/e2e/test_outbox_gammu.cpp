// SMS through the real gammu-smsd: the daemon runs with gammu's dummy phone driver
// (a folder plays the modem) and its SQL backend on SQLite (libdbi), as an office runs
// it with a GSM modem. The hub writes into gammu's outbox; the daemon sends and moves
// each message to sentitems, where the test finds it by its id (CreatorID). A number
// over its daily limit gets no more messages.
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "antrian/office_config.h"
#include "eventually.h"
#include "hub_process.h"
#include "raw_client.h"

using namespace antrian::test;
using nlohmann::json;

namespace {

// gammu-smsd in the foreground, stopped (SIGTERM) and reaped at the end.
class GammuSmsd {
 public:
  explicit GammuSmsd(const std::string& dir) : dir_(dir) {
    std::filesystem::create_directories(dir + "/phone");
    std::ifstream schema("/usr/share/doc/gammu-smsd/examples/sqlite.sql");
    REQUIRE_MESSAGE(schema, "gammu-smsd's schema is missing: apt-get install gammu-smsd libdbd-sqlite3");
    std::stringstream sql;
    sql << schema.rdbuf();
    sqlite3* db = nullptr;
    sqlite3_open((dir + "/smsd.db").c_str(), &db);
    REQUIRE(sqlite3_exec(db, sql.str().c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
    std::ofstream(dir + "/smsdrc") << "[gammu]\ndevice = " << dir << "/phone\nconnection = none\nmodel = dummy\n\n"
                                   << "[smsd]\nservice = sql\ndriver = sqlite3\ndatabase = smsd.db\ndbdir = " << dir
                                   << "\nlogfile = " << dir << "/smsd.log\ndebuglevel = 1\ncommtimeout = 1\n"
                                   << "sendtimeout = 5\nloopsleep = 1\nchecksecurity = 0\ncheckbattery = 0\n"
                                   << "checksignal = 0\nstatusfrequency = 0\nreceivefrequency = 60\n";
    pid_ = ::fork();
    if (pid_ == 0) {
      ::prctl(PR_SET_PDEATHSIG, SIGKILL);
      const std::string conf = dir + "/smsdrc";
      // Its log is the file in the config; its terminal chatter is not wanted.
      const int devnull = ::open("/dev/null", O_WRONLY);
      ::dup2(devnull, 1);
      ::dup2(devnull, 2);
      ::execlp("gammu-smsd", "gammu-smsd", "-c", conf.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
  }
  ~GammuSmsd() {
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 50 && ::waitpid(pid_, &status, WNOHANG) == 0; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status, 0);
  }
  std::string database() const { return dir_ + "/smsd.db"; }
  std::string log() const {
    std::ifstream in(dir_ + "/smsd.log");
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }
  // CreatorID -> {Status, DestinationNumber, TextDecoded} of what the phone sent.
  std::map<std::string, std::vector<std::string>> sent() const {
    std::map<std::string, std::vector<std::string>> out;
    sqlite3* db = nullptr;
    sqlite3_open_v2(database().c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_busy_timeout(db, 2000);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(db, "SELECT CreatorID, Status, DestinationNumber, TextDecoded FROM sentitems", -1, &st, nullptr);
    while (st && sqlite3_step(st) == SQLITE_ROW) {
      auto col = [&](int i) { return std::string(reinterpret_cast<const char*>(sqlite3_column_text(st, i))); };
      out[col(0)] = {col(1), col(2), col(3)};
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return out;
  }

 private:
  std::string dir_;
  pid_t pid_ = -1;
};

}  // namespace

TEST_CASE("outbox: SMS through the real gammu-smsd (dummy phone), each message once, limits per number") {
  TempDir dir;
  GammuSmsd smsd(dir.path() + "/gammu");
  json cfg = json::parse(antrian::default_office_json());
  cfg["messages"] = {{"near", {{"ahead", 1}}}, {"max_per_number_per_day", 2},
                     {"gammu", {{"database", smsd.database()}}}, {"retry", {{"first_s", 1}, {"max_s", 1}}}};
  const std::string cfg_path = dir.path() + "/office.json";
  std::ofstream(cfg_path) << cfg.dump();
  HubProcess hub(dir.path() + "/data", {"--config", cfg_path});
  RawClient c(hub);
  json t1 = c.request("i1", "issue", {{"service", "C"}}, "kiosk")["result"]["ticket"];
  json t2 = c.request("i2", "issue", {{"service", "C"}}, "kiosk")["result"]["ticket"];
  REQUIRE(c.request("c1", "contact_set", {{"token", t1["token"]}, {"phone", "0812 3456 7890"}})["ok"] == true);
  REQUIRE(c.request("in", "sign_in", {{"counter", 4}, {"staff", "demo1"}, {"pin", "1234"}})["ok"] == true);
  REQUIRE(c.request("call", "call_next", {{"counter", 4}})["ok"] == true);
  // The same number for a second ticket: its "near" is the day's third message.
  REQUIRE(c.request("c2", "contact_set", {{"token", t2["token"]}, {"phone", "+6281234567890"}})["ok"] == true);

  const std::string l1 = t1["label"];
  REQUIRE(eventually([&] { return smsd.sent().size() >= 2; }, std::chrono::seconds(40)));
  std::this_thread::sleep_for(std::chrono::milliseconds(1500));
  const auto sent = smsd.sent();
  INFO(smsd.log());
  REQUIRE(sent.size() == 2);
  std::set<std::string> kinds;
  for (const auto& [id, row] : sent) {
    INFO(id);
    kinds.insert(id.substr(id.rfind('-') + 1));
    CHECK(row[0].rfind("SendingOK", 0) == 0);  // SendingOK or SendingOKNoReport
    CHECK(row[1] == "+6281234567890");
    CHECK(row[2].find(l1) != std::string::npos);
  }
  CHECK(kinds == std::set<std::string>{"near", "called"});
  CHECK(smsd.log().find("Transmitted") != std::string::npos);

  // The hub sees them sent (gammu moved them to sentitems), the third one limited.
  REQUIRE(eventually([&] {
    json s = c.request("st-" + std::to_string(std::rand()), "outbox_status", json::object());
    return s["result"]["channels"]["sms"]["states"].value("sent", 0) == 2;
  }, std::chrono::seconds(10)));
  json s = c.request("st", "outbox_status", json::object());
  CHECK(s["result"]["channels"]["sms"]["states"]["limited"] == 1);
  json exported = c.request("x", "contact_export", {{"phone", "081234567890"}});
  CHECK(exported["result"]["contacts"].size() == 2);
  CHECK(exported["result"]["messages"].size() == 3);
}
