// The survey tablet's view model (antrian-kiosk --survey) on an office run by the
// hub's own rules: the number typed or scanned, the hub's survey_status before any
// question, the nine elements one per screen with Back, survey_submit, the thank-you;
// every refusal in plain words (unknown number, not finished, answered already, the
// hub unreachable at the check and at the submit, where the answers are kept and sent
// again); and the idle reset that leaves nothing of one person for the next.
#include <doctest/doctest.h>

#include "antrian/kiosk/survey_model.h"
#include "test_office.h"

using namespace antrian;
using namespace antrian::kiosk;
using kiosk_test::TestOffice;
using json = nlohmann::json;

namespace {

struct Tablet {
  TestOffice office;
  SurveyModel model;
  int64_t t = 1000;

  Tablet() : model(kiosk_test::settings("none")) {
    model.set_office(office.snapshot(), t);
    model.set_connection(true, true, t);
  }
  Effects tap(std::string_view key) {
    auto r = model.tap(key, t);
    INFO("tap ", key, " on ", to_string(model.screen()));
    REQUIRE(r.accepted);
    return r.effects;
  }
  bool refused(std::string_view key) { return !model.tap(key, t).accepted; }
  View view() const { return model.view(t); }
  // The hub's real answer (the office runs the hub's rules, as a kiosk key).
  Effects answer(const Effects& fx) {
    REQUIRE(fx.request);
    return model.on_request_reply(*fx.request, office.request(fx.request->cmd, fx.request->args, "kiosk"), t);
  }
  Effects unreachable(const Effects& fx) {
    REQUIRE(fx.request);
    return model.on_request_reply(*fx.request,
                                  proto::error_reply("x", make_error("unreachable", "no answer from the hub")), t);
  }
  // Types a number on the keypad and presses "Mulai survei".
  Effects enter(const std::string& keys) {
    for (char c : keys) tap(std::string("key:") + c);
    return tap("key:ok");
  }
  // A ticket of A issued and served to the end at loket 1: "A-001" etc.
  std::string served() {
    const std::string label = office.ok(proto::cmd::issue, {{"service", "A"}})["ticket"]["label"];
    if (office.state.counters.at(1).staff.empty()) office.open(1, "ani");
    office.ok(proto::cmd::call_next, {{"counter", 1}});
    office.ok(proto::cmd::start, {{"counter", 1}});
    office.ok(proto::cmd::finish, {{"counter", 1}});
    return label;
  }
  const Ticket& ticket(const std::string& label) const {
    for (const auto& [id, tk] : office.state.tickets)
      if (tk.label() == label) return tk;
    FAIL("no ticket " << label);
    return office.state.tickets.begin()->second;
  }
};

bool contains(const std::string& s, std::string_view part) { return s.find(part) != std::string::npos; }

int surveyed_steps(const Ticket& tk) {
  int n = 0;
  for (const TicketStep& st : tk.history) n += st.what == "surveyed";
  return n;
}

}  // namespace

TEST_CASE("model: survey: a served ticket answers nine questions one per screen, with Back, once") {
  Tablet k;
  const std::string label = k.served();
  CHECK(label == "A-001");
  View v = k.view();
  REQUIRE(v.screen == ScreenId::survey_start);
  CHECK(v.survey.title == "Bagaimana layanan kami hari ini?");
  CHECK(v.survey.title_en == "How was our service today?");
  CHECK_FALSE(v.survey.primary_enabled);  // nothing typed yet
  CHECK(k.refused("key:ok"));
  // The keypad has the office's ticket letters and the digits, nothing else.
  CHECK(std::find(v.survey.keys.begin(), v.survey.keys.end(), "key:A") != v.survey.keys.end());
  CHECK(std::find(v.survey.keys.begin(), v.survey.keys.end(), "key:0") != v.survey.keys.end());
  CHECK(std::find(v.survey.keys.begin(), v.survey.keys.end(), "key:Z") == v.survey.keys.end());
  CHECK(k.refused("key:Z"));

  // "A1" typed (a slip, deleted, typed again): the hub is asked before any question.
  k.tap("key:A");
  k.tap("key:7");
  k.tap("key:del");
  k.tap("key:1");
  CHECK(k.view().survey.typed == "A-1");
  Effects fx = k.tap("key:ok");
  REQUIRE(fx.request);
  CHECK(fx.request->cmd == "survey_status");
  CHECK(fx.request->args == json{{"ticket", "A-001"}});
  CHECK(k.model.screen() == ScreenId::survey_wait);
  CHECK(k.refused("key:1"));  // nothing to touch while the hub is asked
  k.answer(fx);

  // Question 1 of 9: the element, the question and four answers, Indonesian first.
  v = k.view();
  REQUIRE(v.screen == ScreenId::survey_question);
  CHECK(v.survey.step == 1);
  CHECK(v.survey.steps == 9);
  CHECK(v.survey.progress == "Pertanyaan 1 dari 9");
  CHECK(v.survey.progress_en == "Question 1 of 9");
  CHECK(v.survey.ticket_text == "Nomor antrian A-001");
  CHECK(v.survey.title == "Persyaratan");
  CHECK(v.survey.body == "Bagaimana kesesuaian persyaratan pelayanan dengan jenis pelayanannya?");
  CHECK(v.survey.body_en == "Do the requirements fit the service?");
  REQUIRE(v.survey.answers.size() == 4);
  CHECK(v.survey.answers[0].key == "answer:1");
  CHECK(v.survey.answers[0].label == "Tidak sesuai");
  CHECK(v.survey.answers[3].label == "Sangat sesuai");
  CHECK(v.survey.answers[3].label_en == "Very fitting");
  CHECK(k.refused("answer:5"));

  // Answer, go back and see the answer marked, change it.
  k.tap("answer:3");
  v = k.view();
  CHECK(v.survey.step == 2);
  CHECK(v.survey.title == "Prosedur");
  CHECK(v.survey.answers[3].label == "Sangat mudah");
  k.tap("back");
  v = k.view();
  CHECK(v.survey.step == 1);
  CHECK(v.survey.answers[2].chosen);
  CHECK_FALSE(v.survey.answers[3].chosen);
  k.tap("answer:4");
  const int rest[] = {4, 3, 4, 3, 4, 4, 3, 3};
  for (int i = 0; i < 7; ++i) CHECK(k.tap("answer:" + std::to_string(rest[i])).empty());
  CHECK(k.view().survey.title == "Penanganan pengaduan");
  CHECK(k.view().survey.answers[3].label == "Dikelola dengan baik");
  fx = k.tap("answer:3");
  REQUIRE(fx.request);
  CHECK(fx.request->cmd == "survey_submit");
  CHECK(fx.request->args == json{{"ticket", "A-001"}, {"answers", {4, 4, 3, 4, 3, 4, 4, 3, 3}}});
  CHECK(k.model.screen() == ScreenId::survey_wait);
  CHECK(k.view().survey.body == "Menyimpan jawaban Anda");
  const int64_t seq = k.office.state.seq;
  k.answer(fx);
  CHECK(k.office.state.seq == seq + 1);  // survey_answered, in the log
  CHECK(surveyed_steps(k.ticket("A-001")) == 1);

  // Thanks; nothing of the answers stays; the start again after 10 s.
  v = k.view();
  REQUIRE(v.screen == ScreenId::survey_thanks);
  CHECK(v.survey.title == "Terima kasih!");
  CHECK(contains(v.survey.body, "A-001 sudah tersimpan"));
  CHECK(k.model.answers() == SurveyAnswers{});
  CHECK(k.model.next_deadline_ms() == k.t + kSurveyThanksMs);
  k.t += kSurveyThanksMs;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::survey_start);
  CHECK(k.view().survey.typed.empty());

  // The same number again: the hub says it has answered, before any question.
  fx = k.enter("A1");
  k.answer(fx);
  v = k.view();
  REQUIRE(v.screen == ScreenId::survey_refused);
  CHECK(v.survey.title == "Survei untuk nomor A-001 sudah diisi");
  CHECK(contains(v.survey.body, "satu kali"));
  CHECK(v.survey.primary_key == "done");
  k.tap("done");
  CHECK(k.model.screen() == ScreenId::survey_start);
  CHECK(surveyed_steps(k.ticket("A-001")) == 1);
}

TEST_CASE("model: survey: each refusal in plain words, and nothing changes") {
  Tablet k;
  const int64_t seq = k.office.state.seq;
  // Not a ticket number at all: said on the keypad, the hub is not asked.
  CHECK_FALSE(k.enter("7").request);
  View v = k.view();
  CHECK(v.screen == ScreenId::survey_start);
  CHECK(v.survey.message == "Nomor antrian berisi huruf lalu angka, misalnya A-006.");
  CHECK(v.survey.typed.empty());

  // Unknown today.
  Effects fx = k.enter("B42");
  k.answer(fx);
  v = k.view();
  REQUIRE(v.screen == ScreenId::survey_refused);
  CHECK(v.survey.title == "Nomor B-042 tidak ditemukan hari ini.");
  CHECK(v.survey.title_en == "No ticket B-042 today.");
  CHECK(contains(v.survey.body, "Periksa nomor"));
  CHECK_FALSE(v.survey.detail.empty());  // the hub's reason, small, for staff
  k.tap("done");

  // Waiting, then called: not finished, and said what the ticket is doing.
  k.office.ok(proto::cmd::issue, {{"service", "A"}});
  k.office.open(1, "ani");
  fx = k.enter("A1");
  k.answer(fx);
  v = k.view();
  REQUIRE(v.screen == ScreenId::survey_refused);
  CHECK(v.survey.title == "Survei belum dapat diisi");
  CHECK(v.survey.body == "Nomor A-001 masih menunggu dipanggil. Survei dapat diisi setelah layanan Anda selesai.");
  CHECK(contains(v.survey.body_en, "still waiting"));
  k.tap("done");
  k.office.ok(proto::cmd::call_next, {{"counter", 1}});
  k.office.ok(proto::cmd::no_show, {{"counter", 1}});
  fx = k.enter("A1");
  k.answer(fx);
  CHECK(k.view().survey.body ==
        "Nomor A-001 tidak dilayani karena tidak hadir saat dipanggil. Survei dapat diisi setelah layanan Anda selesai.");
  k.tap("done");
  // The only change in the log is the office's own (issue, sign-in, call, no-show).
  CHECK(k.office.state.seq == seq + 4);
}

TEST_CASE("model: survey: the hub unreachable at the submit keeps the answers, says so and sends them again") {
  Tablet k;
  k.served();
  Effects fx = k.enter("A1");
  k.answer(fx);
  for (int i = 0; i < 8; ++i) k.tap("answer:4");
  fx = k.tap("answer:2");
  REQUIRE(fx.request);
  k.unreachable(fx);
  View v = k.view();
  REQUIRE(v.screen == ScreenId::survey_unsent);
  CHECK(v.survey.title == "Jawaban Anda belum tersimpan");
  CHECK(contains(v.survey.body, "Coba lagi"));
  CHECK(v.survey.primary_key == "retry");
  CHECK(v.survey.back_key == "done");
  CHECK(k.model.answers() == SurveyAnswers{4, 4, 4, 4, 4, 4, 4, 4, 2});  // kept
  CHECK(surveyed_steps(k.ticket("A-001")) == 0);

  // "Coba lagi": the same answers; unreachable again.
  fx = k.tap("retry");
  REQUIRE(fx.request);
  CHECK(fx.request->args["answers"] == json{4, 4, 4, 4, 4, 4, 4, 4, 2});
  k.unreachable(fx);
  // The hub comes back: the kiosk sends them by itself, and they are saved.
  k.model.set_connection(false, false, k.t);
  CHECK(k.model.screen() == ScreenId::survey_unsent);  // still shown while offline
  fx = k.model.set_connection(true, true, k.t);
  REQUIRE(fx.request);
  CHECK(fx.request->cmd == "survey_submit");
  k.answer(fx);
  CHECK(k.model.screen() == ScreenId::survey_thanks);
  CHECK(surveyed_steps(k.ticket("A-001")) == 1);
}

TEST_CASE("model: survey: answered meanwhile elsewhere, unreachable at the check, offline at the start") {
  Tablet k;
  k.served();
  // The QR page answers while the tablet's person is on question 9: the hub refuses
  // the tablet's submit, and asks itself why: answered already.
  Effects fx = k.enter("A1");
  k.answer(fx);
  for (int i = 0; i < 8; ++i) k.tap("answer:3");
  k.office.ok(proto::cmd::survey_submit, {{"ticket", "A-001"}, {"answers", {4, 4, 4, 4, 4, 4, 4, 4, 4}}});
  fx = k.tap("answer:3");
  fx = k.answer(fx);
  REQUIRE(fx.request);
  CHECK(fx.request->cmd == "survey_status");
  k.answer(fx);
  View v = k.view();
  REQUIRE(v.screen == ScreenId::survey_refused);
  CHECK(v.survey.title == "Survei untuk nomor A-001 sudah diisi");
  CHECK(k.model.answers() == SurveyAnswers{});
  CHECK(surveyed_steps(k.ticket("A-001")) == 1);
  k.tap("done");

  // No answer to the check: said, with "Coba lagi" that asks again.
  fx = k.enter("A1");
  k.unreachable(fx);
  v = k.view();
  REQUIRE(v.screen == ScreenId::survey_refused);
  CHECK(v.survey.title == "Komputer kantor tidak menjawab");
  CHECK(v.survey.primary_key == "retry");
  fx = k.tap("retry");
  REQUIRE(fx.request);
  CHECK(fx.request->cmd == "survey_status");
  k.answer(fx);
  CHECK(k.model.screen() == ScreenId::survey_refused);  // answered already, as the hub says
  k.tap("done");

  // The hub gone at the start: the tablet says it is reconnecting, no keypad.
  k.model.set_connection(false, true, k.t);
  v = k.view();
  CHECK(v.screen == ScreenId::offline);
  CHECK(contains(v.offline.body, "Layar survei"));
  CHECK(k.refused("key:A"));
  k.model.set_connection(true, true, k.t);
  CHECK(k.model.screen() == ScreenId::survey_start);
}

TEST_CASE("model: survey: a scanned ticket QR, and the idle reset that leaves nothing for the next person") {
  CHECK(survey_label("a6") == "A-006");
  CHECK(survey_label("A-006") == "A-006");
  CHECK(survey_label(" kk 12 ") == "KK-012");
  CHECK(survey_label("A1234") == "A-1234");
  CHECK_FALSE(survey_label("A0"));
  CHECK_FALSE(survey_label("6A"));
  CHECK_FALSE(survey_label("ABCD1"));
  CHECK_FALSE(survey_label("A12345"));
  CHECK_FALSE(survey_label("A-6;"));
  CHECK(survey_token("http://10.0.0.5:8080/t/0123abcdEF?x=1") == "0123abcdef");
  CHECK_FALSE(survey_token("http://10.0.0.5:8080/t/"));
  CHECK_FALSE(survey_token("http://10.0.0.5:8080/t/ab<cd"));
  CHECK_FALSE(survey_token("A-006"));

  Tablet k;
  k.served();
  const std::string token = k.ticket("A-001").token;
  // A USB scanner types the status page's address, then Enter.
  k.model.typed("http://127.0.0.1:8080/t/" + token, k.t);
  CHECK(k.view().survey.typed == "QR \xE2\x9C\x93");
  Effects fx = k.model.typed_enter(k.t);
  REQUIRE(fx.request);
  CHECK(fx.request->args == json{{"token", token}});
  k.answer(fx);
  View v = k.view();
  REQUIRE(v.screen == ScreenId::survey_question);
  CHECK(v.survey.ticket_text == "Nomor antrian A-001");  // the hub's label

  // Three answers, then the person walks away: after the idle time the start again,
  // with nothing of the answers; not a moment before.
  k.tap("answer:1");
  k.tap("answer:2");
  k.tap("answer:1");
  CHECK(k.model.next_deadline_ms() == k.t + kSurveyMinIdleMs);  // 30 s configured: a question gets 60
  k.t += kSurveyMinIdleMs - 1;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::survey_question);
  k.t += 1;
  k.model.tick(k.t);
  CHECK(k.model.screen() == ScreenId::survey_start);
  CHECK(k.model.answers() == SurveyAnswers{});
  CHECK(k.view().survey.typed.empty());
  CHECK(surveyed_steps(k.ticket("A-001")) == 0);
  // Typed but left: cleared too. An empty start screen has no timer.
  k.tap("key:A");
  k.t += kSurveyMinIdleMs;
  k.model.tick(k.t);
  CHECK(k.view().survey.typed.empty());
  CHECK(k.model.next_deadline_ms() == INT64_MAX);
}

TEST_CASE("model: survey: the kiosk's staff menu - five taps and the PIN, leave full screen, quit, close, idle") {
  Tablet k;
  k.served();
  k.answer(k.enter("A1"));
  k.tap("answer:3");  // one answer given, then staff come by
  REQUIRE(k.view().screen == ScreenId::survey_question);
  CHECK_FALSE(k.model.fullscreen());  // the test settings do not start full screen

  // Four taps on the hidden corner open nothing; the fifth within 4 s opens the pad.
  for (int i = 0; i < kStaffTaps - 1; ++i) k.tap("staff");
  CHECK(k.view().screen == ScreenId::survey_question);
  k.tap("staff");
  View v = k.view();
  REQUIRE(v.screen == ScreenId::staff_pin);
  CHECK(v.pin.title == "Menu petugas: masukkan PIN");
  CHECK(k.refused("answer:1"));  // the survey's keys do nothing under the pad
  k.model.typed("A-001", k.t);   // nor does a scanner
  // A wrong PIN is refused with the reason; the right one opens the menu.
  for (char d : std::string("1111")) k.tap(std::string("pin:") + d);
  k.tap("pin:ok");
  CHECK(k.view().pin.message == "PIN salah.");
  CHECK(k.view().screen == ScreenId::staff_pin);
  for (char d : std::string("2468")) k.tap(std::string("pin:") + d);
  k.tap("pin:ok");
  v = k.view();
  REQUIRE(v.screen == ScreenId::staff_menu);
  CHECK(v.staff.title == "Menu petugas");
  std::vector<std::string> keys;
  for (const ChoiceButton& b : v.staff.items) keys.push_back(b.key);
  CHECK(keys == std::vector<std::string>{"staff:fullscreen", "staff:quit", "staff:close"});  // no reprint: no printer
  CHECK(v.staff.items[0].label == "Tampilkan layar penuh");
  CHECK(k.refused("staff:reprint"));

  // Full screen: the effect for the window, and the item's words follow it.
  Effects fx = k.tap("staff:fullscreen");
  REQUIRE(fx.fullscreen);
  CHECK(*fx.fullscreen);
  CHECK(k.model.fullscreen());
  CHECK(k.view().staff.items[0].label == "Keluar dari layar penuh");
  fx = k.tap("staff:fullscreen");
  REQUIRE(fx.fullscreen);
  CHECK_FALSE(*fx.fullscreen);
  CHECK(k.tap("staff:quit").quit);

  // Close: back to the survey as it was, the answer given still there.
  k.tap("staff:close");
  v = k.view();
  REQUIRE(v.screen == ScreenId::survey_question);
  CHECK(k.model.answers()[0] == 3);
  CHECK(k.model.answers()[1] == 0);

  // Left open, the menu closes by itself after the idle time; not a moment before.
  for (int i = 0; i < kStaffTaps; ++i) k.tap("staff");
  for (char d : std::string("2468")) k.tap(std::string("pin:") + d);
  k.tap("pin:ok");
  REQUIRE(k.view().screen == ScreenId::staff_menu);
  const int64_t deadline = k.model.next_deadline_ms();
  CHECK(deadline == k.t + kSurveyMinIdleMs);
  k.t = deadline - 1;
  k.model.tick(k.t);
  CHECK(k.view().screen == ScreenId::staff_menu);
  k.t = deadline;
  k.model.tick(k.t);
  CHECK(k.view().screen != ScreenId::staff_menu);

  // The pad works while the hub is away: that is when a tablet may need to leave full screen.
  k.model.set_connection(false, false, k.t);
  k.model.tick(k.t + 10 * kSurveyMinIdleMs);
  k.t += 10 * kSurveyMinIdleMs;
  REQUIRE(k.view().screen == ScreenId::offline);
  for (int i = 0; i < kStaffTaps; ++i) k.tap("staff");
  CHECK(k.view().screen == ScreenId::staff_pin);
  k.tap("pin:cancel");
  CHECK(k.view().screen == ScreenId::offline);
}
