// Bookings from the shell (issue 17 part 3): book for a citizen (the office on the
// phone), check a code in, cancel, move or cancel a service's day, and list a day's
// counts and slots. booking-day shows no code, name, number or NIK: it is for
// planning the day. The NIK can be read from standard input (--nik -) so it stays out
// of the shell's history and the process list.
#include <iostream>
#include <memory>

#include "antrian/office_calendar.h"
#include "ctl.h"

namespace antrian::ctl {
namespace {

using nlohmann::json;

// A date argument checked here, so a typo is a usage error (exit 2) before any hub.
void check_date(const std::string& sub, const char* what, const std::string& date) {
  if (!valid_date(date))
    throw CLI::ValidationError(sub, std::string(what) + " \"" + date + "\" is not a real date written YYYY-MM-DD");
}

// "-": one line from standard input (trailing spaces and the newline dropped).
std::string value_or_stdin(const std::string& sub, const char* what, const std::string& value) {
  if (value != "-") return value;
  std::string line;
  std::getline(std::cin, line);
  while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
  if (line.empty()) throw CLI::ValidationError(sub, std::string(what) + " -: nothing on standard input");
  return line;
}

int count_of(const json& r, const char* field) { return r.contains(field) && r[field].is_number() ? r[field].get<int>() : 0; }

}  // namespace

void add_booking_commands(CLI::App& app, Plan& plan) {
  namespace c = proto::cmd;
  {
    auto* sc = app.add_subcommand("booking-create", "Book a slot for a citizen (one booking per NIK per service per day); prints the code");
    auto service = std::make_shared<std::string>();
    auto date = std::make_shared<std::string>();
    auto slot = std::make_shared<std::string>();
    auto name = std::make_shared<std::string>();
    auto phone = std::make_shared<std::string>();
    auto nik = std::make_shared<std::string>();
    sc->add_option("service", *service, "The service's code, e.g. B")->required();
    sc->add_option("date", *date, "The day, YYYY-MM-DD")->required();
    sc->add_option("slot", *slot, "The slot's start, HH:MM (booking-day DATE shows them)")->required();
    sc->add_option("--name", *name, "The name as on the KTP")->required();
    sc->add_option("--phone", *phone, "A mobile number for the messages, e.g. 0812 3456 7890")->required();
    sc->add_option("--nik", *nik, "The 16-digit NIK, or - to read it from standard input (kept out of history)")->required();
    sc->callback([&plan, service, date, slot, name, phone, nik] {
      check_date("booking-create", "DATE", *date);
      plan.cmd = c::booking_create;
      plan.args = {{"service", *service}, {"date", *date},   {"slot", *slot},
                   {"name", *name},       {"phone", *phone}, {"nik", value_or_stdin("booking-create", "--nik", *nik)}};
    });
  }
  {
    auto* sc = app.add_subcommand("booking-checkin", "A booker arrives: the 8-character booking code becomes a ticket");
    auto code = std::make_shared<std::string>();
    sc->add_option("code", *code, "The booking code, e.g. K7M2QX9P (spaces and - ignored)")->required();
    sc->callback([&plan, code] {
      plan.cmd = c::booking_checkin;
      plan.args = {{"code", *code}};
    });
  }
  {
    auto* sc = app.add_subcommand("booking-cancel", "Cancel one booking: by its link's token, or by its code (the citizen asked)");
    auto token = std::make_shared<std::string>();
    auto code = std::make_shared<std::string>();
    sc->add_option("token", *token, "The token of the booking's confirmation link (/booking/TOKEN)");
    sc->add_option("--code", *code, "Instead of TOKEN: the 8-character booking code");
    sc->callback([&plan, token, code] {
      if (token->empty() == code->empty()) throw CLI::ValidationError("booking-cancel", "give TOKEN or --code CODE (not both)");
      plan.cmd = c::booking_cancel;
      plan.args = code->empty() ? json{{"token", *token}} : json{{"code", *code}};
    });
  }
  {
    auto* sc = app.add_subcommand("booking-move",
                                  "Move (--to) or cancel (--cancel) every open booking of a service on a day; each booker gets a message");
    auto service = std::make_shared<std::string>();
    auto date = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    auto reason = std::make_shared<std::string>();
    auto cancel = std::make_shared<bool>(false);
    sc->add_option("service", *service, "The service's code, e.g. B")->required();
    sc->add_option("date", *date, "The booked day, YYYY-MM-DD")->required();
    sc->add_option("--to", *to, "The day they move to, YYYY-MM-DD (same time, else the nearest with room)");
    sc->add_flag("--cancel", *cancel, "Cancel them instead of moving them");
    sc->add_option("--reason", *reason, "Why, said in each message, e.g. \"printer kartu rusak\"")->required();
    sc->callback([&plan, service, date, to, reason, cancel] {
      check_date("booking-move", "DATE", *date);
      if (to->empty() != *cancel) throw CLI::ValidationError("booking-move", "give --to DATE (move them) or --cancel, one of the two");
      if (!to->empty()) check_date("booking-move", "--to", *to);
      plan.cmd = c::booking_move;
      plan.args = {{"service", *service}, {"date", *date}, {"reason", *reason}};
      if (*cancel) plan.args["cancel"] = true;
      else plan.args["to_date"] = *to;
    });
  }
  {
    auto* sc = app.add_subcommand("booking-day", "A day's bookings: counts per service and each slot's state (no codes, no personal data)");
    auto date = std::make_shared<std::string>();
    auto service = std::make_shared<std::string>();
    auto counts_only = std::make_shared<bool>(false);
    sc->add_option("date", *date, "The day, YYYY-MM-DD (today and later; earlier days: /reports)")->required();
    sc->add_option("--service", *service, "Only this service");
    sc->add_flag("--counts", *counts_only, "Only the counts, not each booking");
    sc->callback([&plan, date, service, counts_only] {
      check_date("booking-day", "DATE", *date);
      plan.cmd = c::booking_day;
      plan.args = {{"date", *date}};
      if (!service->empty()) plan.args["service"] = *service;
      plan.brief = *counts_only;
    });
  }
}

bool print_booking_reply(const std::string& cmd, const json& r, bool counts_only) {
  namespace c = proto::cmd;
  if (cmd == c::booking_create) {
    std::cout << "booking " << r.value("code", "") << ": " << r.value("when_id", "") << " / " << r.value("when_en", "")
              << ", messages to " << r.value("phone", "") << "\nconfirmation link token: " << r.value("token", "") << "\n";
    return true;
  }
  if (cmd == c::booking_cancel) {
    const json& b = r.value("booking", json::object());
    std::cout << "booking " << b.value("service", "") << " " << b.value("date", "") << " " << b.value("slot", "")
              << " cancelled\n";
    return true;
  }
  if (cmd == c::booking_move) {
    if (r.value("cancelled", false))
      std::cout << count_of(r, "count") << " bookings cancelled";
    else
      std::cout << count_of(r, "count") << " bookings moved to " << r.value("to_date", "");
    if (count_of(r, "duplicates") > 0)
      std::cout << ", " << count_of(r, "duplicates") << " cancelled because their booker keeps a booking on "
                << r.value("to_date", "");
    std::cout << ", " << count_of(r, "messaged") << " bookers sent a message\n";
    return true;
  }
  if (cmd == c::booking_day) {
    std::cout << "Bookings " << r.value("date", "") << ":\n";
    const json counts = r.value("counts", json::object());
    if (counts.empty()) std::cout << "  no service takes bookings\n";
    for (const auto& [svc, n] : counts.items())
      std::cout << "  " << svc << "  booked " << n.value("booked", 0) << ", checked in " << n.value("checked_in", 0)
                << ", expired " << n.value("expired", 0) << ", cancelled " << n.value("cancelled", 0) << ", moved away "
                << n.value("moved", 0) << "\n";
    if (counts_only) return true;
    for (const json& b : r.value("bookings", json::array())) {
      std::cout << "  #" << b.value("id", 0) << " " << b.value("service", "") << " " << b.value("slot", "") << " "
                << b.value("state", "");
      if (b.contains("ticket")) std::cout << " (" << b["ticket"].get<std::string>() << ")";
      if (!b.value("cancelled_by", "").empty()) std::cout << " by " << b["cancelled_by"].get<std::string>();
      if (!b.value("moved_from", "").empty()) std::cout << ", moved from " << b["moved_from"].get<std::string>();
      std::cout << "\n";
    }
    return true;
  }
  return false;
}

}  // namespace antrian::ctl
