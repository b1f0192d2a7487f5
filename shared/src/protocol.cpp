#include "antrian/protocol.h"

#include <map>
#include <set>

namespace antrian::proto {
namespace {

using json = nlohmann::json;

Error bad(const std::string& reason) { return make_error(std::string(err::bad_request), reason); }

// Who may send what. Displays only read; kiosks only issue; counters work tickets,
// their loket and report disruptions; admins may do everything.
const std::map<std::string_view, std::set<std::string_view>>& permissions() {
  static const std::map<std::string_view, std::set<std::string_view>> table = {
      {cmd::hello, {role::kiosk, role::counter, role::display, role::admin}},
      {cmd::snapshot, {role::kiosk, role::counter, role::display, role::admin}},
      {cmd::ticket_lookup, {role::kiosk, role::counter, role::display, role::admin}},
      {cmd::events_since, {role::kiosk, role::counter, role::display, role::admin}},
      {cmd::issue, {role::kiosk, role::admin}},
      {cmd::call_next, {role::counter, role::admin}},
      {cmd::call, {role::counter, role::admin}},
      {cmd::recall, {role::counter, role::admin}},
      {cmd::start, {role::counter, role::admin}},
      {cmd::finish, {role::counter, role::admin}},
      {cmd::no_show, {role::counter, role::admin}},
      {cmd::transfer, {role::counter, role::admin}},
      {cmd::cancel, {role::counter, role::admin}},
      {cmd::bulk_move, {role::counter, role::admin}},
      {cmd::clock_set, {role::admin}},
      {cmd::pause, {role::counter, role::admin}},
      {cmd::resume, {role::counter, role::admin}},
      {cmd::sign_in, {role::counter, role::admin}},
      {cmd::sign_out, {role::counter, role::admin}},
      {cmd::disruption_set, {role::counter, role::admin}},
      {cmd::disruption_clear, {role::counter, role::admin}},
      {cmd::resource_set, {role::admin}},  // kiosks report their printer with device_report
      {cmd::staff_set, {role::admin}},
      {cmd::service_set, {role::admin}},
      {cmd::counter_set, {role::admin}},
      {cmd::device_report, {role::kiosk, role::display, role::counter, role::admin}},
      {cmd::announcement_set, {role::admin}},
      {cmd::key_add, {role::admin}},
      {cmd::key_revoke, {role::admin}},
      {cmd::key_list, {role::admin}},
  };
  return table;
}

}  // namespace

bool role_allows(std::string_view r, std::string_view command) {
  auto it = permissions().find(command);
  return it != permissions().end() && it->second.count(r) > 0;
}

bool is_known_command(std::string_view command) { return permissions().count(command) > 0; }

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
  if (v == j.end() || !v->is_number_integer()) return bad("missing protocol version \"v\"");
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

std::string encode_reply(const Reply& r) {
  json j = {{"v", kVersion}, {"id", r.id}, {"ok", r.ok}};
  if (r.ok) j["result"] = r.result;
  else j["error"] = {{"code", r.error.code}, {"reason", r.error.reason}};
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
    else r.error = Error{j.at("error").at("code").get<std::string>(), j.at("error").at("reason").get<std::string>()};
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
