#pragma once
// Printing takes up to a few seconds (connect, status, write), so it runs on its own
// thread, one job at a time, and answers through a callback on that thread.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

#include "antrian/printing/bytes.h"
#include "antrian/printing/printer_transport.h"

namespace antrian::kiosk::app {

class PrintWorker {
 public:
  using Done = std::function<void(const printing::PrintResult&)>;

  explicit PrintWorker(printing::PrinterTarget target);
  ~PrintWorker();  // waits for the job in progress (bounded by its timeout)
  PrintWorker(const PrintWorker&) = delete;
  PrintWorker& operator=(const PrintWorker&) = delete;

  void print(printing::Bytes job, Done done);
  void check(Done done);  // status query only

 private:
  struct Job {
    bool status_only = false;
    printing::Bytes bytes;
    Done done;
  };
  void run();

  printing::PrinterTarget target_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<Job> jobs_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace antrian::kiosk::app
