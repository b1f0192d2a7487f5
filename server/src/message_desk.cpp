#include "message_desk.h"

#include "antrian/booking_people.h"
#include "antrian/comeback.h"
#include "antrian/outbox_store.h"
#include "antrian/phone_number.h"
#include "antrian/ticket_index.h"

namespace antrian {
namespace {

constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kPurgeCheckMs = 10 * 60'000;

Error bad(const std::string& reason) { return make_error(std::string(proto::err::bad_request), reason); }

std::string actor(const CommandContext& ctx) { return ctx.role + (ctx.client.empty() ? "" : ":" + ctx.client); }

Event event(std::string_view type, const CommandContext& ctx, nlohmann::json data) {
  Event e;
  e.at = ctx.now_ms;
  e.type = std::string(type);
  e.actor = actor(ctx);
  e.data = std::move(data);
  return e;
}

Result<std::string> phone_arg(const nlohmann::json& args) {
  auto p = args.find("phone");
  if (p == args.end() || !p->is_string()) return bad("args.phone: missing (the phone number, e.g. 0812 3456 7890)");
  return normalize_phone(p->get<std::string>());
}

}  // namespace

// contact_set {code, phone}: the number an invitation of the come-back list goes to.
Result<Decision> MessageDesk::comeback_contact(const OfficeState& s, const nlohmann::json& a,
                                               const CommandContext& ctx, PrivateWrites& out) {
  if (a.contains("token")) return bad("args: give token (a ticket) or code (a come-back entry), not both");
  auto c = a.find("code");
  std::optional<std::string> code;
  if (c->is_string() && c->get<std::string>().size() <= 32) code = normalize_comeback_code(c->get<std::string>());
  if (!code) return bad("args.code: must be 6 letters and digits like K7M2QX (no 0, O, 1, I or L)");
  const ComebackEntry* e = nullptr;
  for (const auto& [_, x] : s.comeback)
    if (x.code == *code) e = &x;
  if (!e) return make_error(std::string(proto::err::not_found), "no come-back code " + *code + ": check the code on the paper");
  if (!e->is_open())
    return make_error(std::string(proto::err::illegal_state),
                      "come-back code " + *code + " is " + e->state + ": no more messages come for it");
  auto phone = phone_arg(a);
  if (!phone) return phone.error();
  out.contacts.push_back(ContactRow{comeback_contact_token(e->id), *phone, s.day, 0, ctx.now_ms});
  Decision d;
  d.events.push_back(event(proto::ev::contact_added, ctx, {{"comeback_id", e->id}, {"service", e->service}}));
  d.result = {{"service", e->service}, {"phone", mask_phone(*phone)},
              {"retention_days", planner_.config().retention_days}};
  return d;
}

Result<std::unique_ptr<MessageDesk>> MessageDesk::create(Store& store, const MessageConfig& cfg,
                                                         const std::string& today) {
  auto memory = outbox_db::load_memory(store.handle(), today);
  if (!memory) return memory.error();
  return std::unique_ptr<MessageDesk>(new MessageDesk(store, MessagePlanner(cfg, std::move(*memory))));
}

void MessageDesk::reload(const std::string& today) {
  if (auto memory = outbox_db::load_memory(store_.handle(), today)) planner_.reset(std::move(*memory));
}

bool MessageDesk::handles(std::string_view cmd) {
  return cmd == proto::cmd::contact_set || cmd == proto::cmd::contact_export || cmd == proto::cmd::contact_delete ||
         cmd == proto::cmd::outbox_status;
}

bool MessageDesk::reads_database(std::string_view cmd) { return handles(cmd) && cmd != proto::cmd::contact_set; }

Result<Decision> MessageDesk::decide(const OfficeState& s, const proto::Request& req, const CommandContext& ctx,
                                     PrivateWrites& out) {
  const nlohmann::json& a = req.args;
  Decision d;
  if (req.cmd == proto::cmd::outbox_status) {
    d.result = outbox_db::status(store_.handle());
    d.result["sends"] = planner_.config().sends();
    return d;
  }
  if (req.cmd == proto::cmd::contact_set) {
    if (!planner_.config().sends())
      return make_error(std::string(proto::err::illegal_state),
                        "this office sends no messages: set a webhook or gammu in the config's \"messages\"");
    if (a.contains("code")) return comeback_contact(s, a, ctx, out);
    auto token = a.find("token");
    if (token == a.end() || !token->is_string() || token->get<std::string>().empty() ||
        token->get<std::string>().size() > 64)
      return bad("args.token: missing (the ticket's token, from its QR code)");
    const TicketIndex& ix = ticket_index(s);
    auto id = ix.by_token.find(token->get<std::string>());
    if (id == ix.by_token.end())
      return make_error(std::string(proto::err::not_found), "no ticket of today has this token");
    const Ticket& t = s.tickets.at(id->second);
    if (t.state != TicketState::waiting && t.state != TicketState::called)
      return make_error(std::string(proto::err::illegal_state),
                        "ticket " + t.label() + " is " + std::string(to_string(t.state)) + ": no more messages come for it");
    auto phone = phone_arg(a);
    if (!phone) return phone.error();
    out.contacts.push_back(ContactRow{t.token, *phone, s.day, t.id, ctx.now_ms});
    d.events.push_back(event(proto::ev::contact_added, ctx, {{"ticket_id", t.id}, {"label", t.label()}}));
    d.result = {{"label", t.label()}, {"phone", mask_phone(*phone)},
                {"retention_days", planner_.config().retention_days}};
    return d;
  }
  auto phone = phone_arg(a);
  if (!phone) return phone.error();
  if (req.cmd == proto::cmd::contact_export) {
    d.result = outbox_db::export_phone(store_.handle(), *phone);
    d.result["bookings"] = booking_db::export_phone(store_.handle(), *phone);  // booking_people.h
    return d;
  }
  // contact_delete
  const auto [contacts, messages] = outbox_db::count_matching(store_.handle(), *phone, 0);
  const int bookings = booking_db::count_phone(store_.handle(), *phone);
  if (contacts == 0 && messages == 0 && bookings == 0)
    return make_error(std::string(proto::err::not_found), "the hub keeps no data of this number");
  out.forget_phones.push_back(*phone);  // the contacts, messages and bookers' rows of it
  d.events.push_back(event(proto::ev::contacts_deleted, ctx,
                           {{"reason", "request"}, {"contacts", contacts}, {"messages", messages}, {"bookers", bookings}}));
  d.result = {{"contacts", contacts}, {"messages", messages}, {"bookings", bookings}};
  return d;
}

std::vector<Event> MessageDesk::tick(const OfficeState& s, int64_t now, PrivateWrites& out) {
  std::vector<Event> events;
  planner_.plan_near_by_forecast(s, now, out);
  if (now - last_purge_check_ < kPurgeCheckMs) return events;
  last_purge_check_ = now;
  const int64_t before = now - int64_t(planner_.config().retention_days) * kDayMs;
  const auto [contacts, messages] = outbox_db::count_matching(store_.handle(), "", before);
  if (contacts == 0 && messages == 0) return events;
  out.purge_before = before;
  CommandContext ctx{now, "hub", ""};
  events.push_back(event(proto::ev::contacts_deleted, ctx,
                         {{"reason", "retention"}, {"contacts", contacts}, {"messages", messages}, {"before", before}}));
  return events;
}

}  // namespace antrian
