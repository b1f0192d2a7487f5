// antrian-ctl's booking commands against a real hub on a manual clock (Tue 10 Feb
// 2026, the default office: B takes bookings): book (the NIK from standard input),
// list a day without personal data, cancel by code, move a day, check in; bad input
// is a usage error (exit 2) or the hub's refusal with its reason (exit 1), and
// changes nothing.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "antrian/hub_client.h"
#include "hub_process.h"

using namespace antrian::test;
using nlohmann::json;

namespace {

std::string shell_quote(const std::string& s) { return "'" + s + "'"; }

// The NIK piped in: `printf NIK | antrian-ctl ... --nik -`.
ProcessResult ctl_with_stdin(const HubProcess& hub, const std::string& input, const std::vector<std::string>& args) {
  std::string cmd = "printf '%s\\n' " + shell_quote(input) + " | " + shell_quote(ANTRIAN_CTL_BIN) + " --hub " +
                    shell_quote(hub.address()) + " --key " + shell_quote(hub.admin_key_file()) + " --hub-key " +
                    shell_quote(hub.hub_key_file());
  for (const std::string& a : args) cmd += " " + shell_quote(a);
  return run_process({"/bin/sh", "-c", cmd});
}

}  // namespace

TEST_CASE("ctl: bookings made, listed without personal data, cancelled, moved and checked in") {
  TempDir dir;
  HubProcess hub(dir.path(), {"--manual-clock", "--clock-start", std::to_string(pinned_office_time_ms(8, 0))});
  antrian::HubClient admin(hub.client_options("admin", "ctl-booking-test", false));
  auto seq = [&] { return admin.request("snapshot", json::object()).result["seq"].get<int64_t>(); };
  const std::string today = "2026-02-10", tomorrow = "2026-02-11", thursday = "2026-02-12";
  const std::string nik = "3201014501900001", name = "Ani Wulandari", phone = "0812-1111-2222";

  auto help = run_ctl(hub, {"booking-create", "--help"});
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("--nik") != std::string::npos);
  CHECK(help.out.find("standard input") != std::string::npos);
  CHECK(run_ctl(hub, {"--help"}).out.find("booking-day") != std::string::npos);

  // Bad usage: exit 2 with what is wrong, nothing sent.
  const int64_t before = seq();
  auto bad_date = run_ctl(hub, {"booking-create", "B", "2026-02-30", "10:00", "--name", name, "--phone", phone, "--nik", nik});
  CHECK(bad_date.exit_code == 2);
  CHECK(bad_date.err.find("YYYY-MM-DD") != std::string::npos);
  CHECK(run_ctl(hub, {"booking-create", "B", today, "10:00", "--name", name, "--phone", phone}).exit_code == 2);
  auto neither = run_ctl(hub, {"booking-move", "B", today, "--reason", "x"});
  CHECK(neither.exit_code == 2);
  CHECK(neither.err.find("--to DATE") != std::string::npos);
  CHECK(run_ctl(hub, {"booking-move", "B", today, "--to", tomorrow, "--cancel", "--reason", "x"}).exit_code == 2);
  CHECK(run_ctl(hub, {"booking-cancel"}).exit_code == 2);
  CHECK(run_ctl(hub, {"booking-day", "10-02-2026"}).exit_code == 2);
  CHECK(ctl_with_stdin(hub, "", {"booking-create", "B", today, "10:00", "--name", name, "--phone", phone, "--nik", "-"})
            .exit_code == 2);  // --nik - with nothing on standard input
  // The hub's refusals: exit 1 with its reason, the NIK never echoed.
  auto bad_nik = run_ctl(hub, {"booking-create", "B", today, "10:00", "--name", name, "--phone", phone, "--nik", "3201"});
  CHECK(bad_nik.exit_code == 1);
  CHECK(bad_nik.err.find("16 digits") != std::string::npos);
  auto short_code = run_ctl(hub, {"booking-checkin", "ABC"});
  CHECK(short_code.exit_code == 1);
  CHECK(short_code.err.find("8 letters") != std::string::npos);
  CHECK(run_ctl(hub, {"booking-day", today, "--service", "A"}).exit_code == 1);  // A takes no bookings
  CHECK(seq() == before);

  // Booked with the NIK from standard input; the second for tomorrow, to be moved.
  auto made = ctl_with_stdin(hub, nik, {"--json", "booking-create", "B", today, "10:00", "--name", name, "--phone", phone, "--nik", "-"});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  const json booked = json::parse(made.out)["result"];
  const std::string code = booked["code"];
  auto other = ctl_with_stdin(hub, "3201010502850002",
                              {"booking-create", "B", today, "11:00", "--name", "Budi Santoso", "--phone", "0813 3333 4444", "--nik", "-"});
  REQUIRE(other.exit_code == 0);
  CHECK(other.out.find("pukul 11:00") != std::string::npos);
  const std::string other_code = other.out.substr(other.out.find("booking ") + 8, 8);
  REQUIRE(run_ctl(hub, {"booking-create", "B", tomorrow, "09:00", "--name", name, "--phone", phone, "--nik", nik}).exit_code == 0);

  // The day's list: counts and slots, no code, name, number or NIK.
  auto day = run_ctl(hub, {"booking-day", today});
  CHECK(day.exit_code == 0);
  CHECK(day.out.find("B  booked 2, checked in 0") != std::string::npos);
  CHECK(day.out.find(" B 10:00 booked") != std::string::npos);
  for (const std::string& secret : {code, other_code, name, nik, std::string("1111"), booked["token"].get<std::string>()})
    CHECK(day.out.find(secret) == std::string::npos);

  // Cancelled by its code (the citizen rang the office); twice is refused.
  auto cancelled = run_ctl(hub, {"booking-cancel", "--code", other_code});
  CHECK(cancelled.exit_code == 0);
  CHECK(cancelled.out.find("11:00 cancelled") != std::string::npos);
  auto again = run_ctl(hub, {"booking-cancel", "--code", other_code});
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("cancelled already") != std::string::npos);

  // Tomorrow moved to Thursday in one action.
  auto moved = run_ctl(hub, {"booking-move", "B", tomorrow, "--to", thursday, "--reason", "printer kartu rusak"});
  CHECK(moved.exit_code == 0);
  CHECK(moved.out.find("1 bookings moved to " + thursday) != std::string::npos);
  CHECK(run_ctl(hub, {"booking-day", tomorrow, "--counts"}).out.find("moved away 1") != std::string::npos);
  CHECK(run_ctl(hub, {"booking-day", thursday}).out.find("moved from " + tomorrow + " 09:00") != std::string::npos);

  // 09:45: Ani checks in with her code (typed with a dash).
  REQUIRE(admin.request("clock_set", {{"now", pinned_office_time_ms(9, 45)}}).ok);
  auto in = run_ctl(hub, {"booking-checkin", code.substr(0, 4) + "-" + code.substr(4)});
  CHECK(in.exit_code == 0);
  CHECK(in.out.find("B-001 waiting") != std::string::npos);
  auto counts = run_ctl(hub, {"booking-day", today, "--counts"});
  CHECK(counts.out.find("B  booked 0, checked in 1, expired 0, cancelled 1") != std::string::npos);
  CHECK(counts.out.find("#") == std::string::npos);  // counts only
}
