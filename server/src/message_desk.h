#pragma once
// The hub's side of messages to citizens' phones: the contact commands (contact_set,
// contact_export, contact_delete, outbox_status), the planner that turns a change's
// events into outbox rows for the same transaction, and the daily deletion of old
// numbers (retention_days, UU 27/2022). Runs on the hub's thread only; the delivery
// itself is the OutboxSender's, on a thread of its own.
#include <map>
#include <optional>
#include <string>

#include "antrian/commands.h"
#include "antrian/message_config.h"
#include "antrian/outbox.h"
#include "antrian/protocol.h"
#include "antrian/store.h"

namespace antrian {

class MessageDesk {
 public:
  static Result<std::unique_ptr<MessageDesk>> create(Store& store, const MessageConfig& cfg, const std::string& today);

  bool sends() const { return planner_.config().sends(); }
  static bool handles(std::string_view cmd);
  // Commands that read the outbox tables: what the hub staged must be on disk first.
  static bool reads_database(std::string_view cmd);
  // Like decide(): the events to append and the reply, plus the private rows for the
  // same transaction. Phone numbers never go into an event, a reason or a log line.
  Result<Decision> decide(const OfficeState& s, const proto::Request& req, const CommandContext& ctx,
                          PrivateWrites& out);

  std::map<std::string, ServiceStatus> statuses(const OfficeState& s) const { return planner_.statuses(s); }
  void plan(const OfficeState& after, const std::vector<Event>& events,
            const std::map<std::string, ServiceStatus>& before, int64_t now, PrivateWrites& out) {
    planner_.plan(after, events, before, now, out);
  }
  // Once a second: "near" by minutes, and (every 10 minutes) numbers past retention.
  std::vector<Event> tick(const OfficeState& s, int64_t now, PrivateWrites& out);
  // A message to a booker's number (booking_desk.h), in the caller's transaction.
  void message_to(const std::string& phone, const std::string& ref, const std::string& kind, std::string text,
                  const std::string& label, const std::string& day, int64_t now, PrivateWrites& out) {
    planner_.add_to_phone(phone, ref, kind, std::move(text), label, day, now, out);
  }
  int retention_days() const { return planner_.config().retention_days; }
  // After a failed commit: the planner forgets what did not reach the disk.
  void reload(const std::string& today);

 private:
  Result<Decision> comeback_contact(const OfficeState& s, const nlohmann::json& a, const CommandContext& ctx,
                                   PrivateWrites& out);
  MessageDesk(Store& store, MessagePlanner planner) : store_(store), planner_(std::move(planner)) {}
  Store& store_;
  MessagePlanner planner_;
  int64_t last_purge_check_ = 0;
};

}  // namespace antrian
