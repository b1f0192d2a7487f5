#pragma once
// The web's own client of the hub it runs in. Every change the web makes (admin
// actions) goes through the hub's request port like any other client's, so it gets
// the same rules, log entry and events; the client's event feed wakes the live pages
// (server-sent events) and fills the call log the browser display speaks from.
#include <memory>
#include <string>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "web/call_log.h"
#include "web/change_feed.h"

namespace antrian::web {

class HubLink {
 public:
  // hub_address: "tcp://127.0.0.1:<req port>"; db_path: the hub's database, for the
  // calls made before this client was in step.
  // `keys`: the hub's internal web key (Hub::internal_client_keys()).
  HubLink(const std::string& hub_address, const ClientKeys& keys, const std::string& db_path, ChangeFeed& feed,
          CallLog& calls);
  ~HubLink();

  // A command as role "admin"; `who` (e.g. "web:admin") goes into the log's actor.
  proto::Reply request(std::string_view cmd, nlohmann::json args, const std::string& who);

  bool synced() const;
  int64_t seq() const;

 private:
  std::unique_ptr<HubClient> client_;
};

}  // namespace antrian::web
