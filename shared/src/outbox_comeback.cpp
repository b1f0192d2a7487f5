// Messages to the phones of come-back entries (issue 17 parts 1 and 2): "the service
// you wait for is back" when it runs again, and the invitation with its window and
// code, planned from comeback_invited so they are written in the same transaction.
// The number was left with contact_set {code, phone}; it is kept in the hub's
// contacts table only (token "comeback:<entry id>"), never in an event.
#include <set>

#include "antrian/comeback.h"
#include "antrian/office_time.h"
#include "antrian/outbox.h"
#include "antrian/protocol.h"
#include "antrian/service_health.h"
#include "antrian/strings.h"

namespace antrian {
namespace {

std::string service_name(const OfficeState& s, const std::string& code) {
  auto it = s.services.find(code);
  return it == s.services.end() ? code : it->second.name_id;
}

}  // namespace

void MessagePlanner::add_comeback(const OfficeState& s, const ComebackEntry& e, const std::string& kind,
                                  std::string text, int64_t now, PrivateWrites& out) {
  auto contact = mem_.comeback_contacts.find(comeback_contact_token(e.id));
  if (contact == mem_.comeback_contacts.end()) return;
  push(s.day, contact->second.phone, mem_.hub_id + "-cb" + std::to_string(e.id) + "-" + kind, kind, std::move(text), "",
       0, now, out);
}

void MessagePlanner::plan_comeback(const OfficeState& s, const std::vector<Event>& events,
                                   const std::map<std::string, ServiceStatus>& before, int64_t now,
                                   PrivateWrites& out) {
  int tz = 7;
  timezone_offset_hours(s.office.timezone, tz);
  auto invite = [&](const ComebackEntry& e) {
    add_comeback(s, e, "invited",
                 trf("msg.comeback_invited", Lang::id,
                     {service_name(s, e.service), comeback_window_text(e, now, tz, Lang::id), e.code}),
                 now, out);
  };
  for (const Event& ev : events) {
    if (ev.type == proto::ev::comeback_invited && ev.data.contains("comeback")) {
      for (const auto& j : ev.data["comeback"]) {
        auto e = s.comeback.find(j.value("id", int64_t(0)));
        if (e != s.comeback.end() && e->second.state == "invited") invite(e->second);
      }
    }
    // A number left after the invitation went out: the invitation is sent at once.
    if (ev.type == proto::ev::contact_added && ev.data.contains("comeback_id")) {
      auto e = s.comeback.find(ev.data.value("comeback_id", int64_t(0)));
      if (e != s.comeback.end() && e->second.state == "invited") invite(e->second);
    }
  }
  // Services that run again with these events: tell those still on their list.
  std::set<std::string> back;
  for (const auto& [code, was] : before)
    if (was == ServiceStatus::halted && service_health(s, code).status != ServiceStatus::halted) back.insert(code);
  if (back.empty()) return;
  const std::string seq = std::to_string(events.back().seq);
  for (const auto& [token, contact] : mem_.comeback_contacts) {
    auto e = s.comeback.find(std::stoll(token.substr(9)));
    if (e == s.comeback.end() || e->second.state != "waiting" || !back.count(e->second.service)) continue;
    add_comeback(s, e->second, "back-" + seq,
                 trf("msg.comeback_back", Lang::id, {service_name(s, e->second.service), e->second.code}), now, out);
  }
}

}  // namespace antrian
