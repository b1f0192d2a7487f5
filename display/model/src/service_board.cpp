#include "antrian/display/service_board.h"

#include <algorithm>

#include "antrian/office_time.h"
#include "antrian/office_view.h"
#include "antrian/service_health.h"
#include "antrian/ticket_moves.h"

namespace antrian::display {
namespace {

std::string name_in(const Service& s, Lang lang) {
  const std::string& n = lang == Lang::id ? s.name_id : s.name_en;
  return n.empty() ? (lang == Lang::id ? s.name_en : s.name_id) : n;
}

std::string name_in(const Resource& r, Lang lang) {
  const std::string& n = lang == Lang::id ? r.name_id : r.name_en;
  const std::string& other = lang == Lang::id ? r.name_en : r.name_id;
  return !n.empty() ? n : !other.empty() ? other : r.id;
}

std::string message_in(const Disruption& d, Lang lang) {
  const std::string& m = lang == Lang::id ? d.message_id : d.message_en;
  return m.empty() ? (lang == Lang::id ? d.message_en : d.message_id) : m;
}

std::string join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : std::string(sep)) + p;
  return out;
}

// Names of the shown services among codes, in the office's order.
std::vector<std::string> shown_names(const OfficeState& s, const DisplayFilter& f,
                                     const std::vector<std::string>& codes, Lang lang) {
  std::vector<std::string> out;
  for (const auto& [code, svc] : s.services)
    if (f.shows_service(code) && std::find(codes.begin(), codes.end(), code) != codes.end())
      out.push_back(name_in(svc, lang));
  return out;
}

std::string title_for(const std::vector<std::string>& names, bool halted, Lang lang) {
  return trf(halted ? "display.banner_halted" : "display.banner_degraded", lang, {join(names, ", ")});
}

int offset_hours(const std::string& tz) {
  int h = 7;
  return timezone_offset_hours(tz, h) ? h : 7;
}

}  // namespace

std::string eta_text(std::optional<int64_t> eta_s, int waiting, Lang lang) {
  if (!eta_s) return std::string(tr("display.eta_unknown", lang));
  if (*eta_s < 60 || waiting == 0) return std::string(tr("display.eta_soon", lang));
  int64_t minutes = (*eta_s + 59) / 60;
  if (minutes > 20) minutes = (minutes + 4) / 5 * 5;  // a long wait is an estimate: say it roughly
  if (minutes < 90) return trf("display.eta_minutes", lang, {std::to_string(minutes)});
  const int64_t h = minutes / 60, m = minutes % 60;
  if (m == 0) return trf("display.eta_hours", lang, {std::to_string(h)});
  return trf("display.eta_hours_minutes", lang, {std::to_string(h), std::to_string(m)});
}

std::vector<ServiceRow> service_rows(const OfficeState& s, const DisplayFilter& filter, int64_t now_ms, Lang lang) {
  std::vector<ServiceRow> out;
  for (const auto& [code, svc] : s.services) {
    if (!filter.shows_service(code)) continue;
    const ServiceSummary sum = service_summary(s, code, now_ms);
    ServiceRow r;
    r.code = code;
    r.name = name_in(svc, lang);
    // What stops the service, in one word ("Blangko habis"), never "Normal" when no number can be taken.
    r.status = sum.condition == "normal" || sum.condition == "degraded" || sum.condition == "blangko_low"
                   ? sum.status : ServiceStatus::halted;
    if (sum.condition == "blangko_low" && r.status == ServiceStatus::normal) r.status = ServiceStatus::degraded;
    r.status_text = std::string(tr("status." + sum.condition, lang));
    r.waiting = sum.waiting;
    r.waiting_text = trf("display.waiting_n", lang, {std::to_string(sum.waiting)});
    r.eta_s = sum.eta_new_s;
    r.eta_text = eta_text(sum.eta_new_s, sum.waiting, lang);
    r.tickets_left = sum.tickets_left;
    out.push_back(std::move(r));
  }
  return out;
}

std::string when_text(int64_t at_ms, int64_t now_ms, const std::string& timezone, Lang lang) {
  const int h = offset_hours(timezone);
  const std::string time = format_hhmm(at_ms, h) + " " + timezone;
  if (business_day(at_ms, h) == business_day(now_ms, h)) return trf("display.at_time", lang, {time});
  const std::string date = lang == Lang::id ? format_long_date_id(at_ms, h) : format_long_date_en(at_ms, h);
  return trf("display.on_date_at", lang, {date, time});
}

std::string Banner::text() const {
  std::string out = title;
  if (!message.empty()) out += ": " + message;
  if (!when.empty()) {
    if (!out.empty() && out.back() != '.') out += ".";
    out += " " + when;
  }
  if (!out.empty() && out.back() != '.') out += ".";
  return out;
}

std::vector<Banner> banners(const OfficeState& s, const DisplayFilter& filter, int64_t now_ms, Lang lang) {
  std::vector<Banner> out;
  std::vector<std::string> declared;  // resources with a declared disruption
  for (const auto& [id, d] : s.disruptions) {
    if (!d.active) continue;
    declared.push_back(d.resource);
    const std::vector<std::string> names = shown_names(s, filter, d.services, lang);
    if (names.empty()) continue;
    Banner b;
    b.halted = d.level == DisruptionLevel::down;
    b.disruption_id = id;
    b.title = title_for(names, b.halted, lang);
    b.message = message_in(d, lang);
    auto res = s.resources.find(d.resource);
    const std::string res_name = res != s.resources.end() ? name_in(res->second, lang) : d.resource;
    if (b.message.empty()) b.message = trf(b.halted ? "display.cause_down" : "display.cause_slow", lang, {res_name});
    b.expected_end = d.expected_end;
    if (d.expected_end)
      b.when = trf("display.expected_back", lang, {when_text(*d.expected_end, now_ms, s.office.timezone, lang)});
    else if (b.halted)
      b.when = std::string(tr("display.expected_unknown", lang));
    out.push_back(std::move(b));
  }
  // Shortages nobody declared (printers N of M, blangko used up or all promised, low)
  // and device faults: the hub's one list (office_view.h).
  for (const Shortage& x : shortages(s)) {
    const bool device = x.kind == "device";
    if (!device && std::find(declared.begin(), declared.end(), x.id) != declared.end()) continue;
    const std::vector<std::string> names = shown_names(s, filter, x.services, lang);
    if (!device && names.empty()) continue;
    Banner b;
    b.halted = x.halted;
    b.message = lang == Lang::id ? x.text_id : x.text_en;
    b.title = device ? std::string(tr("display.banner_devices", lang)) : title_for(names, b.halted, lang);
    if (b.halted) b.when = std::string(tr("display.expected_unknown", lang));
    out.push_back(std::move(b));
  }
  // Tickets moved by a bulk move, or waiting for a loket on a break: say why.
  for (const MoveNotice& n : move_notices(s)) {
    const bool shown = n.loket > 0 ? filter.shows_loket(n.loket)
                                   : filter.shows_service(n.to_service) || filter.shows_service(n.from_service);
    if (!shown) continue;
    Banner b;
    b.kind = n.kind;
    b.title = lang == Lang::id ? n.title_id : n.title_en;
    b.message = lang == Lang::id ? n.cause_id : n.cause_en;
    b.when = lang == Lang::id ? n.when_id : n.when_en;
    b.expected_end = n.until > 0 ? std::optional<int64_t>(n.until) : std::nullopt;
    out.push_back(std::move(b));
  }
  std::stable_sort(out.begin(), out.end(), [](const Banner& a, const Banner& b) { return a.halted > b.halted; });
  return out;
}

std::vector<std::string> marquee_items(const OfficeState& s, const std::vector<Banner>& bs, Lang lang) {
  std::vector<std::string> parts;
  if (!s.announcement.empty()) parts.push_back(s.announcement);
  for (const Banner& b : bs) parts.push_back(b.text());
  if (parts.empty()) parts.push_back(std::string(tr("display.welcome", lang)));
  return parts;
}

std::string marquee_text(const OfficeState& s, const std::vector<Banner>& bs, Lang lang) {
  return join(marquee_items(s, bs, lang), "   \xE2\x80\xA2   ");
}

}  // namespace antrian::display
