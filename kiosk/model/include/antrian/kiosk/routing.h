#pragma once
// The routing table: a short guided choice that ends at a service. The office writes
// it as the top-level "routing" list of its config; the hub passes it through
// untouched (state.office.routing), so the kiosk validates it here and falls back to
// one button per service when it is missing or invalid.
//
// Each node: {"id": "ektp", "label_id": "...", "label_en": "...", "hint_id", "hint_en",
//   and either "question_id"/"question_en" + "children": [nodes]    (a further question)
//   or "service": "B" + optional "alternative_id"/"alternative_en"  (what to offer
//   instead when the service is disrupted or its quota is used up)}.
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/kiosk/text.h"
#include "antrian/result.h"

namespace antrian::kiosk {

// Home plus two questions: "answer one or two questions".
inline constexpr int kMaxRouteDepth = 3;
// Buttons per screen that still fit finger-sized on a portrait screen.
inline constexpr int kMaxChoices = 8;

struct RouteNode {
  std::string id;
  Text label, hint;
  Text question;                 // group: asked on the next screen
  std::vector<RouteNode> children;
  std::string service;           // leaf: the service code it ends at
  Text alternative;              // leaf: offered when the service cannot serve

  bool leaf() const { return !service.empty(); }
};

struct RouteTable {
  std::vector<RouteNode> roots;
  bool from_config = false;  // false: the one-button-per-service fallback
};

// Validates a routing list against the office's services (code -> name). Every
// problem names where it is, e.g. `routing[0].children[2].service: unknown service
// "Z" (services: A, B, C)`.
Result<RouteTable> parse_routing(const nlohmann::json& routing, const std::map<std::string, Text>& services);

// One leaf per service, labelled with the service's name, ids "service-<code>".
RouteTable fallback_routing(const std::map<std::string, Text>& services);

struct RoutingChoice {
  RouteTable table;
  std::string problem;  // why the config's table was not used; empty if it was or was absent
};

// parse_routing, or the fallback (an empty or missing list is not a problem).
RoutingChoice choose_routing(const nlohmann::json& routing, const std::map<std::string, Text>& services);

// The node at the end of a path of ids from the roots; nullptr when the path no longer
// exists (the table changed). An empty path gives nullptr (home is not a node).
const RouteNode* find_route(const RouteTable& table, const std::vector<std::string>& path);

// The choices shown at a path: the roots for an empty path, a group's children, or
// nothing for a leaf or a path that no longer exists.
const std::vector<RouteNode>* choices_at(const RouteTable& table, const std::vector<std::string>& path);

// Every service code a node leads to (itself for a leaf).
std::vector<std::string> services_under(const RouteNode& node);

}  // namespace antrian::kiosk
