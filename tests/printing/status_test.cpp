// DLE EOT queries and the parser of the printer's status replies.
#include <doctest/doctest.h>

#include "antrian/printing/printer_status.h"
#include "test_util.h"

using namespace antrian::printing;
using printing_test::B;

TEST_CASE("status: DLE EOT query bytes") {
  CHECK(status_query(StatusQuery::printer) == B({0x10, 0x04, 0x01}));
  CHECK(status_query(StatusQuery::offline_cause) == B({0x10, 0x04, 0x02}));
  CHECK(status_query(StatusQuery::error_cause) == B({0x10, 0x04, 0x03}));
  CHECK(status_query(StatusQuery::paper_sensor) == B({0x10, 0x04, 0x04}));
}

TEST_CASE("status: a healthy printer") {
  for (auto q : {StatusQuery::printer, StatusQuery::offline_cause, StatusQuery::error_cause,
                 StatusQuery::paper_sensor}) {
    auto s = parse_status(q, 0x12);
    REQUIRE(s.ok());
    CHECK(s.value().describe() == "ok");
  }
}

TEST_CASE("status: paper sensor (DLE EOT 4)") {
  auto near = parse_status(StatusQuery::paper_sensor, 0x1E);
  REQUIRE(near.ok());
  CHECK(near.value().paper_near_end);
  CHECK_FALSE(near.value().paper_end);

  auto end = parse_status(StatusQuery::paper_sensor, 0x72);
  REQUIRE(end.ok());
  CHECK(end.value().paper_end);
  CHECK_FALSE(end.value().paper_near_end);

  auto both = parse_status(StatusQuery::paper_sensor, 0x7E);
  REQUIRE(both.ok());
  CHECK(both.value().paper_end);
  CHECK(both.value().paper_near_end);
  // Printers that set only one bit of each pair still count.
  CHECK(parse_status(StatusQuery::paper_sensor, 0x32).value().paper_end);
  CHECK(parse_status(StatusQuery::paper_sensor, 0x16).value().paper_near_end);
}

TEST_CASE("status: offline cause (DLE EOT 2) and printer status (DLE EOT 1)") {
  auto cover = parse_status(StatusQuery::offline_cause, 0x16);
  REQUIRE(cover.ok());
  CHECK(cover.value().cover_open);
  CHECK_FALSE(cover.value().paper_end);

  auto stop = parse_status(StatusQuery::offline_cause, 0x32);
  REQUIRE(stop.ok());
  CHECK(stop.value().paper_end);
  CHECK_FALSE(stop.value().cover_open);
  CHECK(parse_status(StatusQuery::offline_cause, 0x52).value().error);

  auto off = parse_status(StatusQuery::printer, 0x1A);
  REQUIRE(off.ok());
  CHECK(off.value().offline);
  CHECK_FALSE(parse_status(StatusQuery::printer, 0x16).value().offline);  // drawer bit only
}

TEST_CASE("status: error cause (DLE EOT 3)") {
  auto cut = parse_status(StatusQuery::error_cause, 0x1A);
  REQUIRE(cut.ok());
  CHECK(cut.value().cutter_error);
  CHECK(cut.value().error);
  CHECK(parse_status(StatusQuery::error_cause, 0x32).value().unrecoverable_error);
}

TEST_CASE("status: bytes without the fixed bits are rejected with a reason") {
  for (int b : {0x00, 0xFF, 0x10, 0x02, 0x92, 0x13}) {
    auto s = parse_status(StatusQuery::paper_sensor, static_cast<std::uint8_t>(b));
    CHECK_FALSE(s.ok());
    CHECK(s.error().find("not a DLE EOT status reply") != std::string::npos);
  }
}

TEST_CASE("status: replies merge and describe themselves") {
  PrinterStatus s = parse_status(StatusQuery::printer, 0x1A).value();
  s |= parse_status(StatusQuery::offline_cause, 0x36).value();
  s |= parse_status(StatusQuery::paper_sensor, 0x7E).value();
  CHECK(s.offline);
  CHECK(s.cover_open);
  CHECK(s.paper_end);
  CHECK(s.describe() == "paper end, paper near end, cover open, offline");
}
