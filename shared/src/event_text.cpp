#include "antrian/event_text.h"

#include <array>
#include <utility>

#include "antrian/event_public.h"

namespace antrian {
namespace {

using json = nlohmann::json;
using Serializer = nlohmann::detail::serializer<json>;

// One serializer per output: making one reads the locale, as every dump() did.
struct Writer {
  std::string& out;
  Serializer s;
  explicit Writer(std::string& o) : out(o), s(nlohmann::detail::output_adapter<char, std::string>(o), ' ') {}
  void value(const json& v) { s.dump(v, false, false, 0); }
  void key(const std::string& k) {
    value(json(k));  // escaped as dump() escapes keys
    out += ':';
  }
};

// What the public view leaves out of each element of a list (strip_private_fields).
struct Private {
  std::string_view list;
  std::array<std::string_view, 2> keys;
};
constexpr Private kPrivate[] = {
    {"tickets", {"token", ""}}, {"staff", {"pin_hash", ""}}, {"comeback", {"code", ""}}, {"bookings", {"code", "token"}}};

const Private* private_keys(std::string_view field) {
  for (const Private& p : kPrivate)
    if (p.list == field) return &p;
  return nullptr;
}

bool is_private(const Private& p, std::string_view key) { return key == p.keys[0] || (!p.keys[1].empty() && key == p.keys[1]); }

// The public view needs the tree path when a private list is not a list of objects
// (strip_private_fields then throws or differs): kept exactly as it was.
bool simple_shape(const json& d) {
  for (const Private& p : kPrivate) {
    auto it = d.find(p.list);
    if (it == d.end()) continue;
    if (!it->is_array()) return false;
    for (const json& x : *it)
      if (!x.is_object()) return false;
  }
  return true;
}

}  // namespace

const EventText::List* EventText::list(std::string_view field) const {
  for (const List& l : lists)
    if (l.field == field) return &l;
  return nullptr;
}

EventText encode_event(const Event& e) {
  EventText t;
  const json& d = e.data;
  Writer w(t.data);
  if (!d.is_object()) {
    w.value(d);
  } else {
    t.data += '{';
    bool first = true;
    for (auto it = d.begin(); it != d.end(); ++it) {
      if (!first) t.data += ',';
      first = false;
      w.key(it.key());
      if (!it->is_array()) {
        w.value(*it);
        continue;
      }
      EventText::List l{it.key(), t.items.size(), it->size()};
      t.data += '[';
      for (std::size_t i = 0; i < it->size(); ++i) {
        if (i) t.data += ',';
        const std::size_t at = t.data.size();
        w.value((*it)[i]);
        t.items.push_back({at, t.data.size() - at});
      }
      t.data += ']';
      t.lists.push_back(std::move(l));
    }
    t.data += '}';
  }

  // {"actor":...,"at":...,"data":...,"seq":...,"type":...}: the keys in the order dump() sorts them.
  std::string& p = t.public_json;
  Writer pw(p);
  p += "{\"actor\":";
  pw.value(json(e.actor));
  p += ",\"at\":";
  p += std::to_string(e.at);
  p += ",\"data\":";
  if (!d.is_object()) {
    p += t.data;
  } else if (!simple_shape(d)) {
    json copy = d;
    strip_private_fields(copy);
    pw.value(copy);
  } else {
    // Each key of data: the private text as it is, unless the public view changes it.
    p += '{';
    bool first = true;
    std::size_t list_at = 0;
    for (auto it = d.begin(); it != d.end(); ++it) {
      const EventText::List* l = it->is_array() ? &t.lists[list_at++] : nullptr;
      if (it.key() == "device_keys") continue;  // who holds which key is for admins
      if (!first) p += ',';
      first = false;
      pw.key(it.key());
      const Private* priv = private_keys(it.key());
      if (!l) {
        pw.value(*it);
        continue;
      }
      p += '[';
      for (std::size_t i = 0; i < l->count; ++i) {
        if (i) p += ',';
        const json& x = (*it)[i];
        bool strip = false;
        if (priv)
          for (std::string_view k : priv->keys)
            if (!k.empty() && x.contains(k)) strip = true;
        if (!strip) {
          p += t.item(*l, i);
          continue;
        }
        p += '{';
        bool first_field = true;
        for (auto f = x.begin(); f != x.end(); ++f) {
          if (is_private(*priv, f.key())) continue;
          if (!first_field) p += ',';
          first_field = false;
          pw.key(f.key());
          pw.value(*f);
        }
        p += '}';
      }
      p += ']';
    }
    p += '}';
  }
  p += ",\"seq\":";
  p += std::to_string(e.seq);
  p += ",\"type\":";
  pw.value(json(e.type));
  p += '}';
  return t;
}

}  // namespace antrian
