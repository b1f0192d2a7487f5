#pragma once
// The kiosk's connection to the hub, through the shared HubClient only:
//  - a mirror of the office state (status, waiting, ETA, quotas, routing table);
//  - a separate requests-only client for "issue" that keeps retrying the SAME request
//    (same id, so the hub never issues twice) for about 20 s, long enough to ride out
//    a hub restart while the person waits at the kiosk.
#include <cstdint>
#include <functional>
#include <string>

#include "antrian/hub_client.h"
#include "antrian/kiosk/effects.h"
#include "antrian/kiosk/office_snapshot.h"

namespace antrian::kiosk::app {

inline constexpr int kIssueTimeoutMs = 1500;
inline constexpr int kIssueRetries = 13;  // 14 attempts x 1.5 s = 21 s

class HubLink {
 public:
  // Throws std::invalid_argument for a malformed hub address.
  HubLink(const std::string& hub, const ClientKeys& keys, const std::string& kiosk_name);

  // Called on the network thread whenever the mirror or the connection changed.
  void on_change(std::function<void()> f) { mirror_.on_change(std::move(f)); }

  // Callbacks run on a network thread.
  void issue(const IssueCommand& c, std::function<void(const proto::Reply&)> done);
  void report(const ReportCommand& c, std::function<void(const proto::Reply&)> done);
  // Come-back join and check-in, a phone number, a booking: retried like issue, one id.
  void request(const HubRequest& r, std::function<void(const proto::Reply&)> done);

  bool online() const { return mirror_.online(); }
  bool synced() const { return mirror_.synced(); }
  int64_t hub_now_ms() const { return mirror_.hub_now_ms(); }
  OfficeSnapshot snapshot() const;

 private:
  HubClient mirror_;
  HubClient issuer_;
};

}  // namespace antrian::kiosk::app
