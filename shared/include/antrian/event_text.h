#pragma once
// An event written once as text for everything that sends or stores it: the log's
// data column, each entity row (a slice of that text), and the public JSON sent to
// subscribers. The bytes are exactly those of the JSON trees' dumps the hub used
// before (e.data.dump(), x.dump() of each listed entity, event_to_json(e, true).dump());
// tests/unit/test_event_text.cpp holds them to it.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "antrian/event.h"

namespace antrian {

struct EventText {
  std::string data;         // e.data.dump()
  std::string public_json;  // event_to_json(e, true).dump()
  // data's top-level lists (tickets, counters, ...): each element's place in `data`.
  struct List {
    std::string field;
    std::size_t first = 0, count = 0;  // into items
  };
  struct Slice {
    std::size_t at = 0, size = 0;
  };
  std::vector<List> lists;
  std::vector<Slice> items;

  const List* list(std::string_view field) const;
  std::string_view item(const List& l, std::size_t i) const {
    const Slice& s = items[l.first + i];
    return std::string_view(data).substr(s.at, s.size);
  }
};

// Throws what the dumps would (invalid UTF-8 in a string).
EventText encode_event(const Event& e);

}  // namespace antrian
