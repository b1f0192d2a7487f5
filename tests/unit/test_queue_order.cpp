// Who is called next: targeted transfers, then priority, then the loket's preference.
#include "antrian/queue_rules.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;

TEST_CASE("within a service, arrival order") {
  TestOffice o;
  o.open(1);
  o.issue("A");
  o.now += 1000;
  o.issue("A");
  CHECK(o.call_next(1) == "A-001");
  o.ok(cmd::no_show, {{"counter", 1}});
  CHECK(o.call_next(1) == "A-002");
}

TEST_CASE("priority applicants (lansia, disabilitas, ibu hamil) go first, in arrival order") {
  TestOffice o;
  o.open(1);
  o.issue("A");
  o.now += 1000;
  o.issue("A", "lansia");
  o.now += 1000;
  o.issue("A", "ibu_hamil");
  o.now += 1000;
  o.issue("A");
  std::vector<std::string> order;
  for (int i = 0; i < 4; ++i) {
    order.push_back(o.call_next(1));
    o.ok(cmd::no_show, {{"counter", 1}});
  }
  CHECK(order == std::vector<std::string>{"A-002", "A-003", "A-001", "A-004"});
}

TEST_CASE("a loket prefers its first service, and priority beats preference") {
  TestOffice o;
  o.open(3);  // loket 3 serves B first, then A
  o.issue("A");
  o.now += 1000;
  o.issue("B");
  o.now += 1000;
  o.issue("A", "disabilitas");
  CHECK(o.call_next(3) == "A-002");  // priority of any served service first
  o.ok(cmd::no_show, {{"counter", 3}});
  CHECK(o.call_next(3) == "B-001");  // then the preferred service, though A-001 came earlier
  o.ok(cmd::no_show, {{"counter", 3}});
  CHECK(o.call_next(3) == "A-001");
}

TEST_CASE("a halted service is skipped so the loket serves what it can") {
  TestOffice o;
  o.open(3);
  o.issue("B");
  o.issue("A");
  o.ok(cmd::resource_set, {{"resource", "blangko"}, {"stock", 0}});
  CHECK(o.call_next(3) == "A-001");
}

TEST_CASE("position in line and open lokets") {
  TestOffice o;
  const int64_t a1 = o.issue("A");
  const int64_t a2 = o.issue("A");
  const int64_t a3 = o.issue("A", "lansia");
  CHECK(ahead_of(o.state, o.ticket(a3)) == 0);
  CHECK(ahead_of(o.state, o.ticket(a1)) == 1);
  CHECK(ahead_of(o.state, o.ticket(a2)) == 2);
  CHECK(open_counters_for(o.state, "A") == 0);
  o.open(1);
  o.open(2);
  o.open(4);
  CHECK(open_counters_for(o.state, "A") == 2);
  o.ok(cmd::pause, {{"counter", 2}});
  CHECK(open_counters_for(o.state, "A") == 1);
}
