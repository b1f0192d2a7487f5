#include "notice_applier.h"

#include <spdlog/spdlog.h>

namespace antrian::district {

using nlohmann::json;

namespace {

struct Outcome {
  bool reached = true;  // false: the hub did not answer, try again later
  std::string hub_ref, error;
};

Outcome from_reply(const proto::Reply& r) {
  Outcome o;
  if (!r.ok && r.error.code == proto::err::unreachable) o.reached = false;
  else if (!r.ok) o.error = r.error.code + ": " + r.error.reason;
  return o;
}

}  // namespace

void NoticeApplier::apply_pending(Pg& pg) {
  if (!hub_.online()) return;
  auto rows = pg.exec("SELECT id, kind, version, body, state, applied_version, applied_state, hub_ref "
                      "FROM district.pending_notices()");
  if (!rows) {
    spdlog::warn("district notices: {}", rows.error().reason);
    return;
  }
  for (int i = 0; i < rows->rows(); ++i) {
    const int64_t id = rows->get_int(i, 0);
    const std::string kind = rows->get(i, 1);
    const int64_t version = rows->get_int(i, 2);
    const json body = json::parse(rows->get(i, 3), nullptr, false);
    const std::string state = rows->get(i, 4);
    const int64_t applied_version = rows->get_int(i, 5);
    const std::string applied_state = rows->get(i, 6);
    const std::string old_ref = rows->get(i, 7);
    const std::string rid = "district-" + std::to_string(id) + "-v" + std::to_string(version);
    Outcome out;
    if (kind == "disruption") {
      // A new version, or a clear: the disruption the hub has for an older one goes.
      if (applied_state == "active" && !old_ref.empty()) {
        auto r = hub_.request_with_id(proto::cmd::disruption_clear, {{"id", std::stoll(old_ref)}},
                                      "district-" + std::to_string(id) + "-v" + std::to_string(applied_version) + "-clear");
        // Cleared already by the site's own staff: nothing left to undo.
        if (!r.ok && r.error.code == proto::err::unreachable) return;
      }
      if (state == "active") {
        json args = {{"resource", body.value("resource", "")}, {"level", body.value("level", "down")}};
        for (const char* f : {"message_id", "message_en", "services", "expected_end"})
          if (body.contains(f)) args[f] = body[f];
        auto r = hub_.request_with_id(proto::cmd::disruption_set, args, rid);
        out = from_reply(r);
        if (r.ok) out.hub_ref = std::to_string(r.result["disruption"].value("id", int64_t{0}));
      }
    } else if (kind == "announcement") {
      const std::string text = state == "active" ? body.value("text", "") : "";
      out = from_reply(hub_.request_with_id(proto::cmd::announcement_set, {{"text", text}},
                                            rid + (state == "active" ? "" : "-clear")));
    } else {
      out.error = "unknown notice kind " + kind;
    }
    if (!out.reached) return;
    if (!out.error.empty()) spdlog::warn("district notice {} v{}: the hub refused it: {}", id, version, out.error);
    auto r = pg.exec("SELECT district.report_applied($1, $2, $3, $4, $5)",
                     {std::to_string(id), std::to_string(version), state, out.hub_ref, out.error});
    if (!r) {
      spdlog::warn("district notices: {}", r.error().reason);
      return;
    }
  }
}

}  // namespace antrian::district
