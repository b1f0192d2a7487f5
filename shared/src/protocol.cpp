#include "antrian/protocol.h"

#include <map>
#include <set>
#include <vector>

namespace antrian::proto {
namespace {

using json = nlohmann::json;

Error bad(const std::string& reason) { return make_error(std::string(err::bad_request), reason); }

// Who may send what, and the arguments each command takes. Displays only read;
// kiosks only issue; counters work tickets, their loket and report disruptions;
// admins may do everything. An argument not listed is refused by name, so a typo
// ("qouta") or a field a command does not have ("prefix") never passes silently.
// Every command also takes "client" (the sender's name for the log).
struct CommandSpec {
  std::set<std::string_view> roles;
  std::set<std::string_view> args;
};

const std::map<std::string_view, CommandSpec>& commands() {
  const std::set<std::string_view> all = {role::kiosk, role::counter, role::display, role::admin};
  const std::set<std::string_view> staff = {role::counter, role::admin};
  const std::set<std::string_view> admin = {role::admin};
  static const std::map<std::string_view, CommandSpec> table = {
      {cmd::hello, {all, {}}},
      {cmd::snapshot, {all, {}}},
      {cmd::ticket_lookup, {all, {"token"}}},
      {cmd::events_since, {all, {"seq"}}},
      {cmd::history, {all, {"after_id", "limit"}}},
      {cmd::issue, {{role::kiosk, role::admin}, {"service", "priority"}}},
      {cmd::call_next, {staff, {"counter"}}},
      {cmd::call, {staff, {"counter", "ticket"}}},
      {cmd::recall, {staff, {"counter"}}},
      {cmd::start, {staff, {"counter"}}},
      {cmd::finish, {staff, {"counter"}}},
      {cmd::no_show, {staff, {"counter"}}},
      {cmd::transfer, {staff, {"counter", "to_service", "to_counter", "note"}}},
      {cmd::cancel, {staff, {"ticket", "reason", "counter"}}},
      {cmd::bulk_move, {staff, {"service", "to_service", "reason", "counter"}}},
      {cmd::clock_set, {admin, {"now"}}},
      {cmd::pause, {staff, {"counter", "minutes"}}},
      {cmd::resume, {staff, {"counter"}}},
      {cmd::sign_in, {staff, {"counter", "staff", "pin"}}},
      {cmd::sign_out, {staff, {"counter"}}},
      {cmd::disruption_set,
       {staff, {"id", "resource", "level", "expected_end", "expected_minutes", "expected_at", "message_id", "message_en",
               "services", "counter"}}},
      {cmd::disruption_clear, {staff, {"id", "counter"}}},
      // Kiosks report their printer with device_report, not resource_set.
      {cmd::resource_set, {admin, {"resource", "total", "working", "stock", "low_threshold", "stock_add"}}},
      {cmd::staff_set, {admin, {"id", "name", "pin", "admin", "active"}}},
      {cmd::service_set,
       {admin, {"code", "name_id", "name_en", "alternative_id", "alternative_en", "alternative_service",
                "daily_quota", "mean_service_s", "enabled"}}},
      {cmd::counter_set, {admin, {"number", "name", "services"}}},
      {cmd::device_report, {all, {"device", "state", "message"}}},
      {cmd::announcement_set, {admin, {"text"}}},
      {cmd::key_add, {admin, {"name", "role", "public_key", "counter"}}},
      {cmd::key_revoke, {admin, {"name"}}},
      {cmd::key_list, {admin, {}}},
      {cmd::calendar_set, {admin, {"date", "closed", "kind", "reason_id", "reason_en"}}},
      {cmd::restore_no_show, {staff, {"ticket", "counter"}}},
      {cmd::ticket_find, {staff, {"number"}}},
      {cmd::force_sign_out, {admin, {"counter", "reason"}}},
      {cmd::config_apply, {admin, {"version", "doc"}}},
      {cmd::comeback_join, {{role::kiosk, role::admin}, {"service", "via", "token"}}},
      {cmd::comeback_checkin, {{role::kiosk, role::admin}, {"code"}}},
      // The kiosk's survey tablet (by ticket label) and the web's QR page (by token, as admin).
      {cmd::survey_submit, {{role::kiosk, role::admin}, {"token", "ticket", "answers"}}},
      {cmd::survey_status, {{role::kiosk, role::admin}, {"token", "ticket"}}},
      {cmd::contact_set, {{role::kiosk, role::counter, role::admin}, {"token", "code", "phone"}}},
      {cmd::contact_export, {admin, {"phone"}}},
      {cmd::contact_delete, {admin, {"phone"}}},
      {cmd::outbox_status, {admin, {}}},
      // Bookings: the web (as admin) books and cancels for the citizen; the kiosk checks in.
      {cmd::booking_create, {admin, {"service", "date", "slot", "name", "phone", "nik"}}},
      {cmd::booking_checkin, {{role::kiosk, role::admin}, {"code"}}},
      {cmd::booking_cancel, {admin, {"token", "code"}}},
      {cmd::booking_move, {admin, {"service", "date", "to_date", "cancel", "reason"}}},
      {cmd::booking_day, {admin, {"date", "service"}}},
  };
  return table;
}

}  // namespace

bool role_allows(std::string_view r, std::string_view command) {
  auto it = commands().find(command);
  return it != commands().end() && it->second.roles.count(r) > 0;
}

bool is_known_command(std::string_view command) { return commands().count(command) > 0; }

std::vector<std::string> command_args(std::string_view command) {
  std::vector<std::string> out;
  if (auto it = commands().find(command); it != commands().end())
    for (std::string_view a : it->second.args) out.emplace_back(a);
  return out;
}

std::vector<std::string> known_commands() {
  std::vector<std::string> out;
  for (const auto& [name, _] : commands()) out.emplace_back(name);
  return out;
}

Result<Ok> check_args(const Request& r) {
  auto it = commands().find(r.cmd);
  if (it == commands().end() || !r.args.is_object()) return Ok{};
  for (const auto& [field, _] : r.args.items()) {
    if (field == "client" || it->second.args.count(field)) continue;
    std::string takes;
    for (std::string_view a : it->second.args) takes += (takes.empty() ? "" : ", ") + std::string(a);
    return bad("unknown field \"" + (field.size() > 64 ? field.substr(0, 64) + "..." : field) + "\" for " + r.cmd +
               " (it takes " + (takes.empty() ? std::string("no arguments") : takes) + "); nothing was changed");
  }
  return Ok{};
}

bool is_known_role(std::string_view r) {
  return r == role::kiosk || r == role::counter || r == role::display || r == role::admin;
}

std::string encode_request(const Request& r) {
  return json{{"v", r.v}, {"id", r.id}, {"cmd", r.cmd}, {"role", r.role}, {"args", r.args}}.dump();
}

Result<Request> decode_request(std::string_view bytes) {
  if (bytes.size() > kMaxRequestBytes)
    return bad("request larger than " + std::to_string(kMaxRequestBytes) + " bytes");
  json j = json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return bad("request is not valid JSON");
  if (!j.is_object()) return bad("request must be a JSON object");
  Request r;
  auto v = j.find("v");
  if (v == j.end()) return bad("missing protocol version \"v\"");
  if (!v->is_number_integer())
    return bad("protocol version \"v\" must be the whole number " + std::to_string(kVersion) + ", not " +
               v->dump().substr(0, 40));
  // Read wide, so 4294967297 is version 4294967297 (refused), not a wrapped 1.
  const int64_t version = v->is_number_unsigned() && v->get<uint64_t>() > uint64_t(INT64_MAX) ? -1 : v->get<int64_t>();
  r.v = version == kVersion ? kVersion : (version > 0 && version < 1000 ? int(version) : -1);
  auto id = j.find("id");
  if (id == j.end() || !id->is_string() || id->get<std::string>().empty())
    return bad("missing request id \"id\" (a non-empty string)");
  r.id = id->get<std::string>();
  if (r.id.size() > kMaxRequestIdLength) return bad("request id longer than " + std::to_string(kMaxRequestIdLength));
  if (r.v != kVersion)
    return Result<Request>(make_error(std::string(err::bad_version),
                                      "protocol version " + (r.v > 0 ? std::to_string(r.v) : v->dump()) +
                                          " is not supported; this hub speaks " +
                                          std::to_string(kVersion)));
  auto c = j.find("cmd");
  if (c == j.end() || !c->is_string()) return bad("missing command \"cmd\"");
  r.cmd = c->get<std::string>();
  auto ro = j.find("role");
  if (ro == j.end() || !ro->is_string()) return bad("missing \"role\"");
  r.role = ro->get<std::string>();
  for (const auto& [field, _] : j.items())
    if (field != "v" && field != "id" && field != "cmd" && field != "role" && field != "args")
      return bad("unknown field \"" + (field.size() > 64 ? field.substr(0, 64) + "..." : field) +
                 "\" in the request (a request has v, id, cmd, role and args)");
  auto a = j.find("args");
  if (a != j.end()) {
    if (!a->is_object()) return bad("\"args\" must be a JSON object");
    // The hub reads it as the sender's name for its log; any other type used to kill the hub.
    if (auto c = a->find("client"); c != a->end() && !c->is_string())
      return bad("\"args.client\" (the sending device's name) must be a string");
    r.args = *a;
  }
  return r;
}

std::string encode_ok_reply(const std::string& id, const json& result) {
  // What encode_reply's tree dumps, written without copying the result into a tree:
  // {"id":...,"ok":true,"result":...,"v":N} (the keys in the order dump() sorts them).
  std::string out = "{\"id\":";
  nlohmann::detail::serializer<json> s(nlohmann::detail::output_adapter<char, std::string>(out), ' ',
                                       json::error_handler_t::replace);
  s.dump(json(id), false, false, 0);
  out += ",\"ok\":true,\"result\":";
  s.dump(result, false, false, 0);
  out += ",\"v\":";
  out += std::to_string(kVersion);
  out += '}';
  return out;
}

std::string encode_reply(const Reply& r) {
  if (r.ok) return encode_ok_reply(r.id, r.result);
  json j = {{"v", kVersion}, {"id", r.id}, {"ok", r.ok}};
  if (r.ok) j["result"] = r.result;
  else j["error"] = {{"code", r.error.code}, {"reason", r.error.reason}};
  if (!r.ok && r.error.comeback_can_join) j["error"]["comeback_can_join"] = true;
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<Reply> decode_reply(std::string_view bytes) {
  json j = json::parse(bytes, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return bad("reply is not a JSON object");
  Reply r;
  try {
    r.id = j.at("id").get<std::string>();
    r.ok = j.at("ok").get<bool>();
    if (r.ok) r.result = j.value("result", json::object());
    else {
      r.error = Error{j.at("error").at("code").get<std::string>(), j.at("error").at("reason").get<std::string>()};
      r.error.comeback_can_join = j["error"].value("comeback_can_join", false);
    }
  } catch (const json::exception& e) {
    return bad(std::string("malformed reply: ") + e.what());
  }
  return r;
}

Reply ok_reply(const std::string& id, json result) {
  Reply r;
  r.id = id;
  r.ok = true;
  r.result = std::move(result);
  return r;
}

Reply error_reply(const std::string& id, const Error& e) {
  Reply r;
  r.id = id;
  r.ok = false;
  r.error = e;
  return r;
}

}  // namespace antrian::proto
