#include "print_worker.h"

namespace antrian::kiosk::app {

PrintWorker::PrintWorker(printing::PrinterTarget target) : target_(std::move(target)) {
  thread_ = std::thread([this] { run(); });
}

PrintWorker::~PrintWorker() {
  {
    std::lock_guard l(mu_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PrintWorker::print(printing::Bytes job, Done done) {
  {
    std::lock_guard l(mu_);
    jobs_.push_back({false, std::move(job), std::move(done)});
  }
  cv_.notify_all();
}

void PrintWorker::check(Done done) {
  {
    std::lock_guard l(mu_);
    jobs_.push_back({true, {}, std::move(done)});
  }
  cv_.notify_all();
}

void PrintWorker::run() {
  for (;;) {
    Job job;
    {
      std::unique_lock l(mu_);
      cv_.wait(l, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    const printing::PrintResult r =
        job.status_only ? printing::query_printer(target_) : printing::print_bytes(target_, job.bytes);
    if (job.done) job.done(r);
  }
}

}  // namespace antrian::kiosk::app
