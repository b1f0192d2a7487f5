#include "antrian/outbox.h"

#include "antrian/forecast.h"
#include "antrian/queue_rules.h"
#include "antrian/service_health.h"
#include "antrian/strings.h"
#include "antrian/ticket_index.h"
#include "antrian/protocol.h"

namespace antrian {
namespace {

using json = nlohmann::json;

// One SMS of the GSM alphabet: longer texts would need a multipart SMS (gammu's
// outbox_multipart) and cost the office twice; templates are kept under it.
constexpr std::size_t kSmsChars = 160;

const Ticket* ticket_of_token(const OfficeState& s, const std::string& token) {
  const TicketIndex& ix = ticket_index(s);
  auto it = ix.by_token.find(token);
  if (it == ix.by_token.end()) return nullptr;
  auto t = s.tickets.find(it->second);
  return t == s.tickets.end() ? nullptr : &t->second;
}

std::string service_name(const OfficeState& s, const std::string& code) {
  auto it = s.services.find(code);
  return it == s.services.end() ? code : it->second.name_id;
}

}  // namespace

std::string comeback_contact_token(int64_t entry_id) { return "comeback:" + std::to_string(entry_id); }

std::map<std::string, ServiceStatus> MessagePlanner::statuses(const OfficeState& s) const {
  std::map<std::string, ServiceStatus> out;
  if (mem_.contacts.empty() && mem_.comeback_contacts.empty()) return out;  // nobody to tell: skip the work
  for (const auto& [code, _] : s.services) out[code] = service_health(s, code).status;
  return out;
}

void MessagePlanner::note(const PrivateWrites& w) {
  for (const ContactRow& c : w.contacts)
    (c.ticket_id == 0 && c.token.rfind("comeback:", 0) == 0 ? mem_.comeback_contacts : mem_.contacts)[c.token] = c;
  for (const std::string& phone : w.forget_phones)
    for (auto* m : {&mem_.contacts, &mem_.comeback_contacts})
      for (auto it = m->begin(); it != m->end();) it = it->second.phone == phone ? m->erase(it) : std::next(it);
}

void MessagePlanner::roll_day(const std::string& day) {
  if (mem_.day == day) return;
  // Only today's tickets are in the state: yesterday's contacts wait in the database
  // for their deletion date and cost the hot path nothing.
  mem_.day = day;
  mem_.made_today.clear();
  for (auto it = mem_.contacts.begin(); it != mem_.contacts.end();)
    it = it->second.day != day ? mem_.contacts.erase(it) : std::next(it);
}

// The GSM 7-bit alphabet has no en dash: one such character would make the whole SMS
// UCS-2, 70 characters a part. Templates and windows ("09:00–11:00") use it on screens.
static std::string gsm_text(std::string text) {
  for (std::size_t at; (at = text.find("\xE2\x80\x93")) != std::string::npos;) text.replace(at, 3, "-");
  if (text.size() > kSmsChars) {
    std::size_t n = kSmsChars - 3;
    while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;  // not inside a character
    text = text.substr(0, n) + "...";
  }
  return text;
}

void MessagePlanner::push(const std::string& day, const std::string& phone, const std::string& id,
                          const std::string& kind, std::string text, const std::string& label, int64_t ticket_id,
                          int64_t now, PrivateWrites& out) {
  if (!mem_.message_ids.insert(id).second) return;  // made before: once per ticket (or entry) and kind
  const bool limited = ++mem_.made_today[phone] > cfg_.max_per_number_per_day;
  text = gsm_text(std::move(text));
  for (const char* channel : {"webhook", "sms"}) {
    if (std::string_view(channel) == "webhook" ? cfg_.webhook_url.empty() : cfg_.gammu_database.empty()) continue;
    OutboxMessage m;
    m.id = id;
    m.channel = channel;
    m.phone = phone;
    m.kind = kind;
    m.text = text;
    m.ticket_label = label;
    m.day = day;
    m.ticket_id = ticket_id;
    m.created_at = now;
    m.state = limited ? "limited" : "pending";
    out.messages.push_back(std::move(m));
  }
}

void MessagePlanner::add(const OfficeState& s, const Ticket& t, const std::string& kind, std::string text, int64_t now,
                         PrivateWrites& out) {
  roll_day(s.day);
  auto contact = mem_.contacts.find(t.token);
  if (contact == mem_.contacts.end()) return;
  push(s.day, contact->second.phone, mem_.hub_id + "-" + std::to_string(t.id) + "-" + kind, kind, std::move(text),
       t.label(), t.id, now, out);
}

void MessagePlanner::add_to_phone(const std::string& phone, const std::string& ref, const std::string& kind,
                                  std::string text, const std::string& label, const std::string& day, int64_t now,
                                  PrivateWrites& out) {
  push(day, phone, mem_.hub_id + "-" + ref + "-" + kind, kind, std::move(text), label, 0, now, out);
}

void MessagePlanner::check_near(const OfficeState& s, const Ticket& t, int64_t now, PrivateWrites& out) {
  if (t.state != TicketState::waiting || cfg_.near_ahead <= 0) return;
  const int ahead = ahead_of(s, t);
  if (ahead > cfg_.near_ahead) return;
  add(s, t, "near", trf("msg.near_ahead", Lang::id, {t.label(), std::to_string(ahead)}), now, out);
}

void MessagePlanner::plan(const OfficeState& s, const std::vector<Event>& events,
                          const std::map<std::string, ServiceStatus>& before, int64_t now, PrivateWrites& out) {
  note(out);
  roll_day(s.day);
  if (!mem_.comeback_contacts.empty() && !events.empty()) plan_comeback(s, events, before, now, out);
  if (mem_.contacts.empty() || events.empty()) return;
  std::set<std::string> touched;  // services whose queue moved
  for (const Event& e : events) {
    const json& d = e.data;
    if (e.type == proto::ev::contact_added) {
      auto t = s.tickets.find(d.value("ticket_id", int64_t(0)));
      if (t != s.tickets.end()) check_near(s, t->second, now, out);
    }
    if (!d.contains("tickets")) continue;
    for (const json& j : d["tickets"]) {
      auto t = s.tickets.find(j.value("id", int64_t(0)));
      if (t == s.tickets.end()) continue;
      touched.insert(t->second.service);
      if (e.type == proto::ev::ticket_called && t->second.state == TicketState::called) {
        auto c = s.counters.find(t->second.counter);
        const std::string loket = c == s.counters.end() || c->second.name.empty()
                                      ? "Loket " + std::to_string(t->second.counter) : c->second.name;
        add(s, t->second, "called", trf("msg.called", Lang::id, {t->second.label(), loket}), now, out);
      }
    }
  }
  // Services that halted or came back with these events.
  std::map<std::string, std::string> turned;  // service -> "halted" | "back"
  for (const auto& [code, was] : before) {
    const ServiceStatus is = service_health(s, code).status;
    if (is == ServiceStatus::halted && was != ServiceStatus::halted) turned[code] = "halted";
    if (is != ServiceStatus::halted && was == ServiceStatus::halted) turned[code] = "back";
  }
  if (touched.empty() && turned.empty()) return;
  const std::string seq = std::to_string(events.back().seq);
  for (const auto& [token, contact] : mem_.contacts) {
    const Ticket* t = ticket_of_token(s, token);
    if (!t || t->state != TicketState::waiting) continue;
    if (auto turn = turned.find(t->service); turn != turned.end())
      add(s, *t, turn->second + "-" + seq,
          trf(turn->second == "halted" ? "msg.halted" : "msg.back", Lang::id, {t->label(), service_name(s, t->service)}),
          now, out);
    if (touched.count(t->service)) check_near(s, *t, now, out);
  }
}

void MessagePlanner::plan_near_by_forecast(const OfficeState& s, int64_t now, PrivateWrites& out) {
  if (cfg_.near_minutes <= 0) return;
  roll_day(s.day);
  for (const auto& [token, contact] : mem_.contacts) {
    const Ticket* t = ticket_of_token(s, token);
    if (!t || t->state != TicketState::waiting) continue;
    auto wait = forecast_ticket_wait(s, t->id, now);
    if (!wait || wait->eta_s > int64_t(cfg_.near_minutes) * 60) continue;
    const int64_t minutes = std::max<int64_t>(1, (wait->eta_s + 59) / 60);
    add(s, *t, "near", trf("msg.near_minutes", Lang::id, {t->label(), std::to_string(minutes)}), now, out);
  }
}

}  // namespace antrian
