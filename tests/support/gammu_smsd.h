#pragma once
// The real gammu-smsd for tests: the daemon runs with gammu's dummy phone driver (a
// folder plays the modem) and its SQL backend on SQLite (libdbi), as an office runs it
// with a GSM modem. sent() reads what the phone sent, by CreatorID (the hub's id).
#include <doctest/doctest.h>

#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace antrian::test {

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
    if (pid_ <= 0) return;  // kill(-1) or kill(0) would signal every process or the whole group
    ::kill(pid_, SIGTERM);
    int status = 0;
    for (int i = 0; i < 50; ++i) {
      if (::waitpid(pid_, &status, WNOHANG) != 0) return;  // reaped (or gone): its pid may be anyone's now
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
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

}  // namespace antrian::test
