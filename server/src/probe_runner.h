#pragma once
// Runs the office's probes (probe.h) on a thread and tells the hub when a watched
// endpoint goes down or comes back, as the actor "probe:<resource>".
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "antrian/probe.h"

namespace antrian {

class Hub;

// One check: true when the endpoint answered within the timeout.
bool run_check(const ProbeSpec& p);

class ProbeRunner {
 public:
  ProbeRunner(Hub& hub, std::vector<ProbeSpec> probes);
  ~ProbeRunner();

 private:
  void loop(std::size_t index);
  void went_down(std::size_t index);
  void came_back(std::size_t index);

  Hub& hub_;
  std::vector<ProbeSpec> probes_;
  std::vector<std::atomic<int64_t>> declared_;  // disruption id each probe declared, 0 = none
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
};

}  // namespace antrian
