#include "hub_metrics.h"

#include <sstream>

namespace antrian {

void HubMetrics::record_request(const std::string& cmd, bool ok, double seconds) {
  std::lock_guard lock(mu_);
  requests_[{cmd, ok}] += 1;
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    if (seconds <= kBuckets[i]) bucket_counts_[i] += 1;
  latency_count_ += 1;
  latency_sum_ += seconds;
}

void HubMetrics::record_malformed() {
  std::lock_guard lock(mu_);
  malformed_ += 1;
}

void HubMetrics::record_refused_connection() {
  std::lock_guard lock(mu_);
  refused_connections_ += 1;
}

std::string HubMetrics::prometheus_text() const {
  std::lock_guard lock(mu_);
  std::ostringstream out;
  out << "# HELP antrian_requests_total Requests answered by the hub, by command and outcome.\n"
      << "# TYPE antrian_requests_total counter\n";
  for (const auto& [key, n] : requests_)
    out << "antrian_requests_total{cmd=\"" << key.first << "\",outcome=\"" << (key.second ? "ok" : "error")
        << "\"} " << n << "\n";
  out << "# HELP antrian_malformed_requests_total Requests that could not be decoded.\n"
      << "# TYPE antrian_malformed_requests_total counter\n"
      << "antrian_malformed_requests_total " << malformed_ << "\n";
  out << "# HELP antrian_refused_connections_total Connections refused for an unknown or revoked device key.\n"
      << "# TYPE antrian_refused_connections_total counter\n"
      << "antrian_refused_connections_total " << refused_connections_ << "\n";
  out << "# HELP antrian_request_duration_seconds Time from receiving a request to sending its reply.\n"
      << "# TYPE antrian_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < kBuckets.size(); ++i)
    out << "antrian_request_duration_seconds_bucket{le=\"" << kBuckets[i] << "\"} " << bucket_counts_[i] << "\n";
  out << "antrian_request_duration_seconds_bucket{le=\"+Inf\"} " << latency_count_ << "\n"
      << "antrian_request_duration_seconds_sum " << latency_sum_ << "\n"
      << "antrian_request_duration_seconds_count " << latency_count_ << "\n";
  if (extra_text_) out << extra_text_();
  return out.str();
}

}  // namespace antrian
