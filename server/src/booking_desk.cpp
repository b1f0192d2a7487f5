#include "booking_desk.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <sodium.h>

#include "antrian/booking.h"
#include "antrian/booking_people.h"
#include "antrian/office_time.h"
#include "antrian/phone_number.h"
#include "antrian/strings.h"

namespace antrian {
namespace {

using json = nlohmann::json;
constexpr int64_t kDayMs = 86'400'000;
constexpr int64_t kPurgeCheckMs = 10 * 60'000;

Error bad(const std::string& reason) { return make_error(std::string(proto::err::bad_request), reason); }

Event event(std::string_view type, const CommandContext& ctx, json data) {
  Event e;
  e.at = ctx.now_ms;
  e.type = std::string(type);
  e.actor = ctx.role + (ctx.client.empty() ? "" : ":" + ctx.client);
  e.data = std::move(data);
  return e;
}

Result<std::string> text_arg(const json& a, const char* field, const char* what, std::size_t max = 200) {
  auto it = a.find(field);
  if (it == a.end() || !it->is_string() || it->get<std::string>().empty())
    return bad(std::string("args.") + field + ": missing (" + what + ")");
  if (it->get<std::string>().size() > max) return bad(std::string("args.") + field + ": longer than " + std::to_string(max));
  return it->get<std::string>();
}

Result<std::string> load_or_create_key(const std::string& file) {
  if (std::filesystem::exists(file)) {
    std::ifstream in(file);
    std::string hex;
    in >> hex;
    std::string key(crypto_generichash_KEYBYTES, '\0');
    size_t len = 0;
    if (hex.size() != key.size() * 2 ||
        sodium_hex2bin(reinterpret_cast<unsigned char*>(key.data()), key.size(), hex.c_str(), hex.size(), nullptr, &len,
                       nullptr) != 0 || len != key.size())
      return make_error("keys", "the NIK key " + file + " is damaged (64 hex digits expected): restore it from a backup");
    return key;
  }
  const std::string key = new_nik_key();
  std::string hex(key.size() * 2 + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), reinterpret_cast<const unsigned char*>(key.data()), key.size());
  hex.pop_back();
  const std::string tmp = file + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) return make_error("keys", "cannot write the NIK key " + tmp);
    out << hex << "\n";
  }
  ::chmod(tmp.c_str(), 0600);
  std::error_code ec;
  std::filesystem::rename(tmp, file, ec);
  if (ec) return make_error("keys", "cannot write the NIK key " + file + ": " + ec.message());
  return key;
}

}  // namespace

Result<std::unique_ptr<BookingDesk>> BookingDesk::create(Store& store, MessageDesk& messages,
                                                         const std::string& key_file) {
  auto key = load_or_create_key(key_file);
  if (!key) return key.error();
  return std::unique_ptr<BookingDesk>(new BookingDesk(store, messages, std::move(*key)));
}

bool BookingDesk::handles(std::string_view cmd) {
  return cmd == proto::cmd::booking_create || cmd == proto::cmd::booking_move;
}

Result<Decision> BookingDesk::decide(const OfficeState& s, const proto::Request& req, const CommandContext& ctx,
                                     PrivateWrites& out) {
  try {
    if (req.cmd == proto::cmd::booking_create) return create_booking(s, req.args, ctx, out);
    return move_day(s, req.args, ctx, out);
  } catch (const std::exception& e) {
    return make_error(std::string(proto::err::internal), std::string("internal error: ") + e.what());
  }
}

Result<Decision> BookingDesk::create_booking(const OfficeState& s, const json& a, const CommandContext& ctx,
                                             PrivateWrites& out) {
  auto service = text_arg(a, "service", "the service's code, e.g. B", 3);
  if (!service) return service.error();
  auto date = text_arg(a, "date", "the day, YYYY-MM-DD", 20);
  if (!date) return date.error();
  auto slot = text_arg(a, "slot", "the slot's start, HH:MM", 8);
  if (!slot) return slot.error();
  auto name_text = text_arg(a, "name", "the name as on the KTP");
  if (!name_text) return name_text.error();
  auto name = normalize_person_name(*name_text);
  if (!name) return name.error();
  auto phone_text = text_arg(a, "phone", "a mobile number, e.g. 0812 3456 7890", 40);
  if (!phone_text) return phone_text.error();
  auto phone = normalize_phone(*phone_text);
  if (!phone) return phone.error();
  auto nik_text = text_arg(a, "nik", "the 16-digit NIK", 40);
  if (!nik_text) return nik_text.error();
  auto nik = normalize_nik(*nik_text);
  if (!nik) return nik.error();

  auto booking = plan_booking(s, *service, *date, *slot, ctx.now_ms);
  if (!booking) return booking.error();
  const std::string hash = nik_hash(*nik, key_);
  for (int64_t id : booking_db::bookings_of_nik(store_.handle(), hash, *service, *date)) {
    auto b = s.bookings.find(id);
    if (b != s.bookings.end() && (b->second.state == "booked" || b->second.state == "checked_in"))
      return make_error(std::string(proto::err::illegal_state),
                        "this NIK has a booking for " + s.services.at(*service).name_en + " on " + *date +
                            " already (one per person per day): cancel it first to choose another slot");
  }
  out.booking_people.push_back({booking->id, *service, *date, *name, *phone, hash, ctx.now_ms});
  Decision d;
  d.result = {{"code", booking->code},
              {"token", booking->token},
              {"booking", to_json(*booking, false)},
              {"when_id", booking_when_text(s, *booking, Lang::id)},
              {"when_en", booking_when_text(s, *booking, Lang::en)},
              {"phone", mask_phone(*phone)}};
  // The event holds the booking (code and token stripped when published), never the person.
  d.events.push_back(event(proto::ev::booking_created, ctx,
                           {{"booking_id", booking->id}, {"bookings", {to_json(*booking, true)}}}));
  return d;
}

Result<Decision> BookingDesk::move_day(const OfficeState& s, const json& a, const CommandContext& ctx,
                                       PrivateWrites& out) {
  auto service = text_arg(a, "service", "the service's code, e.g. B", 3);
  if (!service) return service.error();
  auto date = text_arg(a, "date", "the day whose bookings move, YYYY-MM-DD", 20);
  if (!date) return date.error();
  auto reason = text_arg(a, "reason", "why, for the message to each booker, e.g. printer broken", 120);
  if (!reason) return reason.error();
  const bool cancel = a.contains("cancel");
  if (cancel && (!a["cancel"].is_boolean() || !a["cancel"].get<bool>()))
    return bad("args.cancel: must be true (or leave it out and give to_date)");
  std::string to_date;
  if (a.contains("to_date")) {
    auto t = text_arg(a, "to_date", "the day they move to, YYYY-MM-DD", 20);
    if (!t) return t.error();
    to_date = *t;
  }
  if (cancel == !to_date.empty()) return bad("give either to_date (move them) or cancel: true (cancel them), one of the two");
  // One booking per NIK per service per day holds on the new day too: a booker who
  // has an open booking there already keeps it (kept[id]: that booking).
  std::set<int64_t> holds;
  std::map<int64_t, Booking> kept;
  if (!cancel) {
    for (const auto& [id, b] : s.bookings) {
      if (b.service != *service || b.date != *date || !b.is_open()) continue;
      auto person = booking_db::person_of(store_.handle(), id);
      if (!person) continue;
      for (int64_t other : booking_db::bookings_of_nik(store_.handle(), person->nik_hash, *service, to_date)) {
        auto o = s.bookings.find(other);
        if (other == id || o == s.bookings.end() || o->second.date != to_date) continue;
        if (o->second.state == "booked" || o->second.state == "checked_in") {
          holds.insert(id);
          kept[id] = o->second;
        }
      }
    }
  }
  auto moved = plan_booking_move(s, *service, *date, to_date, ctx.now_ms, holds);
  if (!moved) return moved.error();

  OfficeState after = s;  // the bookings as they will be, for the messages' wording
  json list = json::array();
  for (const Booking& b : *moved) {
    after.bookings[b.id] = b;
    list.push_back(to_json(b, true));
  }
  const std::string service_name = s.services.at(*service).name_id;
  int told = 0, duplicates = 0;
  const std::string seq = std::to_string(s.seq + 1);
  for (const Booking& b : *moved) {
    const bool duplicate = holds.count(b.id) > 0;
    duplicates += duplicate ? 1 : 0;
    auto person = booking_db::person_of(store_.handle(), b.id);
    if (!person) continue;  // deleted on request: nobody to tell
    if (duplicate) {
      const std::string text = trf("msg.booking_duplicate", Lang::id,
                                   {b.code, service_name, b.date + " " + hhmm(b.slot_min), *reason,
                                    booking_when_text(s, kept.at(b.id), Lang::id)});
      messages_.message_to(person->phone, "b" + std::to_string(b.id), "duplicate-" + seq, text,
                           "booking " + std::to_string(b.id), s.day, ctx.now_ms, out);
      ++told;
      continue;
    }
    if (!cancel) {
      BookingPerson p = *person;
      p.date = b.date;  // one NIK per service per day follows the booking
      out.booking_people.push_back(p);
    }
    const std::string text =
        cancel ? trf("msg.booking_cancelled", Lang::id, {b.code, service_name, b.date + " " + hhmm(b.slot_min), *reason})
               : trf("msg.booking_moved", Lang::id, {b.code, service_name, booking_when_text(after, b, Lang::id), *reason});
    messages_.message_to(person->phone, "b" + std::to_string(b.id), (cancel ? "cancelled-" : "moved-") + seq, text,
                         "booking " + std::to_string(b.id), s.day, ctx.now_ms, out);
    ++told;
  }
  Decision d;
  const int count = int(moved->size()) - duplicates;
  d.result = {{"count", count}, {"duplicates", duplicates}, {"messaged", told}, {"to_date", to_date},
              {"cancelled", cancel}};
  json moves = json::array();
  for (const Booking& b : *moved)
    moves.push_back({{"id", b.id}, {"slot", hhmm(b.slot_min)}, {"date", b.date}, {"state", b.state}});
  d.result["bookings"] = moves;
  d.events.push_back(event(proto::ev::bookings_moved, ctx,
                           {{"service", *service}, {"date", *date}, {"to_date", to_date}, {"cancelled", cancel},
                            {"reason", *reason}, {"count", count}, {"duplicates", duplicates}, {"bookings", list}}));
  return d;
}

std::vector<Event> BookingDesk::tick(int64_t now, PrivateWrites& out) {
  std::vector<Event> events;
  if (now - last_purge_check_ < kPurgeCheckMs) return events;
  last_purge_check_ = now;
  const int64_t before = now - int64_t(messages_.retention_days()) * kDayMs;
  const int n = booking_db::count_before(store_.handle(), before);
  if (n == 0) return events;
  out.purge_bookers_before = before;
  CommandContext ctx{now, "hub", ""};
  events.push_back(event(proto::ev::booking_people_deleted, ctx, {{"reason", "retention"}, {"count", n}, {"before", before}}));
  return events;
}

}  // namespace antrian
