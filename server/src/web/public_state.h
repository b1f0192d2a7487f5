#pragma once
// /api/state for the public: the hall without people. Staff lists, the staff signed
// in at each loket, and who did each step (actors, notes, who declared or cleared a
// disruption, who added a key) are removed; a signed-in admin gets the whole state.
#include <nlohmann/json.hpp>

namespace antrian::web {

// Removes, at any depth, every field that names a person or what they wrote.
void strip_people(nlohmann::json& j);

}  // namespace antrian::web
