#include "hub_link.h"

namespace antrian::kiosk::app {
namespace {

HubClientOptions options(const std::string& hub, const ClientKeys& keys, const std::string& name, bool mirror) {
  HubClientOptions o;
  o.hub = hub;
  o.keys = keys;
  o.role = std::string(proto::role::kiosk);
  o.client_name = name;
  o.mirror = mirror;
  if (!mirror) {
    o.request_timeout_ms = kIssueTimeoutMs;
    o.retries = kIssueRetries;
  }
  return o;
}

}  // namespace

HubLink::HubLink(const std::string& hub, const ClientKeys& keys, const std::string& kiosk_name)
    : mirror_(options(hub, keys, kiosk_name, true)), issuer_(options(hub, keys, kiosk_name, false)) {}

void HubLink::issue(const IssueCommand& c, std::function<void(const proto::Reply&)> done) {
  issuer_.request_async(proto::cmd::issue,
                        {{"service", c.service}, {"priority", std::string(to_string(c.priority))}}, std::move(done));
}

void HubLink::request(const HubRequest& r, std::function<void(const proto::Reply&)> done) {
  issuer_.request_async(r.cmd, r.args, std::move(done));
}

void HubLink::report(const ReportCommand& c, std::function<void(const proto::Reply&)> done) {
  mirror_.request_async(proto::cmd::device_report, {{"device", c.device}, {"state", c.state}, {"message", c.message}},
                        std::move(done));
}

OfficeSnapshot HubLink::snapshot() const {
  const int64_t now = mirror_.hub_now_ms();
  return mirror_.with_state([&](const OfficeState& s) { return snapshot_office(s, now); });
}

}  // namespace antrian::kiosk::app
