// Why a ticket was moved (ticket_moves.h): the rule the status page and both
// displays show, read from the event that moved it.
#include "antrian/ticket_moves.h"
#include "office_fixture.h"

using namespace antrian;
using antrian::test::TestOffice;
namespace cmd = antrian::proto::cmd;

namespace {
const Ticket& newest_copy(const TestOffice& o, const std::string& label) {
  const Ticket* found = nullptr;
  for (const auto& [_, t] : o.state.tickets)
    if (t.label() == label && (!found || t.id > found->id)) found = &t;
  REQUIRE(found);
  return *found;
}
}  // namespace

TEST_CASE("a bulk-moved ticket says from where, when and the staff's reason, and the wall groups them") {
  TestOffice o;
  o.open_all_day();
  o.issue("B");
  o.issue("B");
  o.issue("A");
  o.issue("C");
  CHECK(ticket_move(o.state, newest_copy(o, "B-001")).kind.empty());  // nothing to say before the move
  CHECK(move_notices(o.state).empty());
  o.now += 30 * 60'000;  // 09:30 WIB
  o.ok(cmd::bulk_move, {{"service", "B"}, {"to_service", "F"}, {"reason", "Printer kartu rusak"}});

  const TicketMove m = ticket_move(o.state, newest_copy(o, "B-002"));
  CHECK(m.kind == "bulk_moved");
  CHECK(m.from_service == "B");
  CHECK(m.note == "Printer kartu rusak");
  CHECK(m.at == o.now);
  CHECK(m.text_id ==
        "Nomor Anda dipindahkan dari layanan Pencetakan e-KTP ke layanan ini pukul 09:30; tempat antrian Anda tetap. "
        "Alasan: Printer kartu rusak.");
  CHECK(m.text_en.find("moved from e-KTP printing to this service at 09:30") != std::string::npos);
  CHECK(m.text_en.find("Reason: Printer kartu rusak.") != std::string::npos);
  CHECK(ticket_move(o.state, newest_copy(o, "A-001")).kind.empty());  // not moved

  const auto notices = move_notices(o.state);
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].kind == "bulk_moved");
  CHECK(notices[0].labels == std::vector<std::string>{"B-001", "B-002"});
  CHECK(notices[0].title_id == "2 nomor dipindahkan ke Informasi & Pengaduan");
  CHECK(notices[0].cause_id == "B-001, B-002 dari Pencetakan e-KTP, tempat antrian tetap. Printer kartu rusak");
  CHECK(notices[0].cause_en == "B-001, B-002 from e-KTP printing, places in line kept. Printer kartu rusak");

  // Once the moved tickets are called, the wall has nothing more to say about them.
  o.open(8);
  o.call_next(8);
  CHECK(move_notices(o.state).at(0).labels == std::vector<std::string>{"B-002"});
  o.ok(cmd::start, {{"counter", 8}});
  o.ok(cmd::finish, {{"counter", 8}});
  o.call_next(8);
  CHECK(move_notices(o.state).empty());
  // A called ticket's page no longer says it is waiting because of a move.
  CHECK(ticket_move(o.state, newest_copy(o, "B-002")).kind.empty());
}

TEST_CASE("a bulk move without a reason still says where from, and closing says the reason") {
  TestOffice o;
  o.open_all_day();
  o.issue("B");
  o.issue("D");
  o.ok(cmd::bulk_move, {{"service", "B"}, {"to_service", "F"}});
  const TicketMove m = ticket_move(o.state, newest_copy(o, "B-001"));
  CHECK(m.kind == "bulk_moved");
  CHECK(m.text_id.find("Alasan") == std::string::npos);
  REQUIRE(move_notices(o.state).size() == 1);
  CHECK(move_notices(o.state)[0].cause_id == "B-001 dari Pencetakan e-KTP, tempat antrian tetap");

  o.ok(cmd::bulk_move, {{"service", "D"}, {"reason", "SIAK pusat mati sampai besok"}});
  const TicketMove closed = ticket_move(o.state, newest_copy(o, "D-001"));
  CHECK(closed.kind == "closed");
  CHECK(closed.text_id == "Alasan: SIAK pusat mati sampai besok.");
}

TEST_CASE("a ticket waiting for a loket on a break says until when, and a loket's transfer names the loket") {
  TestOffice o;
  o.open_all_day();
  o.open(1);
  o.open(2);
  o.issue("A");
  o.issue("A");
  o.call_next(1);
  o.ok(cmd::start, {{"counter", 1}});
  o.ok(cmd::transfer, {{"counter", 1}, {"to_counter", 2}, {"note", "perlu verifikasi"}});
  TicketMove m = ticket_move(o.state, newest_copy(o, "A-001"));
  CHECK(m.kind == "transferred");
  CHECK(m.loket == 1);
  CHECK(m.text_id == "Nomor Anda dialihkan oleh Loket 1 pukul 09:00; tempat antrian Anda tetap. Alasan: perlu verifikasi.");

  o.now += 5 * 60'000;
  o.ok(cmd::pause, {{"counter", 2}, {"minutes", 45}});  // 09:05 + 45 min
  m = ticket_move(o.state, newest_copy(o, "A-001"));
  CHECK(m.kind == "loket_break");
  CHECK(m.loket == 2);
  CHECK(m.text_id == "Loket 2 sedang istirahat sampai pukul 09:50; Anda dipanggil setelah loket buka kembali.");
  CHECK(m.text_en == "Loket 2 is on a break until 09:50; you are called when it opens again.");
  const auto notices = move_notices(o.state);
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].kind == "loket_break");
  CHECK(notices[0].title_id == "Loket 2 istirahat");
  CHECK(notices[0].cause_id == "A-001 menunggu Loket 2 dan dipanggil setelah loket buka kembali");
  CHECK(notices[0].when_id == "Perkiraan buka kembali pukul 09:50 WIB");
  // A-002 is not targeted at loket 2: nothing to say about it.
  CHECK(ticket_move(o.state, newest_copy(o, "A-002")).kind.empty());

  o.ok(cmd::resume, {{"counter", 2}});
  CHECK(ticket_move(o.state, newest_copy(o, "A-001")).kind == "transferred");
  CHECK(move_notices(o.state).empty());
}

TEST_CASE("label lists stay short on a wall") {
  CHECK(label_list({"B-001", "B-002"}, Lang::id) == "B-001, B-002");
  CHECK(label_list({"B-001", "B-002", "B-003", "B-004", "B-005", "B-006"}, Lang::id) ==
        "B-001, B-002, B-003, B-004 dan 2 lainnya");
  CHECK(label_list({"B-001", "B-002", "B-003", "B-004", "B-005"}, Lang::en) == "B-001, B-002, B-003, B-004 and 1 more");
}
