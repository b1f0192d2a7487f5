// The district's configuration layer (config_layer.h) and the hub's config_apply: laid
// over the office's own settings, checked like a config file, refused whole.
#include <doctest/doctest.h>

#include "antrian/config_layer.h"
#include "office_fixture.h"

using namespace antrian;
using namespace antrian::test;
using nlohmann::json;

TEST_CASE("a site's override is laid over the district's template field by field") {
  const json tpl = {{"services", {{{"code", "A"}, {"daily_quota", 90}, {"mean_service_s", 400}}}},
                    {"calendar", {{"hours", {{"mon", "08:00-15:00"}, {"sat", "closed"}}}, {"last_ticket_minutes", 30}}},
                    {"holidays", {{{"date", "2026-12-24"}, {"reason_id", "Cuti bersama"}}}}};
  const json over = {{"services", {{{"code", "A"}, {"daily_quota", 40}}, {{"code", "C"}, {"daily_quota", 10}}}},
                     {"calendar", {{"hours", {{"sat", "08:00-12:00"}}}}},
                     {"holidays", {{{"date", "2026-12-24"}, {"reason_id", "Libur kabupaten"}}, {{"date", "2026-12-31"}, {"reason_id", "Akhir tahun"}}}}};
  const json m = merge_config_layers(tpl, over);
  REQUIRE(m["services"].size() == 2u);
  CHECK(m["services"][0]["daily_quota"] == 40);
  CHECK(m["services"][0]["mean_service_s"] == 400);
  CHECK(m["calendar"]["hours"]["mon"] == "08:00-15:00");
  CHECK(m["calendar"]["hours"]["sat"] == "08:00-12:00");
  CHECK(m["calendar"]["last_ticket_minutes"] == 30);
  REQUIRE(m["holidays"].size() == 2u);
  CHECK(m["holidays"][0]["reason_id"] == "Libur kabupaten");
}

TEST_CASE("config_apply lays the layer over the office, logs config_applied, and refuses a misfit whole") {
  TestOffice o;
  auto d = o.run("config_apply", {{"version", 7},
                                   {"doc", {{"services", {{{"code", "A"}, {"daily_quota", 90}}}},
                                            {"calendar", {{"hours", {{"sat", "08:00-12:00"}}}}},
                                            {"holidays", {{{"date", "2026-12-24"}, {"reason_id", "Cuti bersama"}}}}}}});
  REQUIRE_MESSAGE(d, d.error().reason);
  REQUIRE(d->events.size() == 1u);
  CHECK(d->events[0].type == "config_applied");
  CHECK(d->events[0].data["version"] == 7);
  CHECK(o.state.services.at("A").daily_quota == 90);
  CHECK(o.state.services.at("B").daily_quota == 200);  // the rest as the office had it
  CHECK(o.state.counters.size() == 8u);
  CHECK(o.state.closures.count("2026-12-24") == 1u);
  CHECK(o.state.office.hours.week[6].is_open());
  const auto before = o.state.services.at("A").daily_quota;
  for (const json& bad : {json{{"services", {{{"code", "B"}, {"alternative_service", "Z"}}}}},
                          json{{"services", {{{"code", "A"}, {"daily_quota", 20000}}}}},
                          json{{"calendar", {{"hours", {{"fri", "16:00-09:00"}}}}}},
                          json{{"quotas", json::object()}}}) {
    CAPTURE(bad.dump());
    auto r = o.run("config_apply", {{"version", 8}, {"doc", bad}});
    REQUIRE(!r);
    CHECK(r.error().code == "bad_request");
    CHECK(r.error().reason.find("nothing was changed") != std::string::npos);
  }
  CHECK(o.state.services.at("A").daily_quota == before);
  CHECK(!o.run("config_apply", {{"version", 0}, {"doc", json::object()}}));
  CHECK(!o.run("config_apply", {{"version", 9}, {"doc", "x"}}));
  CHECK(!proto::role_allows("counter", "config_apply"));
  CHECK(proto::role_allows("admin", "config_apply"));
}
