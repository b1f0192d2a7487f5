#pragma once
// An event's seq and type read from its public JSON without parsing it, for a client
// that needs the data of only a few kinds of event (the hub's own web link: its call
// log). The hub writes events as nlohmann::json's compact dump, keys in order:
// {"actor":...,"at":N,"data":{...},"seq":N,"type":"..."}, so both are at the end.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace antrian {

struct EventHead {
  int64_t seq = 0;
  std::string type;
};

// Empty when the text does not end like that (then parse it in full).
std::optional<EventHead> scan_event_head(std::string_view text);

}  // namespace antrian
