// Read from the back of the hall: at 1920x1080 (a 50-inch TV), every must-read text
// of the wall (the called number, its loket, each service's status and wait, each
// banner's headline, cause and expected return) has capitals of at least 80 px, i.e.
// 16 arcminutes from 10 m, and fits its box at that size (so the drawing never
// shrinks it); what does not fit goes on another page. Widths come from the real font
// files (stb_truetype, as Dear ImGui measures them), not from pixels of a screenshot.
#include <doctest/doctest.h>

#define STBTT_STATIC  // private to this test
#define STB_TRUETYPE_IMPLEMENTATION
#include <stb/stb_truetype.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "antrian/display/wall_plan.h"

using namespace antrian::display;
using antrian::ServiceStatus;

namespace {

struct FontFile {
  std::vector<unsigned char> bytes;
  stbtt_fontinfo info{};
  bool load(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    bytes.assign(std::istreambuf_iterator<char>(in), {});
    return stbtt_InitFont(&info, bytes.data(), stbtt_GetFontOffsetForIndex(bytes.data(), 0)) != 0;
  }
  // Sized as Dear ImGui sizes a font: ascent - descent = px.
  float width(std::string_view s, float px) const {
    const float k = stbtt_ScaleForPixelHeight(&info, px);
    float w = 0;
    for (std::size_t i = 0; i < s.size();) {  // UTF-8, enough for Latin-1 and the few symbols used
      unsigned c = static_cast<unsigned char>(s[i]);
      int n = 1;
      if (c >= 0xF0) { c &= 0x07; n = 4; } else if (c >= 0xE0) { c &= 0x0F; n = 3; } else if (c >= 0xC0) { c &= 0x1F; n = 2; }
      for (int k2 = 1; k2 < n && i + k2 < s.size(); ++k2) c = (c << 6) | (static_cast<unsigned char>(s[i + k2]) & 0x3F);
      i += n;
      int adv = 0, lsb = 0;
      stbtt_GetCodepointHMetrics(&info, static_cast<int>(c), &adv, &lsb);
      w += adv * k;
    }
    return w;
  }
  float cap_height(float px) const {
    int x0, y0, x1, y1;
    stbtt_GetCodepointBox(&info, 'H', &x0, &y0, &x1, &y1);
    return y1 * stbtt_ScaleForPixelHeight(&info, px);
  }
};

// The fonts the display loads (ui/src/fonts.cpp): Noto Sans, DejaVu Sans if Noto is missing.
struct Fonts {
  FontFile regular, bold;
  Fonts() {
    if (!regular.load("/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf"))
      regular.load("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    if (!bold.load("/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf"))
      bold.load("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf");
  }
  MeasureText measure() const {
    return [this](std::string_view s, float px, bool b) { return (b ? bold : regular).width(s, px); };
  }
};

const Fonts& fonts() {
  static const Fonts f;
  return f;
}

ServiceRow service(std::string code, std::string name, ServiceStatus st, std::string status, std::string eta, int waiting) {
  ServiceRow r;
  r.code = std::move(code);
  r.name = std::move(name);
  r.status = st;
  r.status_text = std::move(status);
  r.waiting = waiting;
  r.waiting_text = std::to_string(waiting) + " menunggu";
  r.eta_text = std::move(eta);
  return r;
}

// A disrupted morning like bench/display-demo-hub.sh: SIAK down, blangko out, a device fault.
DisplayView disrupted_morning() {
  DisplayView v;
  v.link = Link::online;
  v.office_name = "Dinas Kependudukan dan Pencatatan Sipil";
  v.newest = NewestCall{"D-002", 6, "Loket 6", "Akta Kelahiran", 0, "", 0, true};
  for (int i = 1; i <= 8; ++i) {
    LoketTile t;
    t.number = i;
    t.name = "Loket " + std::to_string(i);
    t.open = i != 5;
    t.has_call = i != 5 && i != 7;
    t.label = "A-00" + std::to_string(i);
    t.state_text = i == 5 ? "Tutup" : i == 7 ? "Istirahat" : "";
    v.lokets.push_back(t);
  }
  v.services = {service("A", "Perekaman e-KTP", ServiceStatus::halted, "Terhenti", "\xC2\xB1 1 jam 45 menit", 8),
                service("B", "Pencetakan e-KTP", ServiceStatus::halted, "Blangko habis", "Belum diketahui", 5),
                service("C", "Kartu Keluarga", ServiceStatus::normal, "Normal", "\xC2\xB1 12 menit", 5),
                service("D", "Akta Kelahiran", ServiceStatus::degraded, "Gangguan", "\xC2\xB1 5 menit", 2),
                service("E", "Pindah/Datang", ServiceStatus::normal, "Normal", "Segera dilayani", 0),
                service("F", "Informasi & Pengaduan", ServiceStatus::normal, "Penuh hari ini", "\xC2\xB1 25 menit", 3)};
  Banner siak{true, "Perekaman e-KTP, Pencetakan e-KTP terhenti",
              "Server pusat SIAK tidak dapat diakses. Pemohon e-KTP dapat mengambil surat keterangan di loket 3.",
              "Perkiraan kembali normal pukul 10:30 WIB", std::nullopt, 1};
  Banner blangko{true, "Pencetakan e-KTP terhenti", "Blangko KTP-el habis. Sisa 3 kartu untuk pemohon yang sudah menunggu. Nomor baru tidak diberikan.",
                 "Waktu pulih belum diketahui", std::nullopt, 0};
  Banner device{false, "Perangkat bermasalah", "tv-1/audio: bermasalah", "", std::nullopt, 0};
  v.banners = {siak, blangko, device};
  v.marquee_items = {"Loket 1-3 melayani e-KTP."};
  return v;
}

void check_readable(const WallPlan& p, float min_letter) {
  REQUIRE_FALSE(p.texts.empty());
  for (const SizedText& t : p.texts) {
    INFO(t.what, ": \"", t.text, "\" font ", t.font_px, " px, width ", t.width, " in ", t.room);
    CHECK(t.letter_px >= min_letter);
    CHECK(t.width <= t.room + 0.5f);
  }
}

std::multiset<std::string> whats(const WallPlan& p) {
  std::multiset<std::string> out;
  for (const SizedText& t : p.texts) out.insert(t.what);
  return out;
}

}  // namespace

TEST_CASE("the font's capitals are as tall as the layout assumes (Noto Sans, DejaVu Sans)") {
  for (const FontFile* f : {&fonts().regular, &fonts().bold}) {
    REQUIRE_FALSE(f->bytes.empty());
    CHECK(f->cap_height(1000) / 1000 >= kCapHeightPerFontPx - 0.001f);
  }
  CHECK(letter_px(reading_font_px(1080)) >= kMinLetterPxAt1080);
  CHECK(letter_px(reading_font_px(1080)) < kMinLetterPxAt1080 + 1);  // the minimum, not more: room is scarce
}

TEST_CASE("1920x1080: every must-read text has 80 px capitals and fits at that size") {
  const DisplayView v = disrupted_morning();
  const WallPlan p = plan_wall(v, 1920, 1080, fonts().measure());
  check_readable(p, 80);
  // Each kind of must-read text is there: nothing was left out to make the rest fit.
  const auto w = whats(p);
  CHECK(w.count("newest.number") == 1);
  CHECK(w.count("newest.loket") == 1);
  CHECK(w.count("loket.name") == 8);
  CHECK(w.count("loket.ticket") == 8);
  CHECK(w.count("service.status") == 6);
  CHECK(w.count("service.wait") == 6);
  CHECK(w.count("banner.line") >= 6);
  // The newest number is larger still.
  for (const SizedText& t : p.texts)
    if (t.what == "newest.number") CHECK(t.letter_px >= 1.5f * kMinLetterPxAt1080);
}

TEST_CASE("the same TV at 1280x720: the letters keep their size on the glass (53 px)") {
  const WallPlan p = plan_wall(disrupted_morning(), 1280, 720, fonts().measure());
  check_readable(p, kMinLetterPxAt1080 * 720 / 1080);
}

TEST_CASE("paging instead of shrinking: every loket and service on exactly one page, pages fit the pane") {
  for (const auto& size : {std::pair{1920.f, 1080.f}, std::pair{1280.f, 720.f}, std::pair{1080.f, 1920.f}}) {
    const float w = size.first, h = size.second;  // not a structured binding: INFO captures it (clang 14)
    INFO(w, "x", h);
    const DisplayView v = disrupted_morning();
    const WallPlan p = plan_wall(v, w, h, fonts().measure());
    std::map<std::size_t, int> lokets, services;
    for (const PanePage& page : p.pane_pages) {
      float used = 0;
      for (std::size_t i : page.items) {
        if (page.kind == PanePage::Kind::lokets) {
          ++lokets[i];
          used += p.line_px;
        } else {
          ++services[i];
          used += p.services[i].height + (used > 0 ? p.card_gap : 0);
        }
      }
      CHECK(used <= p.pane_inner.h + 0.5f);
      CHECK(page.duration_ms >= 5000);
    }
    CHECK(lokets.size() == v.lokets.size());
    CHECK(services.size() == v.services.size());
    for (auto [i, n] : lokets) CHECK(n == 1);
    for (auto [i, n] : services) CHECK(n == 1);
    CHECK(p.pane_inner.y >= p.layout.pane.y);
    CHECK(p.pane_inner.bottom() <= p.layout.pane.bottom());
    // Banner pages: at most kBannerLines lines, inside the band.
    CHECK(p.banner_inner.h >= kBannerLines * p.line_px - 0.5f);
    for (const BannerPage& b : p.banner_pages) CHECK(b.page.lines.size() <= static_cast<std::size_t>(kBannerLines));
  }
}

TEST_CASE("a status too wide to share a line with its wait puts the wait under it") {
  const WallPlan p = plan_wall(disrupted_morning(), 1920, 1080, fonts().measure());
  REQUIRE(p.services.size() == 6);
  CHECK(p.services[1].two_lines);         // "Blangko habis" + "Belum diketahui"
  CHECK_FALSE(p.services[2].two_lines);   // "Normal" + "± 12 menit"
  CHECK(p.services[1].height > p.services[2].height);
}

TEST_CASE("each banner's pages: the headline first, and every page ends at a sentence end") {
  const DisplayView v = disrupted_morning();
  const WallPlan p = plan_wall(v, 1920, 1080, fonts().measure());
  std::map<std::size_t, std::string> text;  // per banner, its pages' lines joined so far
  std::size_t last = 0;
  for (const BannerPage& b : p.banner_pages) {
    CHECK(b.banner >= last);  // banners in order, each whole before the next
    last = b.banner;
    for (const TextLine& l : b.page.lines) text[b.banner] += (text[b.banner].empty() ? "" : " ") + l.text;
    if (b.page.continued) {  // only a sentence longer than a page goes on: the page is full
      CHECK(b.page.lines.size() == static_cast<std::size_t>(kBannerLines));
      continue;
    }
    // What was shown of this banner so far is whole sentences.
    const Banner& bn = v.banners[b.banner];
    std::vector<std::string> sentences;
    for (const std::string& part : {bn.title, bn.message, bn.when})
      for (const std::string& s : split_sentences(part)) sentences.push_back(s);
    std::string whole;
    bool at_end = false;
    for (const std::string& s : sentences) {
      whole += (whole.empty() ? "" : " ") + s;
      if (whole == text[b.banner]) at_end = true;
    }
    INFO(text[b.banner]);
    CHECK(at_end);
  }
  REQUIRE(text.size() == 3);
  CHECK(text[0] == v.banners[0].title + " " + v.banners[0].message + " " + v.banners[0].when);
  CHECK(p.banner_pages.front().page.lines.front().bold);
  CHECK(p.banner_pages.front().page.lines.front().text.rfind("Perekaman", 0) == 0);
}

TEST_CASE("a moved-tickets banner and a loket's break banner are read at 80 px like the rest") {
  DisplayView v = disrupted_morning();
  v.banners.push_back({false, "10 nomor dipindahkan ke Informasi & Pengaduan",
                       "B-001, B-002, B-003, B-004 dan 6 lainnya dari Pencetakan e-KTP, tempat antrian tetap. "
                       "Printer kartu rusak; surat keterangan di loket 8",
                       "", std::nullopt, 0, "bulk_moved"});
  v.banners.push_back({false, "Loket 2 istirahat", "A-001 menunggu Loket 2 dan dipanggil setelah loket buka kembali",
                       "Perkiraan buka kembali pukul 09:30 WIB", std::nullopt, 0, "loket_break"});
  const WallPlan p = plan_wall(v, 1920, 1080, fonts().measure());
  check_readable(p, 80);
  std::string shown;  // every page of the last two banners, joined
  for (const BannerPage& b : p.banner_pages)
    if (b.banner >= 3)
      for (const TextLine& l : b.page.lines) shown += (shown.empty() ? "" : " ") + l.text;
  CHECK(shown == v.banners[3].title + " " + v.banners[3].message + " " + v.banners[4].title + " " +
                     v.banners[4].message + " " + v.banners[4].when);
}
