// The whole view: header, newest call and its highlight, loket tiles, link status,
// and when it changes by itself.
#include <doctest/doctest.h>

#include "antrian/display/display_view.h"
#include "office.h"

using namespace antrian;
using namespace antrian::display;
using antrian::display::test::TestOffice;

namespace {

DisplayView view_of(const TestOffice& o, const DisplayFilter& f, int64_t now, Lang lang = Lang::id,
                    Link link = Link::online, int64_t offline_since = 0, std::string title = {}) {
  return build_view({.state = o.state,
                     .filter = f,
                     .hub_now_ms = now,
                     .lang = lang,
                     .link = link,
                     .offline_since_ms = offline_since,
                     .title = std::move(title),
                     .highlight_ms = 10'000});
}

}  // namespace

TEST_CASE("the header: office, date in Indonesian, clock in the office's zone") {
  TestOffice o;
  const DisplayView v = view_of(o, DisplayFilter{}, o.now);
  CHECK(v.office_name == "Dinas Kependudukan dan Pencatatan Sipil");
  CHECK(v.date_text == "Senin, 23 November 2026");
  CHECK(v.clock_text == "09:00 WIB");
  CHECK(v.title.empty());
  CHECK(view_of(o, DisplayFilter{}, o.now, Lang::en).date_text == "Monday, 23 November 2026");
  CHECK(view_of(o, DisplayFilter({"A", "B"}, {}), o.now).title == "Perekaman e-KTP \xC2\xB7 Pencetakan e-KTP");
  CHECK(view_of(o, DisplayFilter({}, {4, 5}), o.now).title == "Loket 4, 5");
  CHECK(view_of(o, DisplayFilter{}, o.now, Lang::id, Link::online, 0, "Ruang Tunggu 2").title == "Ruang Tunggu 2");
}

TEST_CASE("the newest call is highlighted for the highlight time, then not") {
  TestOffice o;
  o.issue("A", 2);
  o.open(3);
  o.call_next(3);
  DisplayView v = view_of(o, DisplayFilter{}, o.now + 2000);
  REQUIRE(v.newest);
  CHECK(v.newest->label == "A-001");
  CHECK(v.newest->loket == 3);
  CHECK(v.newest->loket_name == "Loket 3");
  CHECK(v.newest->service_name == "Perekaman e-KTP");
  CHECK(v.newest->highlighted);
  CHECK(v.newest->recall_text.empty());
  CHECK(v.next_change_hub_ms == o.now + 10'000);  // when the highlight ends
  const LoketTile& t3 = v.lokets[2];
  CHECK(t3.number == 3);
  CHECK(t3.label == "A-001");
  CHECK(t3.fresh);
  CHECK(t3.open);
  CHECK(t3.state_text.empty());

  v = view_of(o, DisplayFilter{}, o.now + 10'000);
  CHECK_FALSE(v.newest->highlighted);
  CHECK_FALSE(v.lokets[2].fresh);
  CHECK(v.next_change_hub_ms == o.now + 60'000);  // the clock's next minute

  // A recall is the newest call again, marked as such, highlighted again.
  o.advance(30'000);
  o.recall(3);
  v = view_of(o, DisplayFilter{}, o.now + 1000, Lang::en);
  CHECK(v.newest->highlighted);
  CHECK(v.newest->recall_text == "Repeat call");
  CHECK(v.newest->loket_name == "Counter 3");
  CHECK(v.lokets[2].recall_text == "Called again 1\xC3\x97");
  CHECK(v.lokets[2].previous_text.empty());
}

TEST_CASE("closed and paused lokets say so, and a loket without calls shows no ticket") {
  TestOffice o;
  o.open(2);
  o.run(proto::cmd::pause, {{"counter", 2}});
  const DisplayView v = view_of(o, DisplayFilter{}, o.now);
  CHECK(v.lokets[0].state_text == "Tutup");
  CHECK_FALSE(v.lokets[0].open);
  CHECK(v.lokets[1].state_text == "Istirahat");
  CHECK(v.lokets[1].open);
  CHECK_FALSE(v.lokets[1].has_call);
  CHECK_FALSE(v.newest);
}

TEST_CASE("offline: the last state stays, with a marker that says since when") {
  TestOffice o;
  o.issue("A");
  o.open(1);
  o.call_next(1);
  const DisplayView v = view_of(o, DisplayFilter{}, o.now + 60'000, Lang::id, Link::offline, o.now + 5 * 60'000);
  CHECK(v.link == Link::offline);
  CHECK(v.link_text == "Terputus dari server antrian sejak 09:05 WIB. Data terakhir tetap ditampilkan.");
  REQUIRE(v.newest);  // still shown
  CHECK(v.newest->label == "A-001");
  CHECK(view_of(o, DisplayFilter{}, o.now, Lang::id, Link::connecting).link_text == "Menghubungkan ke server antrian...");
  CHECK(view_of(o, DisplayFilter{}, o.now).link_text.empty());
}

TEST_CASE("the JSON form carries what the tests and the headless mode need") {
  TestOffice o;
  o.issue("A");
  o.open(1);
  o.call_next(1);
  const auto j = to_json(view_of(o, DisplayFilter({"A"}, {}), o.now));
  CHECK(j["link"] == "online");
  CHECK(j["newest"]["ticket"] == "A-001");
  CHECK(j["newest"]["loket"] == 1);
  CHECK(j["services"].size() == 1);
  CHECK(j["lokets"].size() == 3);
  CHECK(j["lokets"][0]["ticket"] == "A-001");
  CHECK_FALSE(j.contains("next_change_hub_ms"));
}
