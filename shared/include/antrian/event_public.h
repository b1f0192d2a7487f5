#pragma once
// The public view of an event's data: what may leave the hub (subscribers, the
// district centre). event_to_json(e, true) uses it; so does the district forwarder.
#include <nlohmann/json.hpp>

namespace antrian {

// Removes, in place, what only its holder may see (ticket tokens, PIN hashes, device
// keys, come-back and booking codes). Returns false when data has none of the fields
// that can hold them (it is public as it is).
bool strip_private_fields(nlohmann::json& data);

}  // namespace antrian
