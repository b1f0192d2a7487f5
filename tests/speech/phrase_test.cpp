#include <doctest/doctest.h>

#include <string>

#include "antrian/speech/call_template.h"
#include "antrian/speech/phrase.h"

using antrian::Lang;
using namespace antrian::speech;

TEST_CASE("phrase: the default templates are in the strings table") {
  CHECK(antrian::has_string(kCallTemplateKey));
  CHECK(antrian::has_string(kRecallTemplateKey));
  // Every default must pass the same validation an office's own wording does.
  for (Lang lang : {Lang::id, Lang::en}) {
    CHECK(template_error(antrian::tr(kCallTemplateKey, lang)) == "");
    CHECK(template_error(antrian::tr(kRecallTemplateKey, lang)) == "");
  }
}

TEST_CASE("phrase: A-001 at loket 3, digit by digit") {
  auto p = call_phrase({"A-001", 3, "", 0}, Lang::id);
  REQUIRE_MESSAGE(p.ok(), p.error());
  CHECK(*p == "Nomor antrian, A, nol, nol, satu, silakan menuju loket tiga");
}

TEST_CASE("phrase: recall and English") {
  auto recall = call_phrase({"B-012", 12, "", 1}, Lang::id);
  REQUIRE_MESSAGE(recall.ok(), recall.error());
  CHECK(*recall ==
        "Panggilan ulang, nomor antrian, B, nol, satu, dua, silakan menuju loket dua belas");

  auto en = call_phrase({"A-001", 3, "", 0}, Lang::en);
  REQUIRE_MESSAGE(en.ok(), en.error());
  CHECK(*en == "Queue number, A, zero, zero, one, please proceed to counter three");

  auto en_recall = call_phrase({"C-120", 2, "", 2}, Lang::en);
  REQUIRE_MESSAGE(en_recall.ok(), en_recall.error());
  CHECK(*en_recall ==
        "Repeat call, queue number, C, one, two, zero, please proceed to counter two");
}

TEST_CASE("phrase: whole-number reading") {
  PhraseOptions o;
  o.reading = TicketReading::whole_number;
  auto p = call_phrase({"A-123", 3, "", 0}, Lang::id, o);
  REQUIRE_MESSAGE(p.ok(), p.error());
  CHECK(*p == "Nomor antrian, A, seratus dua puluh tiga, silakan menuju loket tiga");
  CHECK(*ticket_words("A-001", Lang::id, TicketReading::whole_number) == "A, satu");
  CHECK(*ticket_words("D-011", Lang::id, TicketReading::whole_number) == "D, sebelas");
  CHECK(*ticket_words("E-100", Lang::en, TicketReading::whole_number) == "E, one hundred");
}

TEST_CASE("phrase: ticket labels") {
  CHECK(*ticket_words("A-001", Lang::id) == "A, nol, nol, satu");
  CHECK(*ticket_words("a001", Lang::id) == "A, nol, nol, satu");
  CHECK(*ticket_words("AB-90", Lang::id) == "A, B, sembilan, nol");
  for (const char* bad : {"", "-001", "A-", "A", "001", "A-0x1", "ABCD-1", "A--1", "A 001",
                          "A-1234567890"}) {
    CAPTURE(bad);
    auto w = ticket_words(bad, Lang::id);
    CHECK_FALSE(w.ok());
    CHECK(w.error().find("like A-001") != std::string::npos);
  }
}

TEST_CASE("phrase: an office's own template") {
  PhraseOptions o;
  o.call_template = "Nomor {ticket}, layanan {service}, ke loket {counter}.";
  auto p = call_phrase({"C-007", 5, "Kartu Keluarga", 0}, Lang::id, o);
  REQUIRE_MESSAGE(p.ok(), p.error());
  CHECK(*p == "Nomor C, nol, nol, tujuh, layanan Kartu Keluarga, ke loket lima.");

  // The override is for calls only; a recall still uses the default recall wording.
  auto r = call_phrase({"C-007", 5, "Kartu Keluarga", 1}, Lang::id, o);
  REQUIRE_MESSAGE(r.ok(), r.error());
  CHECK(*r == "Panggilan ulang, nomor antrian, C, nol, nol, tujuh, silakan menuju loket lima");

  // {service} with no service name: a reason, not a gap in the sentence.
  auto missing = call_phrase({"C-007", 5, "", 0}, Lang::id, o);
  CHECK_FALSE(missing.ok());
  CHECK(missing.error().find("{service}") != std::string::npos);
}

TEST_CASE("phrase: bad templates are refused with a reason") {
  struct Case {
    const char* tpl;
    const char* reason_part;
  } cases[] = {
      {"Nomor {tiket}, loket {counter}", "unknown placeholder {tiket} at character 7"},
      {"Nomor {ticket}, loket {Counter}", "unknown placeholder {Counter}"},
      {"Nomor {ticket, loket {counter}", "not closed"},
      {"Nomor {ticket}, loket {counter", "not closed"},
      {"Nomor ticket}, loket {counter}", "without its '{'"},
      {"Nomor antrian, silakan menuju loket {counter}", "must contain {ticket}"},
      {"Nomor antrian {ticket}", "must contain {counter}"},
      {"", "empty"},
      {" , . ", "empty"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.tpl);
    const std::string err = template_error(c.tpl);
    CHECK(err.find(c.reason_part) != std::string::npos);
  }
  CHECK(template_error(std::string(400, 'x') + "{ticket}{counter}").find("at most 300") !=
        std::string::npos);

  PhraseOptions o;
  o.call_template = "Nomor {nomor}, loket {counter}";
  auto p = call_phrase({"A-001", 3, "", 0}, Lang::id, o);
  REQUIRE_FALSE(p.ok());
  CHECK(p.error() ==
        "call template: unknown placeholder {nomor} at character 7; use {ticket}, {counter} "
        "or {service}");
}

TEST_CASE("phrase: counter numbers out of range") {
  for (int counter : {0, -1, 1000}) {
    CAPTURE(counter);
    auto p = call_phrase({"A-001", counter, "", 0}, Lang::id);
    CHECK_FALSE(p.ok());
    CHECK(p.error().find("counter number") != std::string::npos);
  }
  CHECK(*call_phrase({"A-001", 999, "", 0}, Lang::id) ==
        "Nomor antrian, A, nol, nol, satu, silakan menuju loket sembilan ratus sembilan puluh "
        "sembilan");
}

TEST_CASE("phrase: parsed template pieces") {
  auto t = parse_call_template("{ticket} ke {counter}");
  REQUIRE(t.ok());
  REQUIRE(t->pieces.size() == 3);
  CHECK(t->pieces[0].is_slot);
  CHECK(t->pieces[0].slot == Slot::ticket);
  CHECK_FALSE(t->pieces[1].is_slot);
  CHECK(t->pieces[1].text == " ke ");
  CHECK(t->pieces[2].slot == Slot::counter);
  CHECK_FALSE(t->uses(Slot::service));
}
