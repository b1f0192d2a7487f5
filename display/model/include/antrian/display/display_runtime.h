#pragma once
// One running display: the hub client (role "display"), the feed from its network
// thread, and the controller. Both front ends use it: the ImGui screen calls
// update() from App's on_wake and draws view(); the headless mode calls update()
// whenever woken and prints the log. UI thread only, except that `wake` is called
// from other threads.
#include <cstdint>
#include <functional>
#include <memory>

#include "antrian/display/display_config.h"
#include "antrian/display/display_controller.h"
#include "antrian/display/hub_feed.h"
#include "antrian/display/speaker.h"
#include "antrian/hub_client.h"

namespace antrian::display {

class DisplayRuntime {
 public:
  // Connects to cfg.hub at once (in the background). Throws std::invalid_argument
  // for an address that cannot be used.
  DisplayRuntime(const DisplayConfig& cfg, Lang lang, Speaker& speaker, std::function<void()> wake,
                 DisplayController::Log log = {}, std::string client_name = "display");
  ~DisplayRuntime();

  // Picks up everything that happened: feed items, link flags, finished speech;
  // starts the next announcement; rebuilds the view.
  void update();
  // Rebuilds the view only (the clock moved, a highlight ended).
  void refresh_view();

  const DisplayView& view() const { return controller_.view(); }
  void set_lang(Lang lang);
  Lang lang() const { return lang_; }

  // Local milliseconds (of the same clock as local_now_ms) until the view changes by
  // itself; 0 when it is already due.
  int64_t ms_until_next_change() const;

  const DisplayController& controller() const { return controller_; }
  HubClient& client() { return *client_; }

 private:
  Lang lang_;
  DisplayController controller_;
  std::unique_ptr<HubClient> client_;
  std::unique_ptr<HubFeed> feed_;
};

}  // namespace antrian::display
