#pragma once
// Messages to citizens' phones. What a change of the office means for a ticket whose
// holder left a phone number ("your turn is near", "you are called to loket 2", "the
// service you wait for is halted / back") is planned here, on the hub's thread, from
// the state after the change's events; the hub writes the messages in the same
// transaction as those events (outbox_store.h), so a message is never lost by a crash
// nor made twice. Phone numbers live only in the hub's database, never in events.
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "antrian/booking_people.h"
#include "antrian/event.h"
#include "antrian/message_config.h"
#include "antrian/model.h"

namespace antrian {

struct OutboxMessage {
  std::string id;       // "<hub id>-<ticket id>-<kind>": the receiver deduplicates by it
  std::string channel;  // "webhook" or "sms"
  std::string phone;    // +628...
  std::string kind;     // near, called, halted-<seq>, back-<seq>
  std::string text;     // from the strings table ("msg.*"), Indonesian
  std::string ticket_label, day;
  int64_t ticket_id = 0, created_at = 0;
  std::string state = "pending";  // pending | limited (over the number's daily limit, never sent)
};

// A ticket's contact: by its token, which a transfer keeps. A come-back entry's
// contact has the token comeback_contact_token(id) and ticket_id 0.
std::string comeback_contact_token(int64_t entry_id);
struct ContactRow {
  std::string token, phone, day;
  int64_t ticket_id = 0, created_at = 0;
};

// Rows beside the event log, written in the same transaction as a change's events.
struct PrivateWrites {
  std::vector<ContactRow> contacts;        // added or replaced
  std::vector<std::string> forget_phones;  // every contact and message of these numbers
  int64_t purge_before = 0;                // contacts and messages made before this (ms), 0 = none
  std::vector<OutboxMessage> messages;     // inserted once by (id, channel)
  std::vector<BookingPerson> booking_people;  // who booked (booking_people.h); forget_phones deletes them too
  int64_t purge_bookers_before = 0;           // booking_people made before this (ms), 0 = none
  bool empty() const {
    return contacts.empty() && forget_phones.empty() && purge_before == 0 && messages.empty() &&
           booking_people.empty() && purge_bookers_before == 0;
  }
};

// What the planner must remember between changes (loaded from the database at start).
struct PlannerMemory {
  std::string hub_id;                             // random, made once per database
  std::map<std::string, ContactRow> contacts;     // today's, by token
  // Come-back entries' numbers (token "comeback:<entry id>"), kept while the entry
  // may still be invited, whatever its day (the invitation may come days later).
  std::map<std::string, ContactRow> comeback_contacts;
  std::set<std::string> message_ids;              // made already (any channel)
  std::string day;
  std::map<std::string, int> made_today;          // phone -> messages made on `day`
};

class MessagePlanner {
 public:
  MessagePlanner(MessageConfig cfg, PlannerMemory memory) : cfg_(std::move(cfg)), mem_(std::move(memory)) {}
  const MessageConfig& config() const { return cfg_; }
  void reset(PlannerMemory memory) { mem_ = std::move(memory); }
  bool has_contact(const std::string& token) const { return mem_.contacts.count(token) > 0; }

  // Each service's status, taken before a change so plan() sees what it turned.
  std::map<std::string, ServiceStatus> statuses(const OfficeState& s) const;
  // The messages `events` cause, `after` being the state with them applied; also
  // takes in the contacts `out` adds or forgets. Adds to out.messages.
  void plan(const OfficeState& after, const std::vector<Event>& events,
            const std::map<std::string, ServiceStatus>& before, int64_t now, PrivateWrites& out);
  // A message to a number that is no ticket's contact (a booker's): id
  // "<hub id>-<ref>-<kind>", made once, counted in the number's daily limit.
  void add_to_phone(const std::string& phone, const std::string& ref, const std::string& kind, std::string text,
                    const std::string& label, const std::string& day, int64_t now, PrivateWrites& out);
  // "near" by minutes: the forecast moves with time, not only with events.
  void plan_near_by_forecast(const OfficeState& s, int64_t now, PrivateWrites& out);

 private:
  void note(const PrivateWrites& w);
  void roll_day(const std::string& day);
  void plan_comeback(const OfficeState& s, const std::vector<Event>& events,
                     const std::map<std::string, ServiceStatus>& before, int64_t now, PrivateWrites& out);
  void add_comeback(const OfficeState& s, const ComebackEntry& e, const std::string& kind, std::string text, int64_t now,
                    PrivateWrites& out);
  void push(const std::string& day, const std::string& phone, const std::string& id, const std::string& kind,
            std::string text, const std::string& label, int64_t ticket_id, int64_t now, PrivateWrites& out);
  void check_near(const OfficeState& s, const Ticket& t, int64_t now, PrivateWrites& out);
  void add(const OfficeState& s, const Ticket& t, const std::string& kind, std::string text, int64_t now,
           PrivateWrites& out);
  MessageConfig cfg_;
  PlannerMemory mem_;
};

}  // namespace antrian
