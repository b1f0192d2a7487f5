#include "antrian/kiosk/routing.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace antrian::kiosk {
namespace {

using json = nlohmann::json;

Error bad(const std::string& where, const std::string& what) {
  return make_error("bad_config", where + ": " + what);
}

std::string service_list(const std::map<std::string, Text>& services) {
  std::string out;
  for (const auto& [code, _] : services) out += (out.empty() ? "" : ", ") + code;
  return out;
}

bool valid_id(const std::string& id) {
  if (id.empty() || id.size() > 32) return false;
  return std::all_of(id.begin(), id.end(), [](unsigned char c) {
    return std::islower(c) || std::isdigit(c) || c == '-' || c == '_';
  });
}

// Keys a node may have: anything else is most likely a typo ("servis", "label").
const std::set<std::string> kKeys = {"id",          "label_id",    "label_en",       "hint_id",
                                     "hint_en",     "question_id", "question_en",    "children",
                                     "service",     "alternative_id", "alternative_en"};

// Reads an optional text field with a length limit.
Result<std::string> text_field(const json& node, const char* key, const std::string& where, size_t max,
                               bool required) {
  auto it = node.find(key);
  if (it == node.end() || it->is_null()) {
    if (required) return bad(where + "." + key, "missing");
    return std::string();
  }
  if (!it->is_string()) return bad(where + "." + key, "must be text");
  std::string s = it->get<std::string>();
  if (required && s.find_first_not_of(" \t") == std::string::npos) return bad(where + "." + key, "must not be empty");
  if (s.size() > max) return bad(where + "." + key, "too long (at most " + std::to_string(max) + " bytes)");
  return s;
}

struct Parser {
  const std::map<std::string, Text>& services;
  std::set<std::string> ids;

  Result<std::vector<RouteNode>> list(const json& arr, const std::string& where, int depth) {
    if (!arr.is_array()) return bad(where, "must be a list of choices");
    if (arr.empty()) return bad(where, "must have at least one choice");
    if (arr.size() > size_t(kMaxChoices))
      return bad(where, "has " + std::to_string(arr.size()) + " choices; at most " + std::to_string(kMaxChoices) +
                            " fit on one screen");
    std::vector<RouteNode> out;
    for (size_t i = 0; i < arr.size(); ++i) {
      auto n = node(arr[i], where + "[" + std::to_string(i) + "]", depth);
      if (!n) return n.error();
      out.push_back(std::move(*n));
    }
    return out;
  }

  Result<RouteNode> node(const json& j, const std::string& where, int depth) {
    if (!j.is_object()) return bad(where, "must be an object with id, label_id and either service or children");
    for (const auto& [key, _] : j.items())
      if (!kKeys.count(key)) return bad(where, "unknown field \"" + key + "\"");
    RouteNode n;
    auto id = text_field(j, "id", where, 32, true);
    if (!id) return id.error();
    if (!valid_id(*id)) return bad(where + ".id", "\"" + *id + "\" must be 1-32 of a-z, 0-9, - or _");
    if (!ids.insert(*id).second) return bad(where + ".id", "duplicate \"" + *id + "\"");
    n.id = *id;
    struct Field {
      const char* key;
      std::string* out;
      size_t max;
      bool required;
    } fields[] = {{"label_id", &n.label.id, 80, true},          {"label_en", &n.label.en, 80, false},
                  {"hint_id", &n.hint.id, 160, false},          {"hint_en", &n.hint.en, 160, false},
                  {"question_id", &n.question.id, 160, false},  {"question_en", &n.question.en, 160, false},
                  {"alternative_id", &n.alternative.id, 400, false},
                  {"alternative_en", &n.alternative.en, 400, false}};
    for (const Field& f : fields) {
      auto v = text_field(j, f.key, where, f.max, f.required);
      if (!v) return v.error();
      *f.out = std::move(*v);
    }
    const bool has_service = j.contains("service"), has_children = j.contains("children");
    if (has_service == has_children)
      return bad(where, has_service ? "has both service and children; a choice either ends at a service or asks "
                                      "a further question"
                                    : "needs a service (where the choice ends) or children (a further question)");
    if (has_service) {
      if (!j["service"].is_string()) return bad(where + ".service", "must be a service code like \"A\"");
      n.service = j["service"].get<std::string>();
      if (!services.count(n.service))
        return bad(where + ".service",
                   "unknown service \"" + n.service + "\" (services: " + service_list(services) + ")");
      if (j.contains("question_id") || j.contains("question_en"))
        return bad(where, "a question only belongs to a choice with children");
      return n;
    }
    if (!n.alternative.empty()) return bad(where, "an alternative only belongs to a choice that ends at a service");
    if (depth + 1 >= kMaxRouteDepth)
      return bad(where + ".children", "too deep: at most " + std::to_string(kMaxRouteDepth - 1) +
                                          " questions after the first screen");
    if (n.question.id.empty()) return bad(where + ".question_id", "missing (the question asked on the next screen)");
    auto kids = list(j["children"], where + ".children", depth + 1);
    if (!kids) return kids.error();
    n.children = std::move(*kids);
    return n;
  }
};

const RouteNode* find_in(const std::vector<RouteNode>& list, const std::string& id) {
  for (const RouteNode& n : list)
    if (n.id == id) return &n;
  return nullptr;
}

}  // namespace

Result<RouteTable> parse_routing(const json& routing, const std::map<std::string, Text>& services) {
  Parser p{services, {}};
  auto roots = p.list(routing, "routing", 0);
  if (!roots) return roots.error();
  RouteTable t;
  t.roots = std::move(*roots);
  t.from_config = true;
  return t;
}

RouteTable fallback_routing(const std::map<std::string, Text>& services) {
  RouteTable t;
  for (const auto& [code, name] : services) {
    RouteNode n;
    n.id = "service-";
    for (char c : code) n.id += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    n.label = name;
    n.service = code;
    t.roots.push_back(std::move(n));
  }
  return t;
}

RoutingChoice choose_routing(const json& routing, const std::map<std::string, Text>& services) {
  RoutingChoice c;
  if (routing.is_null() || (routing.is_array() && routing.empty())) {
    c.table = fallback_routing(services);
    return c;
  }
  auto parsed = parse_routing(routing, services);
  if (parsed) {
    c.table = std::move(*parsed);
  } else {
    c.table = fallback_routing(services);
    c.problem = parsed.error().reason;
  }
  return c;
}

const RouteNode* find_route(const RouteTable& table, const std::vector<std::string>& path) {
  const std::vector<RouteNode>* level = &table.roots;
  const RouteNode* node = nullptr;
  for (const std::string& id : path) {
    if (!level) return nullptr;
    node = find_in(*level, id);
    if (!node) return nullptr;
    level = node->leaf() ? nullptr : &node->children;
  }
  return node;
}

const std::vector<RouteNode>* choices_at(const RouteTable& table, const std::vector<std::string>& path) {
  if (path.empty()) return &table.roots;
  const RouteNode* n = find_route(table, path);
  if (!n || n->leaf()) return nullptr;
  return &n->children;
}

std::vector<std::string> services_under(const RouteNode& node) {
  if (node.leaf()) return {node.service};
  std::vector<std::string> out;
  for (const RouteNode& c : node.children)
    for (std::string& s : services_under(c))
      if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
  return out;
}

}  // namespace antrian::kiosk
