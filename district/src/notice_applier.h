#pragma once
// District notices (disruptions, announcements) applied to the site's hub through its
// ordinary protocol, with the forwarder's own admin key. Every hub request has a
// request id made from the notice id and version, so however often a forwarder
// crashes and retries, the hub acts once (it answers a known id with the first reply).
// What was applied is reported back to the centre ("applied" against "published").
#include <string>

#include "antrian/hub_client.h"
#include "pg.h"

namespace antrian::district {

class NoticeApplier {
 public:
  explicit NoticeApplier(HubClient& hub) : hub_(hub) {}
  // Applies what the centre has that this hub has not; stops at the first notice the
  // hub cannot be reached for (the next round retries it).
  void apply_pending(Pg& pg);

 private:
  HubClient& hub_;
};

}  // namespace antrian::district
