// Rules for device keys: which CURVE public keys may talk to the hub, as what role.
#include "antrian/device_keys.h"
#include "command_support.h"

namespace antrian::detail {
namespace {

bool valid_name(const std::string& n) {
  for (char ch : n)
    if (!(std::isalnum(static_cast<unsigned char>(ch)) || ch == '_' || ch == '-' || ch == '.')) return false;
  return true;
}

int active_admins(const OfficeState& s) {
  int n = 0;
  for (const auto& [_, k] : s.device_keys) n += !k.revoked && k.role == proto::role::admin;
  return n;
}

}  // namespace

Result<Decision> cmd_key_add(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto name = get_string(a, "name", 64);
  if (!name) return name.error();
  if (!valid_name(*name)) return bad_arg("name", "use letters, digits, '.', '_' or '-' (e.g. kiosk-1, loket-2)");
  auto role = get_string(a, "role", 16);
  if (!role) return role.error();
  if (!proto::is_known_role(*role)) return bad_arg("role", "must be kiosk, counter, display or admin");
  auto pub = get_string(a, "public_key", 64);
  if (!pub) return pub.error();
  if (!is_curve_key(*pub)) return bad_arg("public_key", "must be a CURVE public key: 40 Z85 characters");
  DeviceKey k;
  k.name = *name;
  k.role = *role;
  k.public_key = *pub;
  k.added_at = ctx.now_ms;
  k.added_by = actor_of(s, ctx, 0);
  if (k.role == proto::role::counter) {
    auto c = find_counter(s, a);
    if (!c) return make_error(c.error().code, c.error().reason + " (a counter's key is bound to its loket: give args.counter)");
    k.counter = (*c)->number;
  } else if (a.contains("counter")) {
    return bad_arg("counter", "only a counter's key is bound to a loket");
  }
  if (auto old = s.device_keys.find(k.name); old != s.device_keys.end() && !old->second.revoked)
    return illegal("a device named " + k.name + " is already registered; revoke it first (key_revoke) or choose another name");
  for (const auto& [_, other] : s.device_keys)
    if (other.public_key == k.public_key)
      return illegal("this public key already belongs to " + other.name + (other.revoked ? " (revoked)" : "") +
                     "; every device needs a key pair of its own");
  Decision d;
  d.result["key"] = to_json(k);
  d.events.push_back(make_event(proto::ev::device_key_added, ctx, actor_of(s, ctx, 0), {{"device_keys", {to_json(k)}}}));
  return d;
}

Result<Decision> cmd_key_revoke(const OfficeState& s, const json& a, const CommandContext& ctx) {
  auto name = get_string(a, "name", 64);
  if (!name) return name.error();
  auto it = s.device_keys.find(*name);
  if (it == s.device_keys.end()) return not_found("no device named " + *name + " (see key_list)");
  if (it->second.revoked) return illegal(*name + " is already revoked");
  if (it->second.role == proto::role::admin && active_admins(s) <= 1)
    return illegal(*name + " is the last admin key: add another admin key first, or nobody could manage the hub");
  DeviceKey k = it->second;
  k.revoked = true;
  k.revoked_at = ctx.now_ms;
  Decision d;
  d.result["key"] = to_json(k);
  d.events.push_back(make_event(proto::ev::device_key_revoked, ctx, actor_of(s, ctx, 0), {{"device_keys", {to_json(k)}}}));
  return d;
}

Result<Decision> cmd_key_list(const OfficeState& s, const json&, const CommandContext&) {
  Decision d;
  d.result["keys"] = json::array();
  for (const auto& [_, k] : s.device_keys) d.result["keys"].push_back(to_json(k));
  return d;
}

}  // namespace antrian::detail
