#pragma once
// One running display: the hub client (role "display"), the feed from its network
// thread, and the controller. Both front ends use it: the ImGui screen calls
// update() from App's on_wake and draws view(); the headless mode calls update()
// whenever woken and prints the log. UI thread only, except that `wake` is called
// from other threads.
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

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

  // Tells the hub (device "<name>/audio", like a kiosk reports its printer) whether
  // this display can be heard, with a message ("no audio output: ...", "muted").
  // Sent once the hub is reached, and again after a failed attempt, so an admin
  // sees a TV without speakers.
  void set_audio_status(bool ok, std::string message);

  const DisplayController& controller() const { return controller_; }
  HubClient& client() { return *client_; }

 private:
  void report_audio();

  Lang lang_;
  DisplayController controller_;
  std::unique_ptr<HubClient> client_;
  std::unique_ptr<HubFeed> feed_;
  std::string device_id_;
  struct AudioReport {  // shared with the reply callback on the network thread
    std::mutex mu;
    std::optional<std::pair<bool, std::string>> due;  // (ok, message) still to be reported
    bool in_flight = false;
  };
  std::shared_ptr<AudioReport> audio_ = std::make_shared<AudioReport>();
};

}  // namespace antrian::display
