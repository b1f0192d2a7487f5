// A ticket's and a loket's JSON: every field under its name, the text the log, the
// rows and the screens have always had (the members are now put in place one by one
// instead of from a braced list), and read back to the same values.
#include <doctest/doctest.h>

#include "antrian/model_json.h"

using namespace antrian;

namespace {

Ticket every_field_set() {
  Ticket t;
  t.id = 42;
  t.day = "2026-12-04";
  t.service = "B";
  t.prefix = "A";
  t.number = 7;
  t.priority = Priority::lansia;
  t.state = TicketState::serving;
  t.issued_at = 1000;
  t.queue_at = 900;
  t.called_at = 2000;
  t.started_at = 2030;
  t.ended_at = 0;
  t.counter = 3;
  t.target_counter = 5;
  t.recalls = 2;
  t.transferred_from = 41;
  t.transferred_to = 43;
  t.token = "tok-\"quoted\"";
  t.eta_s_at_issue = 420;
  t.history = {{"issued", 1000, 0, "kiosk:kiosk-1", ""}, {"transferred", 1900, 2, "Ani", "akta \u00e9"}};
  return t;
}

}  // namespace

TEST_CASE("a ticket's JSON: every field under its name, in the text it has always had") {
  const Ticket t = every_field_set();
  const std::string expected_public =
      R"({"called_at":2000,"counter":3,"day":"2026-12-04","ended_at":0,"eta_s_at_issue":420,)"
      R"("history":[{"actor":"kiosk:kiosk-1","at":1000,"counter":0,"note":"","what":"issued"},)"
      R"({"actor":"Ani","at":1900,"counter":2,"note":"akta é","what":"transferred"}],)"
      R"("id":42,"issued_at":1000,"label":"A-007","number":7,"prefix":"A","priority":"lansia",)"
      R"("queue_at":900,"recalls":2,"service":"B","started_at":2030,"state":"serving","target_counter":5,)"
      R"("transferred_from":41,"transferred_to":43})";
  CHECK(to_json(t, false).dump() == expected_public);
  json with_token = to_json(t, true);
  CHECK(with_token.at("token") == "tok-\"quoted\"");
  with_token.erase("token");
  CHECK(with_token.dump() == expected_public);

  Ticket no_eta = t;
  no_eta.eta_s_at_issue.reset();
  no_eta.history.clear();
  const json j = to_json(no_eta, false);
  CHECK(j.at("eta_s_at_issue").is_null());
  CHECK(j.at("history") == json::array());

  // Read back: the same ticket, token included.
  const Ticket back = ticket_from_json(to_json(t, true));
  CHECK(to_json(back, true) == to_json(t, true));
}

TEST_CASE("a loket's JSON: every field under its name, and read back the same") {
  Counter c;
  c.number = 4;
  c.name = "Loket 4";
  c.services = {"D", "C"};
  c.state = CounterState::paused;
  c.staff = "budi";
  c.current_ticket = 17;
  c.break_until = 5000;
  CHECK(to_json(c).dump() ==
        R"({"break_until":5000,"current_ticket":17,"name":"Loket 4","number":4,"services":["D","C"],)"
        R"("staff":"budi","state":"paused"})");
  CHECK(to_json(counter_from_json(to_json(c))) == to_json(c));
}
