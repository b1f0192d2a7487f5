// What the hub does as time moves on, on its own thread: each heartbeat (a new
// business day, lokets signed out at closing, come-back invitations and bookings
// that expire, the forecast remade, the desk's messages) and, on a manual clock
// (tests, the simulator), clock_set, which does the same at once.
#include <spdlog/spdlog.h>

#include "antrian/booking.h"
#include "antrian/comeback.h"
#include "antrian/commands.h"
#include "antrian/service_notify.h"
#include "hub.h"

namespace antrian {

std::string Hub::clock_set(const proto::Request& req, bool& ok_out) {
  using namespace proto;
  ok_out = false;
  if (!manual_clock_)
    return encode_reply(error_reply(req.id, make_error(std::string(err::forbidden),
        "this hub runs on the real clock; start it with --manual-clock to set its time")));
  auto now = req.args.find("now");
  if (now == req.args.end() || !now->is_number_integer() || now->get<int64_t>() < manual_clock_->now_ms())
    return encode_reply(error_reply(req.id, make_error(std::string(err::bad_request),
        "args.now: must be a unix time in ms, not before the hub's time " + std::to_string(manual_clock_->now_ms()))));
  manual_clock_->set(now->get<int64_t>());
  // Time moved: a new business day starts now, not at the next heartbeat.
  if (auto day = day_rollover_event(state_, manual_clock_->now_ms())) {
    if (auto r = append({*day}, "", ""); !r) return encode_reply(error_reply(req.id, r.error()));
  }
  if (auto r = append(closing_sign_out_events(state_, manual_clock_->now_ms()), "", ""); !r)
    return encode_reply(error_reply(req.id, r.error()));
  if (auto r = append(comeback_tick_events(state_, manual_clock_->now_ms()), "", ""); !r)
    return encode_reply(error_reply(req.id, r.error()));
  if (auto r = append(booking_tick_events(state_, manual_clock_->now_ms()), "", ""); !r)
    return encode_reply(error_reply(req.id, r.error()));
  ok_out = true;
  return encode_reply(ok_reply(req.id, {{"now", manual_clock_->now_ms()}, {"seq", state_.seq}}));
}

void Hub::heartbeat() {
  if (auto day = day_rollover_event(state_, clock_.now_ms())) {
    if (auto r = append({*day}, "", ""); !r) spdlog::error("starting the new day failed: {}", r.error().reason);
    publish_pending();
  }
  // After closing, idle lokets left signed in are signed out (logged, by the hub).
  if (auto closing = closing_sign_out_events(state_, clock_.now_ms()); !closing.empty()) {
    if (auto r = append(std::move(closing), "", ""); !r) spdlog::error("signing out at closing failed: {}", r.error().reason);
    publish_pending();
  }
  // The come-back lists: invitations whose window ended expire; a service running
  // again invites its next batch (comeback.h).
  if (auto comeback = comeback_tick_events(state_, clock_.now_ms()); !comeback.empty()) {
    if (auto r = append(std::move(comeback), "", ""); !r) spdlog::error("come-back invitations failed: {}", r.error().reason);
    publish_pending();
  }
  // Bookings not checked in by the end of their grace expire (booking.h).
  if (auto expired = booking_tick_events(state_, clock_.now_ms()); !expired.empty()) {
    if (auto r = append(std::move(expired), "", ""); !r) spdlog::error("expiring bookings failed: {}", r.error().reason);
    publish_pending();
  }
  if (bookings_) {  // bookers past the retention days are deleted
    PrivateWrites priv;
    auto events = bookings_->tick(clock_.now_ms(), priv);
    if (auto r = append(std::move(events), "", "", std::move(priv)); !r)
      spdlog::error("deleting old bookers failed: {}", r.error().reason);
    publish_pending();
  }
  settle_store();      // the rows before the forecast, as after a batch (after_batches)
  publish_forecast();  // time moved on: a forecast older than a minute is made again
  if (desk_) {  // "near" by minutes follows the forecast; old phone numbers are deleted
    PrivateWrites priv;
    auto events = desk_->tick(state_, clock_.now_ms(), priv);
    if (auto r = append(std::move(events), "", "", std::move(priv)); !r)
      spdlog::error("saving messages failed: {}", r.error().reason);
    publish_pending();
  }
  const std::string body = nlohmann::json{{"seq", state_.seq}, {"at", clock_.now_ms()}}.dump();
  pub_.send(zmq::buffer(proto::kTopicHeartbeat), zmq::send_flags::sndmore);
  pub_.send(zmq::buffer(body), zmq::send_flags::none);
  service::watchdog_ping();  // systemd restarts a hub whose loop stops getting here
}

}  // namespace antrian
