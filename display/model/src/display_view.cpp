#include "antrian/display/display_view.h"

#include <algorithm>

#include "antrian/office_time.h"

namespace antrian::display {
namespace {

int offset_hours(const std::string& tz) {
  int h = 7;
  return timezone_offset_hours(tz, h) ? h : 7;
}

std::string loket_name(const OfficeState& s, int number, Lang lang) {
  auto c = s.counters.find(number);
  if (lang == Lang::id && c != s.counters.end() && !c->second.name.empty()) return c->second.name;
  return trf("display.loket_n", lang, {std::to_string(number)});
}

std::string service_name(const OfficeState& s, const std::string& code, Lang lang) {
  auto it = s.services.find(code);
  if (it == s.services.end()) return code;
  const std::string& n = lang == Lang::id ? it->second.name_id : it->second.name_en;
  return n.empty() ? code : n;
}

// "Perekaman e-KTP · Pencetakan e-KTP" for a hall limited to those services.
std::string describe_filter(const OfficeState& s, const DisplayFilter& f, Lang lang) {
  std::string out;
  if (!f.all_services()) {
    for (const auto& [code, _] : s.services)
      if (f.shows_service(code)) out += (out.empty() ? "" : " \xC2\xB7 ") + service_name(s, code, lang);
  } else if (!f.all_lokets()) {
    std::string list;
    for (int n : f.lokets()) list += (list.empty() ? "" : ", ") + std::to_string(n);
    out = trf("display.lokets_title", lang, {list});
  }
  return out;
}

std::string link_text(Link link, int64_t since_ms, const std::string& tz, Lang lang) {
  switch (link) {
    case Link::online: return {};
    case Link::connecting: return std::string(tr("display.connecting", lang));
    case Link::offline:
      return trf("display.offline_since", lang, {format_hhmm(since_ms, offset_hours(tz)) + " " + tz});
  }
  return {};
}

}  // namespace

DisplayView build_view(const ViewInput& in) {
  const OfficeState& s = in.state;
  DisplayView v;
  v.link = in.link;
  const std::string tz = s.office.timezone.empty() ? "WIB" : s.office.timezone;
  const int hours = offset_hours(tz);
  v.link_text = link_text(in.link, in.offline_since_ms, tz, in.lang);
  v.seq = s.seq;
  v.office_name = s.office.name.empty() ? std::string(tr("common.app_name", in.lang)) : s.office.name;
  v.title = in.title.empty() ? describe_filter(s, in.filter, in.lang) : in.title;
  v.date_text = in.lang == Lang::id ? format_long_date_id(in.hub_now_ms, hours) : format_long_date_en(in.hub_now_ms, hours);
  v.clock_text = format_hhmm(in.hub_now_ms, hours) + " " + tz;
  v.problems = in.filter.problems(s, in.lang);
  int64_t next_change = (in.hub_now_ms / 60'000 + 1) * 60'000;  // the clock's next minute
  auto fresh = [&](int64_t at) {
    const bool f = at + in.highlight_ms > in.hub_now_ms;
    if (f) next_change = std::min(next_change, at + in.highlight_ms);
    return f;
  };

  const std::vector<CallEntry> log = call_log(s, in.filter);
  if (!log.empty()) {
    const CallEntry& e = log.front();
    NewestCall n;
    n.label = e.label;
    n.loket = e.loket;
    n.loket_name = loket_name(s, e.loket, in.lang);
    n.service_name = service_name(s, e.service, in.lang);
    n.recalls = e.recall_no;
    if (e.recall_no > 0) n.recall_text = std::string(tr("display.recall", in.lang));
    n.at = e.at;
    n.highlighted = fresh(e.at);
    v.newest = std::move(n);
  }
  for (const LoketBoardRow& row : loket_board(s, in.filter, log)) {
    LoketTile t;
    t.number = row.number;
    t.name = loket_name(s, row.number, in.lang);
    t.open = row.state != CounterState::closed;
    if (row.state != CounterState::open)
      t.state_text = std::string(tr(std::string("counter_state.") + std::string(to_string(row.state)), in.lang));
    if (row.current) {
      t.has_call = true;
      t.label = row.current->label;
      t.service_name = service_name(s, row.current->service, in.lang);
      t.recalls = row.current->recalls;
      if (t.recalls > 0) t.recall_text = trf("display.recalled_n", in.lang, {std::to_string(t.recalls)});
      t.fresh = fresh(row.current->last_at);
    }
    std::string prev;
    for (const std::string& p : row.previous) prev += (prev.empty() ? "" : ", ") + p;
    if (!prev.empty()) t.previous_text = trf("display.previous", in.lang, {prev});
    v.lokets.push_back(std::move(t));
  }
  v.services = service_rows(s, in.filter, in.hub_now_ms, in.lang);
  v.banners = banners(s, in.filter, in.hub_now_ms, in.lang);
  v.marquee_items = marquee_items(s, v.banners, in.lang);
  v.marquee = marquee_text(s, v.banners, in.lang);
  v.next_change_hub_ms = next_change;
  return v;
}

nlohmann::json to_json(const DisplayView& v) {
  using nlohmann::json;
  json lokets = json::array();
  for (const LoketTile& t : v.lokets)
    lokets.push_back({{"number", t.number}, {"name", t.name}, {"open", t.open}, {"state_text", t.state_text},
                      {"ticket", t.has_call ? json(t.label) : json(nullptr)}, {"service", t.service_name},
                      {"recalls", t.recalls}, {"recall_text", t.recall_text}, {"previous", t.previous_text},
                      {"fresh", t.fresh}});
  json services = json::array();
  for (const ServiceRow& r : v.services)
    services.push_back({{"code", r.code}, {"name", r.name}, {"status", to_string(r.status)},
                        {"status_text", r.status_text}, {"waiting", r.waiting}, {"eta_text", r.eta_text},
                        {"eta_s", r.eta_s ? json(*r.eta_s) : json(nullptr)},
                        {"tickets_left", r.tickets_left ? json(*r.tickets_left) : json(nullptr)}});
  json banners = json::array();
  for (const Banner& b : v.banners)
    banners.push_back({{"halted", b.halted}, {"kind", b.kind}, {"title", b.title}, {"message", b.message},
                       {"when", b.when}, {"text", b.text()}});
  json newest = nullptr;
  if (v.newest)
    newest = {{"ticket", v.newest->label}, {"loket", v.newest->loket}, {"loket_name", v.newest->loket_name},
              {"service", v.newest->service_name}, {"recalls", v.newest->recalls},
              {"highlighted", v.newest->highlighted}, {"at", v.newest->at}};
  return {{"link", to_string(v.link)}, {"link_text", v.link_text}, {"seq", v.seq},
          {"office", v.office_name}, {"title", v.title}, {"date", v.date_text}, {"clock", v.clock_text},
          {"newest", newest}, {"lokets", lokets}, {"services", services}, {"banners", banners},
          {"marquee", v.marquee}, {"problems", v.problems}};
}

}  // namespace antrian::display
