#pragma once
// The hub's side of bookings (booking.h) that touches who booked: booking_create
// (name, phone and NIK checked; the NIK kept only as a keyed hash; one booking per
// NIK per service per day) and booking_move (the office moves or cancels a service's
// day in one action, each booker getting a message through the outbox in the same
// transaction). The people's rows live in booking_people (booking_people.h), deleted
// after the messages' retention_days. Runs on the hub's thread only.
#include <memory>
#include <string>
#include <vector>

#include "antrian/commands.h"
#include "antrian/outbox.h"
#include "antrian/protocol.h"
#include "antrian/store.h"
#include "message_desk.h"

namespace antrian {

class BookingDesk {
 public:
  // key_file: the NIK hash key (32 random bytes, hex), made on first use, mode 0600.
  static Result<std::unique_ptr<BookingDesk>> create(Store& store, MessageDesk& messages, const std::string& key_file);

  static bool handles(std::string_view cmd);
  // They read booking_people: what the hub staged must be on disk first.
  Result<Decision> decide(const OfficeState& s, const proto::Request& req, const CommandContext& ctx,
                          PrivateWrites& out);
  // Every 10 minutes: bookers past the retention days are deleted (logged, counted).
  std::vector<Event> tick(int64_t now, PrivateWrites& out);

 private:
  BookingDesk(Store& store, MessageDesk& messages, std::string key)
      : store_(store), messages_(messages), key_(std::move(key)) {}
  Result<Decision> create_booking(const OfficeState& s, const nlohmann::json& a, const CommandContext& ctx,
                                  PrivateWrites& out);
  Result<Decision> move_day(const OfficeState& s, const nlohmann::json& a, const CommandContext& ctx,
                            PrivateWrites& out);
  Store& store_;
  MessageDesk& messages_;
  std::string key_;
  int64_t last_purge_check_ = 0;
};

}  // namespace antrian
