#include "antrian/model.h"

#include <array>
#include <cstdio>

namespace antrian {
namespace {

template <typename E, std::size_t N>
std::string_view name_of(E value, const std::array<std::string_view, N>& names) {
  auto i = static_cast<std::size_t>(value);
  return i < N ? names[i] : std::string_view("?");
}

template <typename E, std::size_t N>
bool value_of(std::string_view text, E& out, const std::array<std::string_view, N>& names) {
  for (std::size_t i = 0; i < N; ++i)
    if (names[i] == text) {
      out = static_cast<E>(i);
      return true;
    }
  return false;
}

constexpr std::array<std::string_view, 7> kTicketStates = {
    "waiting", "called", "serving", "done", "no_show", "cancelled", "transferred"};
constexpr std::array<std::string_view, 4> kPriorities = {"reguler", "lansia", "disabilitas",
                                                         "ibu_hamil"};
constexpr std::array<std::string_view, 3> kCounterStates = {"closed", "open", "paused"};
constexpr std::array<std::string_view, 3> kServiceStatuses = {"normal", "degraded", "halted"};
constexpr std::array<std::string_view, 5> kResourceKinds = {"central_server", "network",
                                                            "card_printers", "blangko", "other"};
constexpr std::array<std::string_view, 2> kLevels = {"degraded", "down"};

}  // namespace

std::string Ticket::label() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%03d", number);
  return prefix + "-" + buf;
}

std::string_view to_string(TicketState s) { return name_of(s, kTicketStates); }
std::string_view to_string(Priority p) { return name_of(p, kPriorities); }
std::string_view to_string(CounterState s) { return name_of(s, kCounterStates); }
std::string_view to_string(ServiceStatus s) { return name_of(s, kServiceStatuses); }
std::string_view to_string(ResourceKind k) { return name_of(k, kResourceKinds); }
std::string_view to_string(DisruptionLevel l) { return name_of(l, kLevels); }
bool parse(std::string_view t, TicketState& o) { return value_of(t, o, kTicketStates); }
bool parse(std::string_view t, Priority& o) { return value_of(t, o, kPriorities); }
bool parse(std::string_view t, CounterState& o) { return value_of(t, o, kCounterStates); }
bool parse(std::string_view t, ServiceStatus& o) { return value_of(t, o, kServiceStatuses); }
bool parse(std::string_view t, ResourceKind& o) { return value_of(t, o, kResourceKinds); }
bool parse(std::string_view t, DisruptionLevel& o) { return value_of(t, o, kLevels); }

}  // namespace antrian
