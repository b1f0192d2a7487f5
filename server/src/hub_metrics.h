#pragma once
// Counters and a latency histogram for /metrics (Prometheus text format).
#include <array>
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>

namespace antrian {

class HubMetrics {
 public:
  // Upper bounds of the request latency buckets, in seconds.
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.002, 0.005, 0.01, 0.02,
                                                      0.05,   0.1,   0.25,  0.5,   1.0,  2.5};
  void record_request(const std::string& cmd, bool ok, double seconds);
  void record_malformed();
  void record_refused_connection();  // a CURVE handshake with an unknown or revoked key
  // The hub's own metrics as Prometheus text (office metrics are added by the caller).
  std::string prometheus_text() const;
  // More text for /metrics from a part with figures of its own (the outbox sender); set before serving.
  void set_extra_text(std::function<std::string()> f) { extra_text_ = std::move(f); }

 private:
  mutable std::mutex mu_;
  std::map<std::pair<std::string, bool>, uint64_t> requests_;
  std::array<uint64_t, kBuckets.size()> bucket_counts_{};
  uint64_t latency_count_ = 0;
  double latency_sum_ = 0;
  uint64_t malformed_ = 0;
  uint64_t refused_connections_ = 0;
  std::function<std::string()> extra_text_;
};

}  // namespace antrian
