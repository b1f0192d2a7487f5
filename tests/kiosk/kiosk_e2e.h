#pragma once
// What the kiosk program's end-to-end tests share (booking check-in, come-back list,
// survey tablet): a hub command that must succeed, an automation command that must
// answer ok (the kiosk's transcript shown when it does not), and the program's
// arguments for a test hub: its address, the kiosk's name and a kiosk key of its own.
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "hub_process.h"
#include "kiosk_process.h"

#define KIOSK_OK(kiosk, line)                                    \
  do {                                                           \
    const std::string l_ = (line);                               \
    const nlohmann::json r_ = (kiosk).command(l_);               \
    INFO((kiosk).transcript());                                  \
    REQUIRE_MESSAGE(r_.contains("ok"), l_, " -> ", r_.dump());   \
  } while (0)

namespace kiosk_test {

inline nlohmann::json ok(antrian::HubClient& c, std::string_view cmd, nlohmann::json args) {
  auto r = c.request(cmd, args);
  INFO(cmd, " ", args.dump(), " -> ", r.error.code, " ", r.error.reason);
  REQUIRE(r.ok);
  return r.result;
}

// --hub, --name and the kiosk key the test hub made for that name, then `extra`.
inline std::vector<std::string> kiosk_program_args(const antrian::test::HubProcess& hub, const std::string& name,
                                                   std::vector<std::string> extra = {}) {
  std::vector<std::string> a = {"--hub", hub.address(), "--name", name};
  for (const std::string& k : hub.key_args("kiosk", name)) a.push_back(k);
  a.insert(a.end(), extra.begin(), extra.end());
  return a;
}

}  // namespace kiosk_test
