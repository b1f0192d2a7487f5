#include "antrian/display/wall_plan.h"

#include <algorithm>
#include <cmath>

namespace antrian::display {
namespace {

constexpr int64_t kPaneMs = 7000;  // a page of lokets or services: time to find one's own
// Banner pages last a multiple of half a pane page, so the two change on the same
// frames: each change is a full redraw, and the wall should idle between them.
constexpr int64_t kBannerStepMs = kPaneMs / 2;

Box inset(const Box& b, float dx, float dy) {
  return {b.x + dx, b.y + dy, std::max(0.0f, b.w - 2 * dx), std::max(0.0f, b.h - 2 * dy)};
}

void add_text(WallPlan& p, std::string what, const std::string& text, float px, bool bold, float room,
              const MeasureText& measure) {
  if (text.empty()) return;
  p.texts.push_back({std::move(what), text, px, letter_px(px), measure(text, px, bold), room});
}

void plan_newest(WallPlan& p, const DisplayView& v, float H, const MeasureText& measure) {
  const Box b = inset(p.layout.newest, p.pad, p.pad);
  NewestPlan& n = p.newest;
  const float label_h = std::round(H * 0.05f), service_h = std::round(H * 0.045f);
  n.label = {b.x, b.y, b.w, label_h};
  n.service = {b.x, b.bottom() - service_h, b.w, service_h};
  n.loket = {b.x, n.service.y - p.line_px, b.w, p.line_px};
  n.number = {b.x, n.label.bottom(), b.w, std::max(0.0f, n.loket.y - n.label.bottom())};
  // The number as large as its box allows: capitals and digits only, so the box need
  // only hold a little more than the capital height.
  n.number_px = std::floor(n.number.h / 0.8f);
  if (!v.newest) return;
  const float w = measure(v.newest->label, n.number_px, true);
  if (w > n.number.w * 0.94f) n.number_px = std::floor(n.number_px * n.number.w * 0.94f / w);
  add_text(p, "newest.number", v.newest->label, n.number_px, true, n.number.w, measure);
  add_text(p, "newest.loket", v.newest->loket_name, p.reading_px, true, n.loket.w, measure);
}

void plan_pane(WallPlan& p, const DisplayView& v, const MeasureText& measure) {
  const Box in = p.pane_inner;
  const float R = p.reading_px, gap = std::round(R * 0.4f);
  // Lokets: one line each, "Loket 3" on the left and its latest ticket on the right.
  const std::size_t rows = static_cast<std::size_t>(std::max(1.0f, std::floor(in.h / p.line_px)));
  for (std::size_t i = 0; i < v.lokets.size(); i += rows) {
    PanePage page{PanePage::Kind::lokets, {}, kPaneMs};
    for (std::size_t k = i; k < std::min(v.lokets.size(), i + rows); ++k) {
      page.items.push_back(k);
      const LoketTile& t = v.lokets[k];
      const std::string right = t.has_call ? t.label : t.state_text;
      add_text(p, "loket.name", t.name, R, true, in.w * 0.5f - gap / 2, measure);
      add_text(p, "loket.ticket", right, R, true, in.w * 0.5f - gap / 2, measure);
    }
    p.pane_pages.push_back(std::move(page));
  }
  // Services: the name as a caption, then the status in its colour and the wait.
  const float caption_h = std::round(p.caption_px * 1.05f);
  for (const ServiceRow& s : v.services) {
    const float status_w = pill_width(measure(s.status_text, R, true), R);
    const float wait_w = measure(s.eta_text, R, false);
    ServiceShape shape;
    shape.two_lines = status_w + 1.5f * gap + wait_w > in.w;  // a quarter gap of margin either side
    shape.height = caption_h + p.line_px * (shape.two_lines ? 2 : 1);
    p.services.push_back(shape);
    p.texts.push_back({"service.status", s.status_text, R, letter_px(R), status_w, in.w - gap * 0.5f});
    add_text(p, "service.wait", s.eta_text, R, false, shape.two_lines ? in.w - gap * 0.5f : in.w - status_w - 1.5f * gap, measure);
  }
  PanePage page{PanePage::Kind::services, {}, kPaneMs};
  float used = 0;
  for (std::size_t i = 0; i < v.services.size(); ++i) {
    if (!page.items.empty() && used + p.card_gap + p.services[i].height > in.h) {
      p.pane_pages.push_back(std::move(page));
      page = {PanePage::Kind::services, {}, kPaneMs};
      used = 0;
    }
    used += (page.items.empty() ? 0 : p.card_gap) + p.services[i].height;
    page.items.push_back(i);
  }
  if (!page.items.empty()) p.pane_pages.push_back(std::move(page));
}

void plan_banners(WallPlan& p, const DisplayView& v, const MeasureText& measure) {
  const float R = p.reading_px;
  const MeasureLine line_width = [&measure, R](std::string_view s, bool bold) { return measure(s, R, bold); };
  for (std::size_t i = 0; i < v.banners.size(); ++i) {
    const Banner& b = v.banners[i];
    std::vector<TextItem> items = {{b.title, true}};
    if (!b.message.empty()) items.push_back({b.message, false});
    if (!b.when.empty()) items.push_back({b.when, false});
    for (LinePage& page : paginate_lines(items, p.banner_inner.w, kBannerLines, line_width)) {
      page.duration_ms = (page.duration_ms + kBannerStepMs - 1) / kBannerStepMs * kBannerStepMs;
      for (const TextLine& l : page.lines) add_text(p, "banner.line", l.text, R, l.bold, p.banner_inner.w, measure);
      p.banner_pages.push_back({i, std::move(page)});
    }
  }
}

}  // namespace

float pill_width(float text_width, float reading_px) { return text_width + std::round(reading_px * 0.82f); }

WallPlan plan_wall(const DisplayView& v, float width, float height, const MeasureText& measure) {
  WallPlan p;
  const float H = std::max(1.0f, height);
  p.layout = layout_screen(width, height, v.link != Link::online, !v.problems.empty(), !v.banners.empty());
  const float S = std::max(1.0f, std::min(width, height));
  p.reading_px = reading_font_px(S);
  p.line_px = reading_line_px(S);
  p.caption_px = std::round(p.reading_px * 0.5f);
  p.pad = std::round(H * 0.015f);
  p.card_gap = std::round(p.pad * 0.5f);
  p.pane_inner = inset(p.layout.pane, p.pad * 1.5f, p.pad);
  p.banner_inner = inset(p.layout.banner, std::round(H * 0.03f), std::round(H * 0.015f));
  if (v.link == Link::connecting) return p;  // nothing true to show yet
  plan_newest(p, v, H, measure);
  plan_pane(p, v, measure);
  plan_banners(p, v, measure);
  return p;
}

std::vector<int64_t> pane_durations(const WallPlan& p) {
  std::vector<int64_t> d;
  for (const PanePage& page : p.pane_pages) d.push_back(page.duration_ms);
  return d;
}

std::vector<int64_t> banner_durations(const WallPlan& p) {
  std::vector<int64_t> d;
  for (const BannerPage& page : p.banner_pages) d.push_back(page.page.duration_ms);
  return d;
}

}  // namespace antrian::display
