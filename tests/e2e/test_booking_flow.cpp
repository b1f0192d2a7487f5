// Bookings against a real hub on a manual clock (issue 17 part 3, "done when"):
// walk-ins and bookings for e-KTP printing share one fair line at the kiosk's
// check-in and the counter's call_next; a booking not checked in by the grace
// expires and is counted; printing halts on a booked day and one action moves every
// booking, each booker getting a message through the webhook. Bad input to every new
// command is refused with a reason and changes nothing; names, numbers and NIKs never
// reach the log, the published events or /api/state; one NIK books once a day.
#include <doctest/doctest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "antrian/office_config.h"
#include "eventually.h"
#include "hub_process.h"
#include "webhook_receiver.h"

using namespace antrian::test;
using nlohmann::json;

namespace {

// The default office (B takes bookings: slots of an hour, 12 served, 6 bookable),
// B served only at loket 3, messages to a webhook.
std::vector<std::string> booking_office(const std::string& dir, const std::string& webhook) {
  auto cfg = json::parse(antrian::default_office_json());
  for (json& c : cfg["counters"]) {
    if (c["number"] == 2) c["services"] = {"A"};
    if (c["number"] == 3) c["services"] = {"B"};
  }
  cfg["messages"] = {{"webhook", {{"url", webhook}, {"timeout_s", 2}}}, {"retry", {{"first_s", 1}, {"max_s", 1}}}};
  std::filesystem::create_directories(dir);
  const std::string file = dir + "/booking-office.json";
  std::ofstream(file) << cfg.dump(2);
  return {"--config", file};
}

json ok(antrian::HubClient& c, std::string_view cmd, json args) {
  auto r = c.request(cmd, args);
  INFO(cmd, " ", args.dump(), " -> ", r.error.code, " ", r.error.reason);
  REQUIRE(r.ok);
  return r.result;
}

int64_t seq_of(antrian::HubClient& c) { return ok(c, "snapshot", json::object())["seq"].get<int64_t>(); }

// Refused with `code` and a reason; the log did not move.
std::string refused(antrian::HubClient& c, std::string_view cmd, json args, std::string_view code) {
  const int64_t before = seq_of(c);
  auto r = c.request(cmd, args);
  INFO(cmd, " ", args.dump(), " -> ", r.error.code, " ", r.error.reason);
  CHECK_FALSE(r.ok);
  CHECK(r.error.code == code);
  CHECK_FALSE(r.error.reason.empty());
  CHECK(seq_of(c) == before);
  return r.error.reason;
}

std::string database_text(const std::string& db_path) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT type || actor || data FROM events UNION ALL SELECT json FROM entities "
                         "UNION ALL SELECT reply FROM requests", -1, &st, nullptr);
  std::string all;
  while (sqlite3_step(st) == SQLITE_ROW) all += reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  return all;
}

struct Person {
  std::string name, phone, nik;
};
const Person kAni{"Ani Wulandari", "0812-1111-2222", "3201014501900001"};
const Person kBudi{"Budi Santoso", "0813 3333 4444", "3201010502850002"};
const Person kCitra{"Citra Lestari", "+62 857 5555 6666", "3201016003950003"};
const Person kDedi{"Dedi Kurniawan", "0878 7777 8888", "3201011204800004"};

json book(antrian::HubClient& admin, const Person& p, const std::string& date, const std::string& slot) {
  return ok(admin, "booking_create",
            {{"service", "B"}, {"date", date}, {"slot", slot}, {"name", p.name}, {"phone", p.phone}, {"nik", p.nik}});
}

}  // namespace

TEST_CASE("booking: one fair line with walk-ins, expiry counted, a halted day moved with a message to each") {
  TempDir dir;
  WebhookReceiver gateway;
  gateway.start();
  auto args = booking_office(dir.path() + "/cfg", gateway.url());
  args.insert(args.end(), {"--manual-clock", "--clock-start", std::to_string(pinned_office_time_ms(8, 0))});
  HubProcess hub(dir.path() + "/data", args);
  antrian::HubClient admin(hub.client_options("admin", "booking-admin", false));
  antrian::HubClient kiosk(hub.client_options("kiosk", "kiosk-1", false));
  auto at = [&](int hh, int mm) { REQUIRE(admin.request("clock_set", {{"now", pinned_office_time_ms(hh, mm)}}).ok); };
  const std::string today = "2026-02-10", tomorrow = "2026-02-11", thursday = "2026-02-12";

  // Bad input to every new command: a reason, nothing changed.
  json good = {{"service", "B"}, {"date", today}, {"slot", "10:00"}, {"name", kAni.name}, {"phone", kAni.phone},
               {"nik", kAni.nik}};
  auto with = [&](const char* field, json value) {
    json a = good;
    if (value.is_null()) a.erase(field);
    else a[field] = value;
    return a;
  };
  CHECK(refused(admin, "booking_create", with("nik", "12345"), "bad_request").find("16 digits") != std::string::npos);
  CHECK(refused(admin, "booking_create", with("nik", nullptr), "bad_request").find("args.nik") != std::string::npos);
  const std::string phone_reason = refused(admin, "booking_create", with("phone", "021-555-12345"), "bad_request");
  CHECK(phone_reason.find("555") == std::string::npos);
  refused(admin, "booking_create", with("name", "<b>"), "bad_request");
  refused(admin, "booking_create", with("service", "A"), "illegal_state");
  refused(admin, "booking_create", with("date", "2026-13-01"), "bad_request");
  refused(admin, "booking_create", with("slot", "10:30"), "bad_request");
  refused(admin, "booking_create", with("date", "2026-02-14"), "office_closed");  // Saturday
  refused(admin, "booking_create", with("extra", 1), "bad_request");
  CHECK(kiosk.request("booking_create", good).error.code == "forbidden");
  refused(kiosk, "booking_checkin", {{"code", "ABC"}}, "bad_request");
  refused(kiosk, "booking_checkin", {{"code", "ABCDEFGH"}}, "not_found");
  refused(admin, "booking_cancel", {{"token", "nope"}}, "not_found");
  refused(admin, "booking_move", {{"service", "B"}, {"date", today}, {"reason", "x"}}, "bad_request");
  refused(admin, "booking_move", {{"service", "B"}, {"date", today}, {"cancel", true}, {"to_date", tomorrow}, {"reason", "x"}},
          "bad_request");
  refused(admin, "booking_move", {{"service", "B"}, {"date", today}, {"cancel", true}, {"reason", "x"}}, "not_found");

  // 08:00 four people book; one NIK books once a service and day.
  json ani = book(admin, kAni, today, "10:00");
  CHECK(ani["code"].get<std::string>().size() == 8);
  CHECK(ani["phone"] == "+62812****2222");
  json budi = book(admin, kBudi, today, "10:00");
  CHECK(refused(admin, "booking_create", with("slot", "11:00"), "illegal_state").find("one per person") != std::string::npos);
  json ani_tomorrow = book(admin, kAni, tomorrow, "09:00");  // another day: allowed
  json citra = book(admin, kCitra, tomorrow, "09:00");
  json dedi = book(admin, kDedi, tomorrow, "13:00");
  // A cancelled booking frees the NIK and the place.
  json dedi_today = book(admin, kDedi, today, "11:00");
  ok(admin, "booking_cancel", {{"token", dedi_today["token"]}});
  refused(admin, "booking_cancel", {{"token", dedi_today["token"]}}, "illegal_state");

  // 09:40 a walk-in; 09:45 Ani checks in early at the kiosk (her place: 10:00).
  at(9, 40);
  auto checkin_early = kiosk.request("booking_checkin", {{"code", budi["code"]}});
  CHECK(checkin_early.ok);  // check-in opens at 09:30
  const std::string budi_label = checkin_early.result["ticket"]["label"];
  const std::string w1 = ok(kiosk, "issue", {{"service", "B"}})["ticket"]["label"];
  at(9, 45);
  std::string typed = ani["code"].get<std::string>();
  typed = typed.substr(0, 4) + "-" + typed.substr(4);
  auto ani_ticket = ok(kiosk, "booking_checkin", {{"code", typed}});
  CHECK(ani_ticket["ticket"]["queue_at"] == pinned_office_time_ms(10, 0));
  CHECK(ani_ticket["late"] == false);
  refused(kiosk, "booking_checkin", {{"code", ani["code"]}}, "illegal_state");  // used
  at(9, 55);
  const std::string w2 = ok(kiosk, "issue", {{"service", "B"}})["ticket"]["label"];
  at(10, 5);
  const std::string w3 = ok(kiosk, "issue", {{"service", "B"}})["ticket"]["label"];

  // Loket 3 calls one fair line: walk-ins of 09:40 and 09:55, the 10:00 bookings (by
  // check-in order at equal places), then the walk-in of 10:05.
  ok(admin, "sign_in", {{"counter", 3}, {"staff", "demo1"}, {"pin", "1234"}});
  std::vector<std::string> called;
  for (int i = 0; i < 5; ++i) {
    called.push_back(ok(admin, "call_next", {{"counter", 3}})["ticket"]["label"]);
    ok(admin, "start", {{"counter", 3}});
    ok(admin, "finish", {{"counter", 3}});
  }
  CHECK(called == std::vector<std::string>{w1, w2, budi_label, ani_ticket["ticket"]["label"], w3});

  // Dedi's 11:00 was cancelled; a booking nobody checks in expires after the grace.
  at(10, 30);
  json late = book(admin, kCitra, today, "11:00");
  at(11, 16);
  json counts;
  CHECK(eventually([&] {
    counts = ok(admin, "snapshot", json::object())["state"]["booking_counts"]["B"];
    return counts["expired"] == 1;
  }));
  CHECK(counts["checked_in"] == 2);
  CHECK(counts["cancelled"] == 1);
  CHECK(refused(kiosk, "booking_checkin", {{"code", late["code"]}}, "illegal_state").find("expired") != std::string::npos);
  httplib::Client http("127.0.0.1", hub.http_port());
  auto metrics = http.Get("/metrics");
  REQUIRE(metrics);
  CHECK(metrics->body.find("antrian_bookings{service=\"B\",state=\"expired\"} 1") != std::string::npos);

  // 11:30 the card printers stop on the day before a booked day: one action moves
  // all three of tomorrow's bookings to Thursday, each booker told by the webhook.
  at(11, 30);
  const int64_t halt = ok(admin, "disruption_set", {{"resource", "printers"}, {"level", "down"}})["disruption"]["id"];
  refused(admin, "booking_move", {{"service", "B"}, {"date", tomorrow}, {"to_date", "2026-02-15"}, {"reason", "x"}},
          "office_closed");  // a Sunday
  auto moved = ok(admin, "booking_move",
                  {{"service", "B"}, {"date", tomorrow}, {"to_date", thursday}, {"reason", "printer kartu rusak"}});
  CHECK(moved["count"] == 3);
  CHECK(moved["messaged"] == 3);
  std::map<std::string, json> messages;
  REQUIRE(eventually([&] {
    messages = gateway.messages();
    return messages.size() >= 3;
  }));
  std::set<std::string> phones;
  for (const auto& [id, m] : messages) {
    CHECK(id.find("-moved-") != std::string::npos);
    const std::string text = m["text"];
    CHECK(text.find("printer kartu rusak") != std::string::npos);
    CHECK(text.find("Kamis") != std::string::npos);
    phones.insert(m["to"].get<std::string>());
  }
  CHECK(phones == std::set<std::string>{"+6281211112222", "+6285755556666", "+6287877778888"});
  bool ani_told = false;
  for (const auto& [id, m] : messages)
    if (m["to"] == "+6281211112222")
      ani_told = m["text"].get<std::string>().find(ani_tomorrow["code"].get<std::string>()) != std::string::npos;
  CHECK(ani_told);

  // The moved codes check in on Thursday, not tomorrow.
  at(24 + 9, 0);  // Wednesday 09:00
  CHECK(refused(kiosk, "booking_checkin", {{"code", citra["code"]}}, "illegal_state").find(thursday) != std::string::npos);
  at(48 + 8, 45);  // Thursday 08:45 (check-in opened 08:30)
  ok(admin, "disruption_clear", {{"id", halt}});
  CHECK(ok(kiosk, "booking_checkin", {{"code", citra["code"]}})["ticket"]["queue_at"] == pinned_office_time_ms(48 + 9, 0));

  // Personal data: never in the log, the published events or /api/state.
  const std::string log = database_text(hub.data_dir() + "/antrian.db");
  auto state = http.Get("/api/state");
  REQUIRE(state);
  for (const Person* p : {&kAni, &kBudi, &kCitra, &kDedi}) {
    CHECK(log.find(p->name) == std::string::npos);
    CHECK(log.find(p->nik) == std::string::npos);
    CHECK(state->body.find(p->name) == std::string::npos);
    CHECK(state->body.find(p->nik) == std::string::npos);
  }
  for (const char* digits : {"6281211112222", "81211112222", "6285755556666"}) {
    CHECK(log.find(digits) == std::string::npos);
    CHECK(state->body.find(digits) == std::string::npos);
  }
  CHECK(state->body.find(ani["code"].get<std::string>()) == std::string::npos);
  auto events = ok(admin, "events_since", {{"seq", 0}}).dump();
  CHECK(events.find(ani["code"].get<std::string>()) == std::string::npos);
  CHECK(events.find(ani["token"].get<std::string>()) == std::string::npos);

  // One person's data: exported with the bookings, then deleted.
  auto exported = ok(admin, "contact_export", {{"phone", kAni.phone}});
  REQUIRE(exported["bookings"].size() == 2);
  CHECK(exported["bookings"][0]["name"] == kAni.name);
  CHECK(exported.dump().find(kAni.nik) == std::string::npos);
  CHECK(ok(admin, "contact_delete", {{"phone", kAni.phone}})["bookings"] == 2);
  CHECK(ok(admin, "contact_export", {{"phone", kAni.phone}})["bookings"].empty());
}

TEST_CASE("booking: a day moved onto one where the booker has a booking keeps theirs and cancels the moved one") {
  TempDir dir;
  WebhookReceiver gateway;
  gateway.start();
  auto args = booking_office(dir.path() + "/cfg", gateway.url());
  args.insert(args.end(), {"--manual-clock", "--clock-start", std::to_string(pinned_office_time_ms(8, 0))});
  HubProcess hub(dir.path() + "/data", args);
  antrian::HubClient admin(hub.client_options("admin", "booking-admin", false));
  antrian::HubClient kiosk(hub.client_options("kiosk", "kiosk-1", false));
  const std::string tomorrow = "2026-02-11", thursday = "2026-02-12";

  // Ani booked both Wednesday and Thursday; Budi only Wednesday.
  json ani_wed = book(admin, kAni, tomorrow, "09:00");
  json ani_thu = book(admin, kAni, thursday, "13:00");
  json budi_wed = book(admin, kBudi, tomorrow, "10:00");
  auto moved = ok(admin, "booking_move",
                  {{"service", "B"}, {"date", tomorrow}, {"to_date", thursday}, {"reason", "printer kartu rusak"}});
  CHECK(moved["count"] == 1);
  CHECK(moved["duplicates"] == 1);
  CHECK(moved["messaged"] == 2);
  for (const json& b : moved["bookings"]) {
    if (b["id"] == ani_wed["booking"]["id"]) {
      CHECK(b["state"] == "cancelled");
      CHECK(b["date"] == tomorrow);
    } else {
      CHECK(b["state"] == "booked");
      CHECK(b["date"] == thursday);
    }
  }
  // Ani is told in words: the moved booking is cancelled, her Thursday one stays.
  std::map<std::string, json> messages;
  REQUIRE(eventually([&] {
    messages = gateway.messages();
    return messages.size() >= 2;
  }));
  for (const auto& [id, m] : messages) {
    const std::string text = m["text"];
    INFO(text);
    CHECK(text.find("printer kartu rusak") != std::string::npos);
    if (m["to"] == "+6281211112222") {
      CHECK(id.find("-duplicate-") != std::string::npos);
      CHECK(text.find(ani_wed["code"].get<std::string>()) != std::string::npos);
      CHECK(text.find("sudah punya booking") != std::string::npos);
      CHECK(text.find("Kamis, 12 Februari 2026 pukul 13:00, tetap berlaku") != std::string::npos);
      CHECK(text.find("...") == std::string::npos);  // one SMS, nothing cut
      CHECK(text.find(ani_thu["code"].get<std::string>()) == std::string::npos);  // only her own code of that booking
    } else {
      CHECK(id.find("-moved-") != std::string::npos);
    }
  }
  // Still one booking per NIK on Thursday: Ani's kept one, Budi's moved one.
  CHECK(refused(admin, "booking_create",
                {{"service", "B"}, {"date", thursday}, {"slot", "11:00"}, {"name", kAni.name}, {"phone", kAni.phone},
                 {"nik", kAni.nik}},
                "illegal_state")
            .find("one per person") != std::string::npos);
  refused(admin, "booking_create",
          {{"service", "B"}, {"date", thursday}, {"slot", "11:00"}, {"name", kBudi.name}, {"phone", kBudi.phone},
           {"nik", kBudi.nik}},
          "illegal_state");
  CHECK(refused(kiosk, "booking_checkin", {{"code", ani_wed["code"]}}, "illegal_state").find("cancelled") !=
        std::string::npos);
  REQUIRE(admin.request("clock_set", {{"now", pinned_office_time_ms(48 + 12, 45)}}).ok);
  CHECK(kiosk.request("booking_checkin", {{"code", ani_thu["code"]}}).ok);
  (void)budi_wed;
}
