// Why a ticket was moved, read from its history (the step the moving event wrote)
// and the loket it waits for. A bulk move writes a "transferred" step with no loket
// (counter 0); a loket's transfer writes its own number (commands_tickets.cpp).
#include "antrian/ticket_moves.h"

#include <map>
#include <tuple>

#include "antrian/office_time.h"
#include "antrian/queue_rules.h"

namespace antrian {
namespace {

std::string service_name(const OfficeState& s, const std::string& code, Lang lang) {
  auto it = s.services.find(code);
  if (it == s.services.end()) return code;
  const std::string& n = lang == Lang::id ? it->second.name_id : it->second.name_en;
  return n.empty() ? (lang == Lang::id ? it->second.name_en : it->second.name_id) : n;
}

std::string loket_name(const OfficeState& s, int n) {
  auto it = s.counters.find(n);
  return it == s.counters.end() || it->second.name.empty() ? "Loket " + std::to_string(n) : it->second.name;
}

std::string hhmm(const OfficeState& s, int64_t at_ms) {
  int h = 7;
  timezone_offset_hours(s.office.timezone, h);
  return format_hhmm(at_ms, h);
}

// The staff's reason as a sentence of its own ("" when none was given).
std::string reason_sentence(const std::string& note, Lang lang) {
  return note.empty() ? std::string() : " " + trf("move.reason", lang, {note});
}

void word(TicketMove& m, const OfficeState& s) {
  for (Lang l : {Lang::id, Lang::en}) {
    std::string text;
    if (m.kind == "bulk_moved")
      text = trf("move.bulk_moved", l, {service_name(s, m.from_service, l), hhmm(s, m.at)}) + reason_sentence(m.note, l);
    else if (m.kind == "transferred")
      text = trf("move.transferred", l, {loket_name(s, m.loket), hhmm(s, m.at)}) + reason_sentence(m.note, l);
    else if (m.kind == "returned")
      text = trf("move.returned", l, {hhmm(s, m.at)}) + reason_sentence(m.note, l);
    else if (m.kind == "closed")
      text = trf("move.closed", l, {m.note});
    else if (m.kind == "loket_break")
      text = m.until > 0 ? trf("move.loket_break_until", l, {loket_name(s, m.loket), hhmm(s, m.until)})
                         : trf("move.loket_break", l, {loket_name(s, m.loket)});
    else if (m.kind == "loket_closed")
      text = trf("move.loket_closed", l, {loket_name(s, m.loket)});
    (l == Lang::id ? m.text_id : m.text_en) = text;
  }
}

// The loket a waiting ticket was sent to, when that loket cannot call it now.
TicketMove loket_wait(const OfficeState& s, const Ticket& t) {
  TicketMove m;
  auto c = s.counters.find(t.target_counter);
  if (t.target_counter <= 0 || c == s.counters.end()) return m;
  if (c->second.state == CounterState::paused) {
    m.kind = "loket_break";
    m.until = c->second.break_until;
  } else if (c->second.state == CounterState::closed) {
    m.kind = "loket_closed";
  } else {
    return m;
  }
  m.loket = t.target_counter;
  return m;
}

}  // namespace

TicketMove ticket_move(const OfficeState& s, const Ticket& t) {
  TicketMove m;
  if (t.state == TicketState::waiting) {
    m = loket_wait(s, t);
    if (m.kind.empty()) {
      for (auto it = t.history.rbegin(); it != t.history.rend(); ++it) {
        if (it->what == "returned") {
          m.kind = "returned";
        } else if (it->what == "transferred" && it->counter == 0) {
          m.kind = "bulk_moved";
          auto from = s.tickets.find(t.transferred_from);
          m.from_service = from != s.tickets.end() ? from->second.service : std::string();
          if (m.from_service.empty() || m.from_service == t.service) m.kind = "transferred";
        } else if (it->what == "transferred") {
          m.kind = "transferred";
          m.loket = it->counter;
        } else {
          continue;
        }
        m.note = it->note;
        m.at = it->at;
        break;
      }
    }
  } else if (t.state == TicketState::cancelled && !t.history.empty() && t.history.back().what == "cancelled" &&
             !t.history.back().note.empty()) {
    m.kind = "closed";
    m.note = t.history.back().note;
    m.at = t.history.back().at;
  }
  if (!m.kind.empty()) word(m, s);
  return m;
}

std::string label_list(const std::vector<std::string>& labels, Lang lang, std::size_t shown) {
  std::string out;
  for (std::size_t i = 0; i < labels.size() && i < shown; ++i) out += (i ? ", " : "") + labels[i];
  if (labels.size() > shown) out = trf("move.and_more", lang, {out, std::to_string(labels.size() - shown)});
  return out;
}

std::vector<MoveNotice> move_notices(const OfficeState& s) {
  // Waiting tickets in each service's call order, grouped by the move that put them there.
  std::map<std::tuple<std::string, std::string, std::string, int64_t>, MoveNotice> bulk;
  std::map<int, MoveNotice> lokets;
  for (const auto& [code, _] : s.services) {
    for (const Ticket* t : waiting_in_service(s, code)) {
      const TicketMove m = ticket_move(s, *t);
      if (m.kind == "bulk_moved") {
        MoveNotice& n = bulk[{m.from_service, t->service, m.note, m.at}];
        n.kind = m.kind;
        n.from_service = m.from_service;
        n.to_service = t->service;
        n.until = 0;
        n.cause_id = m.note;
        n.cause_en = m.note;
        n.labels.push_back(t->label());
      } else if (m.kind == "loket_break" || m.kind == "loket_closed") {
        MoveNotice& n = lokets[m.loket];
        n.kind = m.kind;
        n.loket = m.loket;
        n.until = m.until;
        n.labels.push_back(t->label());
      }
    }
  }
  std::vector<MoveNotice> out;
  for (auto& [_, n] : bulk) {
    // Short enough for two lines at 80 px: how many and where to; then which numbers,
    // from where, and the staff's reason.
    const std::string reason = n.cause_id;
    for (Lang l : {Lang::id, Lang::en}) {
      (l == Lang::id ? n.title_id : n.title_en) =
          trf("move.notice_bulk", l, {std::to_string(n.labels.size()), service_name(s, n.to_service, l)});
      (l == Lang::id ? n.cause_id : n.cause_en) =
          trf("move.notice_bulk_cause", l, {label_list(n.labels, l), service_name(s, n.from_service, l)}) +
          (reason.empty() ? "" : ". " + reason);
    }
    out.push_back(std::move(n));
  }
  for (auto& [_, n] : lokets) {
    for (Lang l : {Lang::id, Lang::en}) {
      (l == Lang::id ? n.title_id : n.title_en) =
          trf(n.kind == "loket_break" ? "move.notice_break" : "move.notice_closed", l, {loket_name(s, n.loket)});
      (l == Lang::id ? n.cause_id : n.cause_en) =
          trf(n.kind == "loket_break" ? "move.notice_break_cause" : "move.notice_closed_cause", l,
              {label_list(n.labels, l), loket_name(s, n.loket)});
      if (n.until > 0)
        (l == Lang::id ? n.when_id : n.when_en) =
            trf("move.notice_back", l, {hhmm(s, n.until) + " " + s.office.timezone});
    }
    out.push_back(std::move(n));
  }
  return out;
}

}  // namespace antrian
