#pragma once
// The district's configuration applied to the site's hub (docs/DISTRICT.md): when the
// centre publishes a version the site's log does not run yet, the forwarder lays the
// site's override over the district's template and sends the result with config_apply
// through the hub's protocol; the hub checks it as it checks its config file and logs
// config_applied, or refuses it whole with the reason (and keeps what it runs). The
// outcome goes back to the centre; "applied" on the dashboard is what the log says.
#include "antrian/hub_client.h"
#include "pg.h"
#include "site_tracker.h"

namespace antrian::district {

class ConfigApplier {
 public:
  explicit ConfigApplier(HubClient& hub) : hub_(hub) {}
  // `tracker` must have replayed the hub's whole log (its view of the running version
  // is then current); the forwarder calls this only when it has.
  void apply_pending(Pg& pg, const SiteTracker& tracker);

 private:
  HubClient& hub_;
};

}  // namespace antrian::district
