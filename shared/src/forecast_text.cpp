// The forecast's JSON text written straight from the Forecast: the hub sends one after
// every batch of changes, with an entry per waiting ticket, and building it as a JSON
// tree first (a node and a string key per ticket, then the dump) cost more than making
// the forecast. The bytes are exactly to_json(f).dump()'s (test_forecast_text.cpp).
#include <algorithm>
#include <charconv>
#include <cstring>
#include <set>
#include <vector>

#include "antrian/model_json.h"

namespace antrian {
namespace {

void put_int(std::string& out, int64_t v) {
  char buf[24];
  const auto r = std::to_chars(buf, buf + sizeof buf, v);
  out.append(buf, r.ptr);
}

void put_call(std::string& out, const std::optional<CallForecast>& c) {
  if (!c) {
    out += "null";
    return;
  }
  out += '[';
  put_int(out, c->at_ms);
  out += ',';
  put_int(out, c->low_ms);
  out += ',';
  put_int(out, c->high_ms);
  out += ']';
}

// A key as nlohmann's dump writes it (escaped, quoted).
void put_key(std::string& out, const std::string& key) {
  out += json(key).dump();
  out += ':';
}

}  // namespace

std::string forecast_text(const Forecast& f) {
  std::string out;
  out.reserve(64 + f.tickets.size() * 48);
  // An object's keys come out in std::string order (nlohmann's std::map): "made_at",
  // "new", "seq", "tickets"; the tickets' ids as decimal strings ("10" before "9").
  out += "{\"made_at\":";
  put_int(out, f.made_at);
  out += ",\"new\":{";
  std::set<std::string> codes;
  for (const auto& entry : f.new_regular) codes.insert(entry.first);
  for (const auto& entry : f.new_priority) codes.insert(entry.first);
  bool first = true;
  for (const std::string& code : codes) {
    if (!first) out += ',';
    first = false;
    put_key(out, code);
    out += '{';
    auto p = f.new_priority.find(code);
    auto r = f.new_regular.find(code);
    if (p != f.new_priority.end()) {
      out += "\"prioritas\":";
      put_call(out, p->second);
    }
    if (r != f.new_regular.end()) {
      if (p != f.new_priority.end()) out += ',';
      out += "\"reguler\":";
      put_call(out, r->second);
    }
    out += '}';
  }
  out += "},\"seq\":";
  put_int(out, f.seq);
  out += ",\"tickets\":{";
  struct Key {
    char text[24];
    std::size_t len;
    const std::optional<CallForecast>* call;
  };
  std::vector<Key> keys;
  keys.reserve(f.tickets.size());
  for (const auto& [id, c] : f.tickets) {
    Key k{};
    k.len = std::size_t(std::to_chars(k.text, k.text + sizeof k.text, id).ptr - k.text);
    k.call = &c;
    keys.push_back(k);
  }
  // Ids of equal length are in numeric order already (the map's); only mixed lengths move.
  std::stable_sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    const int c = std::memcmp(a.text, b.text, std::min(a.len, b.len));
    return c != 0 ? c < 0 : a.len < b.len;
  });
  first = true;
  for (const Key& k : keys) {
    if (!first) out += ',';
    first = false;
    out += '"';
    out.append(k.text, k.len);
    out += "\":";
    put_call(out, *k.call);
  }
  out += "}}";
  return out;
}

}  // namespace antrian
