#include "antrian/display/call_announcer.h"

#include "antrian/model_json.h"
#include "antrian/protocol.h"

namespace antrian::display {
namespace {

speech::AnnouncementQueue::Options queue_options(const DisplayConfig& cfg) {
  speech::AnnouncementQueue::Options o;
  o.max_age_ms = int64_t(cfg.max_speech_age_s) * 1000;
  return o;
}

// The ticket an event is about, from the full copy the event carries.
std::optional<Ticket> event_ticket(const Event& e) {
  const int64_t id = e.data.value("ticket_id", int64_t(0));
  const auto tickets = e.data.find("tickets");
  if (tickets == e.data.end() || !tickets->is_array()) return std::nullopt;
  for (const auto& j : *tickets) {
    Ticket t = ticket_from_json(j);
    if (t.id == id) return t;
  }
  return std::nullopt;
}

}  // namespace

CallAnnouncer::CallAnnouncer(const DisplayConfig& cfg)
    : filter_(cfg.services, cfg.lokets), lang_(cfg.speech_lang), queue_(queue_options(cfg)) {
  phrase_.call_template = cfg.call_template;
  phrase_.recall_template = cfg.recall_template;
}

void CallAnnouncer::on_snapshot(int64_t seq) {
  if (seq < highest_seq_) queue_.reset_history();
  queue_.mark_seen_up_to(seq);
  highest_seq_ = seq;
}

CallNotice CallAnnouncer::on_call(const Event& e, bool live, int64_t hub_now_ms, const OfficeState& state) {
  CallNotice n;
  n.seq = e.seq;
  n.live = live;
  n.age_ms = hub_now_ms - e.at;
  std::optional<Ticket> t;
  try {
    t = event_ticket(e);
  } catch (const std::exception& ex) {
    n.reason = ex.what();
  }
  n.loket = e.data.value("counter", 0);
  if (!t || n.loket <= 0) {
    n.status = "unreadable";
    if (n.reason.empty()) n.reason = "the event carries no ticket or loket";
    return n;
  }
  n.ticket = t->label();
  n.recall = e.type == proto::ev::ticket_recalled ? std::max(1, t->recalls) : 0;
  highest_seq_ = std::max(highest_seq_, e.seq);
  if (!filter_.shows_call(t->service, n.loket)) {
    n.status = "not_shown";
    return n;
  }
  speech::Announcement a;
  a.event_seq = e.seq;
  a.event_time_ms = e.at;
  a.ticket_id = t->id;
  a.call.ticket = n.ticket;
  a.call.counter = n.loket;
  a.call.recall_count = n.recall;
  if (auto svc = state.services.find(t->service); svc != state.services.end())
    a.call.service = lang_ == Lang::id ? svc->second.name_id : svc->second.name_en;
  switch (queue_.offer(a, hub_now_ms)) {
    case speech::OfferResult::queued: n.status = "queued"; break;
    case speech::OfferResult::duplicate: n.status = "duplicate"; break;
    case speech::OfferResult::stale: n.status = "stale"; break;
  }
  return n;
}

std::string CallAnnouncer::phrase_for(const speech::Call& call, std::string* error) const {
  auto text = speech::call_phrase(call, lang_, phrase_);
  if (text) return *text;
  if (error) *error = text.error();
  if (auto plain = speech::call_phrase(call, lang_)) return *plain;  // the strings table's wording
  return call.ticket + ", loket " + std::to_string(call.counter);
}

std::optional<SpeechJob> CallAnnouncer::next(int64_t now_ms) {
  auto a = queue_.next(now_ms);
  if (!a) return std::nullopt;
  SpeechJob job;
  job.key = a->key();
  job.ticket = a->call.ticket;
  job.loket = a->call.counter;
  job.recall = a->call.recall_count;
  job.text = phrase_for(a->call, &job.phrase_error);
  return job;
}

bool CallAnnouncer::finished(const speech::AnnouncementKey& key) {
  const auto& now = queue_.speaking();
  if (!now || !(now->key() == key)) return false;
  queue_.finished();
  return true;
}

}  // namespace antrian::display
