#include "web/hub_link.h"

#include "antrian/protocol.h"

namespace antrian::web {

HubLink::HubLink(const std::string& hub_address, const ClientKeys& keys, const std::string& db_path, ChangeFeed& feed,
                 CallLog& calls) {
  // Short timeouts: the hub is in the same process; a page should not hang.
  HubClientOptions opt(hub_address, "admin", "web", /*mirror=*/true, 2000, 1);
  opt.keys = keys;
  opt.forecasts = false;  // the web's pages read the forecast from the hub's own state
  // Nor does it keep a state of its own: it needs the seq, and the data of calls only.
  opt.keep_state = false;
  opt.event_data_for = {std::string(proto::ev::ticket_called), std::string(proto::ev::ticket_recalled)};
  client_ = std::make_unique<HubClient>(opt);
  // Recovered (not live) calls are logged too: the page skips the stale ones itself.
  client_->on_event([&feed, &calls](const Event& e, bool) {
    calls.add(e);
    feed.bump();
  });
  // A snapshot skips events: take the calls it skipped from the hub's log, so a TV
  // still speaks a call made while the web was starting or catching up.
  client_->on_snapshot([&feed, &calls, db_path] {
    calls.merge(CallLog::read_recent(db_path, 50));
    feed.bump();
  });
}

HubLink::~HubLink() = default;

proto::Reply HubLink::request(std::string_view cmd, nlohmann::json args, const std::string& who) {
  args["client"] = who;
  return client_->request(cmd, std::move(args));
}

bool HubLink::synced() const { return client_->synced(); }
int64_t HubLink::seq() const { return client_->seq(); }

}  // namespace antrian::web
