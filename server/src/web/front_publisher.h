#pragma once
// Publishes the live pages' views to the web front (nginx + nchan) whenever the hub's
// state changes: one channel per ticket (t.<token>), per browser display filter
// (d.<services>.<lokets>), the admin hall (admin) and the hub's clock (clock, a ping
// every few seconds so a page can tell a live hub from a dead one). Only views that
// changed are sent. The front fans each message out to every subscriber, so a
// thousand phones cost the hub one message each change, not a thousand threads.
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "web/display_view.h"
#include "web/front_status.h"
#include "web/nchan_socket.h"

namespace antrian::web {

struct WebContext;

class FrontPublisher {
 public:
  // Display filters the front may ask for at once (each is one channel).
  static constexpr std::size_t kMaxDisplayChannels = 64;

  FrontPublisher(WebContext& ctx, std::string socket_path);
  ~FrontPublisher();
  void start();
  void stop();

  // A subscriber is about to join: make sure the channel holds the current view (so
  // the subscriber gets it at once) and keep it current from now on.
  // False (with reason) when the front cannot be reached or too many displays.
  bool ensure_ticket(const std::string& token, const nlohmann::json& view, std::string& reason);
  bool ensure_display(const std::string& channel, const WebDisplayFilter& f, std::string& reason);
  bool ensure_admin(std::string& reason);
  // An earlier day's ticket whose page is open (found in the database): followed while
  // its come-back entry is open, so its place and invitation are pushed like today's.
  void follow_past_ticket(const std::string& token, const Ticket& t);
  static constexpr std::size_t kMaxPastTickets = 10000;

  // Figures for /metrics.
  int64_t messages_sent() const;
  int64_t passes() const;
  bool connected() const;
  // The front's own figures (streams, connections), read with each clock ping;
  // nullopt until read once or when the front's status pages did not answer.
  std::optional<FrontFigures> figures() const;

 private:
  void run();
  // Computes every view and publishes those that changed. Holds mu_.
  bool pass(bool ping, std::string& error);
  bool publish_locked(const std::string& channel, const char* event, const nlohmann::json& view, std::string& reason);

  WebContext& ctx_;
  mutable std::mutex mu_;  // the socket, the caches, the channels
  NchanSocket socket_;
  std::unordered_map<std::string, std::string> last_;  // channel -> last view sent (dump)
  std::map<std::string, WebDisplayFilter> displays_;
  std::map<std::string, Ticket> past_;  // token -> an earlier day's ticket (follow_past_ticket)
  // Reads the front's status pages into figures_. Holds mu_.
  void read_figures();

  std::optional<FrontFigures> figures_;
  bool admin_ = false;
  bool ok_ = false;
  int64_t sent_ = 0, passes_ = 0;
  std::mutex stop_mu_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace antrian::web
