#include "antrian/display/display_controller.h"

namespace antrian::display {
namespace {

nlohmann::json key_json(const speech::AnnouncementKey& k) {
  return {{"seq", k.event_seq}, {"ticket_id", k.ticket_id}, {"recall", k.recall_count}};
}

}  // namespace

DisplayController::DisplayController(const DisplayConfig& cfg, Speaker& speaker, Log log)
    : cfg_(cfg), filter_(cfg.services, cfg.lokets), speaker_(speaker), log_(std::move(log)), announcer_(cfg) {}

void DisplayController::log(nlohmann::json j) const {
  if (log_) log_(j);
}

void DisplayController::take(const std::vector<FeedItem>& items, const OfficeState& state) {
  for (const FeedItem& it : items) {
    if (it.kind == FeedItem::Kind::snapshot) {
      announcer_.on_snapshot(it.seq);
      log({{"type", "snapshot"}, {"seq", it.seq}});
      continue;
    }
    const CallNotice n = announcer_.on_call(it.event, it.live, it.hub_now_ms.value_or(it.event.at), state);
    nlohmann::json j = {{"type", "speech"}, {"status", n.status}, {"ticket", n.ticket}, {"loket", n.loket},
                        {"recall", n.recall}, {"seq", n.seq}, {"age_ms", n.age_ms}, {"live", n.live}};
    if (!n.reason.empty()) j["reason"] = n.reason;
    log(std::move(j));
  }
}

void DisplayController::pump_speech(int64_t now_ms) {
  while (auto r = speaker_.take_result()) {
    const bool current = announcer_.finished(r->key);
    nlohmann::json j = {{"type", "speech"}, {"status", current ? "spoken" : "late"}, {"audible", r->audible},
                        {"seconds", r->seconds}, {"key", key_json(r->key)}};
    if (current && speaking_job_) {
      j["ticket"] = speaking_job_->ticket;
      j["loket"] = speaking_job_->loket;
      j["recall"] = speaking_job_->recall;
    }
    if (current) {
      speaking_since_ms_.reset();
      speaking_job_.reset();
    }
    if (!r->error.empty()) j["error"] = r->error;
    log(std::move(j));
  }
  if (speaking_since_ms_ && now_ms - *speaking_since_ms_ > kMaxSpeakingMs) {
    log({{"type", "speech"}, {"status", "abandoned"},
         {"reason", "the speaker did not finish within " + std::to_string(kMaxSpeakingMs / 1000) + " s"}});
    speaking_since_ms_.reset();
    speaking_job_.reset();
  }
  // next() also ends a job its own watchdog gave up on; the speaker then drops it.
  if (auto job = announcer_.next(now_ms)) {
    speaking_since_ms_ = now_ms;
    nlohmann::json j = {{"type", "speech"}, {"status", "speaking"}, {"ticket", job->ticket}, {"loket", job->loket},
                        {"recall", job->recall}, {"text", job->text}, {"key", key_json(job->key)}};
    if (!job->phrase_error.empty()) j["phrase_error"] = job->phrase_error;
    log(std::move(j));
    speaker_.start(*job);
    speaking_job_ = std::move(job);
  }
}

bool DisplayController::update_link(bool online, bool synced, int64_t now_ms) {
  return link_.update(online, synced, now_ms);
}

const DisplayView& DisplayController::rebuild_view(const OfficeState& state, int64_t now_ms, Lang lang) {
  view_ = build_view({.state = state,
                      .filter = filter_,
                      .hub_now_ms = now_ms,
                      .lang = lang,
                      .link = link_.link(),
                      .offline_since_ms = link_.offline_since_ms(),
                      .title = cfg_.title,
                      .highlight_ms = cfg_.highlight_s * 1000});
  if (link_.ever_synced())
    for (const std::string& p : filter_.problems(state))  // the log is in English
      if (problems_logged_.insert(p).second) log({{"type", "problem"}, {"text", p}});
  if (log_) {
    nlohmann::json j = to_json(view_);
    std::string text = j.dump();
    if (text != last_view_logged_) {
      last_view_logged_ = std::move(text);
      j["type"] = "view";
      log(std::move(j));
    }
  }
  return view_;
}

int64_t DisplayController::next_change_ms() const {
  int64_t t = view_.next_change_hub_ms;
  if (speaking_since_ms_) t = std::min(t, *speaking_since_ms_ + kMaxSpeakingMs + 1);
  return t;
}

}  // namespace antrian::display
