// The waiting list's order, today's figures per staff member, the dialogs' requests.
#include <doctest/doctest.h>

#include "antrian/counter/desk_queue.h"
#include "antrian/counter/dialogs.h"
#include "antrian/counter/staff_figures.h"
#include "antrian/queue_rules.h"
#include "fake_hub.h"

using namespace antrian;
using namespace antrian::counter;
using namespace antrian::counter::test;
using json = nlohmann::json;

namespace {

std::vector<std::string> labels(const std::vector<WaitingTicket>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.label);
  return out;
}

}  // namespace

TEST_CASE("desk queue: transferred-here first, then priority, then by the loket's preference") {
  FakeHub h;
  // Loket 3 serves B then A. Arrival order: A-001, B-001, A-002 (lansia), B-002.
  h.issue("A");
  h.now += 1000;
  h.issue("B");
  h.now += 1000;
  h.issue("A", "lansia");
  h.now += 1000;
  h.issue("B");
  h.now += 1000;
  h.issue("C");  // not served at loket 3
  // A ticket sent to loket 3 by name, from loket 4's C queue.
  h.admin("sign_in", {{"counter", 4}, {"staff", "budi"}, {"pin", "1234"}});
  h.admin("call_next", {{"counter", 4}});
  h.admin("transfer", {{"counter", 4}, {"to_counter", 3}, {"note", "ke loket 3"}});
  h.now += 60'000;

  const auto rows = waiting_for_loket(h.view, 3, h.now);
  CHECK(labels(rows) == std::vector<std::string>{"C-001", "A-002", "B-001", "B-002", "A-001"});
  CHECK(rows[0].for_this_loket);
  CHECK(rows[1].priority == Priority::lansia);
  CHECK(rows[4].waited_s == 64);  // joined at 9:00:00, now 9:01:04
  // No loket serving B is open: the honest estimate is "unknown".
  CHECK_FALSE(rows[2].eta_s.has_value());
  // The first row is what call-next would call.
  CHECK(rows.front().id == *next_for_counter(h.view, 3));

  // With loket 3 open, B's tickets get estimates.
  h.admin("sign_in", {{"counter", 3}, {"staff", "ani"}, {"pin", "1234"}});
  CHECK(waiting_for_loket(h.view, 3, h.now)[2].eta_s.has_value());

  // The ticket sent to loket 3 joined its first service, B (loket 3 does not serve C).
  const auto counts = waiting_counts(h.view, 3);
  REQUIRE(counts.size() == 2);
  CHECK(counts[0] == std::pair<std::string, int>{"B", 3});
  CHECK(counts[1] == std::pair<std::string, int>{"A", 2});
  CHECK(waiting_for_loket(h.view, 99, h.now).empty());
}

TEST_CASE("desk queue: a halted service's tickets come last, because call-next skips them") {
  FakeHub h;
  h.issue("B");
  h.now += 1000;
  h.issue("A");
  h.admin("disruption_set", {{"resource", "printers"}, {"level", "down"}});  // B needs the printers
  const auto rows = waiting_for_loket(h.view, 3, h.now);
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].label == "A-001");
  CHECK(rows[1].label == "B-001");
  CHECK(rows[1].service_halted);
  CHECK(rows.front().id == *next_for_counter(h.view, 3));
}

TEST_CASE("staff figures: served, no-shows, transfers and average service time of one person") {
  FakeHub h;
  for (int i = 0; i < 5; ++i) h.issue("A");
  h.admin("sign_in", {{"counter", 1}, {"staff", "ani"}, {"pin", "1234"}});
  h.admin("sign_in", {{"counter", 2}, {"staff", "budi"}, {"pin", "1234"}});
  auto serve = [&](int loket, int64_t ms) {
    h.admin("call_next", {{"counter", loket}});
    h.admin("start", {{"counter", loket}});
    h.now += ms;
    h.admin("finish", {{"counter", loket}});
  };
  serve(1, 120'000);
  serve(1, 240'000);
  h.admin("call_next", {{"counter", 1}});
  h.admin("no_show", {{"counter", 1}});
  h.admin("call_next", {{"counter", 1}});
  h.admin("transfer", {{"counter", 1}, {"to_service", "C"}});
  serve(2, 60'000);  // budi's

  const StaffFigures ani = staff_figures(h.view, "ani");
  CHECK(ani.served == 2);
  CHECK(ani.no_shows == 1);
  CHECK(ani.transferred == 1);
  REQUIRE(ani.average_service_s);
  CHECK(*ani.average_service_s == 180);
  const StaffFigures budi = staff_figures(h.view, "budi");
  CHECK(budi.served == 1);
  CHECK(budi.no_shows == 0);
  CHECK(budi.transferred == 0);
  CHECK(*budi.average_service_s == 60);

  // Budi finishes the ticket ani transferred: it counts for budi, and not again for ani.
  h.admin("sign_out", {{"counter", 2}});
  h.admin("sign_in", {{"counter", 4}, {"staff", "budi"}, {"pin", "1234"}});
  serve(4, 30'000);
  CHECK(staff_figures(h.view, "budi").served == 2);
  CHECK(staff_figures(h.view, "ani").served == 2);
  CHECK(staff_figures(h.view, "ani").transferred == 1);

  const StaffFigures nobody = staff_figures(h.view, "citra");
  CHECK(nobody.served == 0);
  CHECK_FALSE(nobody.average_service_s);
  CHECK(actor_is_staff("staff:ani@loket1", "ani"));
  CHECK_FALSE(actor_is_staff("staff:anita@loket1", "ani"));
  CHECK_FALSE(actor_is_staff("staff:ani@loket1", ""));
}

TEST_CASE("transfer dialog: other services then other lokets, and the request it makes") {
  FakeHub h;
  h.issue("A");
  h.admin("sign_in", {{"counter", 2}, {"staff", "ani"}, {"pin", "1234"}});
  h.admin("call_next", {{"counter", 2}});
  const Ticket& held = h.view.tickets.begin()->second;
  TransferDialog d = open_transfer(h.view, 2, held);
  REQUIRE(d.targets.size() == 5 + 7);  // services B..F, lokets other than 2
  CHECK(d.targets[0].service == "B");
  CHECK_FALSE(d.targets[0].to_loket);
  CHECK(d.targets[5].to_loket);
  CHECK(d.targets[5].loket == 1);
  for (const auto& t : d.targets) CHECK((t.to_loket ? t.loket != 2 : t.service != "A"));
  d.chosen = 1;
  d.note.insert("bawa KK");
  CHECK(transfer_args(d, 2) == json{{"counter", 2}, {"to_service", "C"}, {"note", "bawa KK"}});
  d.chosen = 6;
  CHECK(transfer_args(d, 2) == json{{"counter", 2}, {"to_counter", 3}, {"note", "bawa KK"}});
}

TEST_CASE("disruption dialog: the loket's services that need the resource are ticked") {
  FakeHub h;
  DisruptionDialog d = open_disruption(h.view, 3);  // loket 3: B, A
  REQUIRE(d.resources == std::vector<std::string>{"blangko", "network", "printers", "siak"});
  CHECK(d.services == std::vector<std::string>{"B", "A"});
  d.chosen = 2;  // printers: only B needs them
  preset_affected(h.view, d);
  CHECK(d.affected == std::vector<bool>{true, false});
  d.chosen = 1;  // network: both
  preset_affected(h.view, d);
  CHECK(d.affected == std::vector<bool>{true, true});

  DisruptionDialog kk = open_disruption(h.view, 4);  // loket 4: C, D need none of them
  kk.chosen = 1;
  preset_affected(h.view, kk);
  CHECK(kk.affected == std::vector<bool>{true, true});

  d.chosen = 2;
  preset_affected(h.view, d);
  d.level = DisruptionLevel::degraded;
  json a = disruption_args(h.view, d, 3);
  CHECK(a["resource"] == "printers");
  CHECK(a["level"] == "degraded");
  CHECK(a["services"] == json::array({"B"}));
  CHECK(a["counter"] == 3);
  // No message typed: a standard sentence in each language.
  CHECK(a["message_id"] == "Printer kartu melambat (dilaporkan dari Loket 3)");
  CHECK(a["message_en"] == "Card printers: slow (reported from Loket 3)");
  d.message.insert("dua printer macet");
  a = disruption_args(h.view, d, 3);
  CHECK(a["message_id"] == "dua printer macet");
  CHECK(a["message_en"] == "dua printer macet");
}
