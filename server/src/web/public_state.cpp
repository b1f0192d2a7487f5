#include "web/public_state.h"

#include <array>
#include <string_view>

namespace antrian::web {
namespace {
// "staff" is the top-level staff list and each loket's signed-in staff id.
constexpr std::array<std::string_view, 7> kPeopleFields = {"staff",      "actor",       "note",    "added_by",
                                                           "cleared_by", "declared_by", "client"};
}  // namespace

void strip_people(nlohmann::json& j) {
  if (j.is_object()) {
    for (std::string_view key : kPeopleFields) j.erase(std::string(key));
    for (auto& el : j.items()) strip_people(el.value());
  } else if (j.is_array()) {
    for (auto& v : j) strip_people(v);
  }
}

}  // namespace antrian::web
