#pragma once
// Who may send a request: the role and loket of the device key it came with.
// Pure, so every role against every command is a unit test; the hub calls it for
// each request from the network (its own internal requests are trusted).
#include <string>

#include "antrian/model.h"
#include "antrian/protocol.h"
#include "antrian/result.h"

namespace antrian {

// The active (not revoked) key with this Z85 public key, or nullptr.
const DeviceKey* find_active_key(const OfficeState& s, const std::string& public_key);

// Ok when the key `public_key` may send `req`: the key is registered and not revoked,
// the request's role is the key's role (an admin key may claim any role), that role
// may send the command, and a counter acts only for its own loket. Otherwise an
// error (forbidden) with the reason.
Result<Ok> authorize_request(const OfficeState& s, const proto::Request& req, const std::string& public_key);

}  // namespace antrian
