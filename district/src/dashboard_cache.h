#pragma once
// The dashboard's live pictures (every site, the notices), made once a second by one
// thread with its own PostgreSQL connection and handed to every request from memory.
// Every office monitor and every person watching asks for the same picture every two
// seconds; without this each request queried the centre, and while a hundred sites
// were forwarding those queries waited behind the ingest for CPU (p99 416 ms). A
// picture older than `max_age_ms` (the refresher is stuck: the database is down) is
// not served: the request asks the database itself and says why it cannot.
#include <condition_variable>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "antrian/result.h"
#include "pg.h"

namespace antrian::district {

class DashboardCache {
 public:
  using Maker = std::function<Result<std::string>(Pg&)>;  // a picture as JSON text
  DashboardCache(std::string conninfo, int refresh_ms, int max_age_ms);
  ~DashboardCache();
  void add(const std::string& name, Maker make);  // before start()
  void start();
  // The picture if it is fresh enough, else nothing (the caller asks the database).
  std::optional<std::string> get(const std::string& name);
  // Something was published: make every picture again now.
  void refresh_now();

 private:
  void run();
  std::string conninfo_;
  int refresh_ms_, max_age_ms_;
  std::map<std::string, Maker> makers_;
  struct Picture {
    std::string json;
    std::chrono::steady_clock::time_point made;
  };
  std::mutex mu_;
  std::condition_variable wake_;
  std::map<std::string, Picture> pictures_;
  bool stop_ = false, again_ = false;
  std::thread thread_;
};

}  // namespace antrian::district
