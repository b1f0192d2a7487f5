#include "antrian/device_auth.h"

namespace antrian {
namespace {

Error forbidden(const std::string& reason) { return make_error(std::string(proto::err::forbidden), reason); }

}  // namespace

const DeviceKey* find_active_key(const OfficeState& s, const std::string& public_key) {
  for (const auto& [_, k] : s.device_keys)
    if (!k.revoked && k.public_key == public_key) return &k;
  return nullptr;
}

Result<Ok> authorize_request(const OfficeState& s, const proto::Request& req, const std::string& public_key) {
  const DeviceKey* k = find_active_key(s, public_key);
  if (!k)
    return forbidden("this device's key is revoked or not registered; ask the office admin to register it "
                     "(antrian-ctl key-add)");
  // An admin key is the office's master key: it may also act as a kiosk, display or
  // counter (scripts, the simulator); any other key only as what it was registered.
  if (req.role != k->role && k->role != proto::role::admin)
    return forbidden("this device's key (" + k->name + ") is registered as " + k->role + "; it cannot act as " +
                     (req.role.empty() ? std::string("nothing") : req.role));
  if (!proto::role_allows(req.role, req.cmd)) {
    if (!proto::is_known_command(req.cmd))
      return make_error(std::string(proto::err::unknown_command), "unknown command \"" + req.cmd + "\"");
    if (!proto::is_known_role(req.role))
      return forbidden("unknown role \"" + req.role + "\" (kiosk, counter, display or admin)");
    return forbidden("a " + req.role + " may not " + req.cmd);
  }
  if (k->role == proto::role::counter && req.args.is_object() && req.args.contains("counter") &&
      !(req.args["counter"].is_number_integer() && req.args["counter"].get<int64_t>() == k->counter))
    return forbidden("the key of " + k->name + " belongs to loket " + std::to_string(k->counter) +
                     "; it cannot act for loket " + req.args["counter"].dump());
  // A ticket named by id or label that is at another loket is that loket's business.
  if (k->role == proto::role::counter && req.args.is_object() && req.args.contains("ticket")) {
    const auto& t = req.args["ticket"];
    // Only the newest ticket of a label can be open (a transfer closes the old one).
    const TicketIndex& ix = ticket_index(s);
    auto named = s.tickets.end();
    if (t.is_number_integer()) named = s.tickets.find(t.get<int64_t>());
    else if (t.is_string())
      if (auto l = ix.by_label.find(t.get<std::string>()); l != ix.by_label.end()) named = s.tickets.find(l->second);
    if (named != s.tickets.end()) {
      const Ticket& ticket = named->second;
      if (ticket.counter != 0 && ticket.counter != k->counter &&
          (ticket.state == TicketState::called || ticket.state == TicketState::serving))
        return forbidden(ticket.label() + " is at loket " + std::to_string(ticket.counter) + "; the key of " + k->name +
                         " acts for loket " + std::to_string(k->counter) + " only");
    }
  }
  return Ok{};
}

}  // namespace antrian
