#pragma once
// The office's choices for messages to citizens' phones (the config's "messages"):
// when "your turn is near" is sent, how long phone numbers are kept, how many
// messages one number may get a day, and where messages go (a webhook for a
// WhatsApp gateway, gammu-smsd's SQL outbox for a GSM modem, or both).
#include <string>

#include <nlohmann/json.hpp>

#include "antrian/result.h"

namespace antrian {

struct MessageConfig {
  // "near": {"ahead": N} = when N or fewer are ahead; {"minutes": M} = when the
  // forecast says M minutes or less. Exactly one of them is > 0.
  int near_ahead = 3;
  int near_minutes = 0;
  int retention_days = 30;          // phone numbers and their messages (UU 27/2022)
  int max_per_number_per_day = 10;  // more are kept as "limited" and not sent
  std::string webhook_url;          // http(s)://host[:port]/path, JSON POST
  int webhook_timeout_s = 5;
  std::string gammu_database;       // gammu-smsd's SQLite database (its sqlite.sql schema)
  int retry_first_s = 2;            // backoff after a failed delivery, doubling...
  int retry_max_s = 300;            // ...up to this
  int give_up_after_min = 240;      // a message not delivered by then is "expired"

  bool sends() const { return !webhook_url.empty() || !gammu_database.empty(); }
};

// Parses the config's "messages" object; errors name the field
// ("messages.near: give either ahead or minutes, not both").
Result<MessageConfig> parse_message_config(const nlohmann::json& j);

}  // namespace antrian
