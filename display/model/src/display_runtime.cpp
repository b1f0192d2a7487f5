#include "antrian/display/display_runtime.h"

#include "antrian/protocol.h"

namespace antrian::display {

DisplayRuntime::DisplayRuntime(const DisplayConfig& cfg, Lang lang, Speaker& speaker, std::function<void()> wake,
                               DisplayController::Log log, std::string client_name)
    : lang_(lang), controller_(cfg, speaker, std::move(log)), device_id_(client_name.substr(0, 56) + "/audio") {
  HubClientOptions o;
  o.hub = cfg.hub;
  o.keys = cfg.keys;
  o.role = std::string(proto::role::display);
  o.client_name = std::move(client_name);
  client_ = std::make_unique<HubClient>(o);
  feed_ = std::make_unique<HubFeed>(*client_, std::move(wake));
}

DisplayRuntime::~DisplayRuntime() {
  feed_.reset();    // detach the callbacks first
  client_.reset();  // joins the network thread
}

void DisplayRuntime::update() {
  const std::vector<FeedItem> items = feed_->take_ready();
  if (!items.empty()) client_->with_state([&](const OfficeState& s) { controller_.take(items, s); });
  const int64_t now = client_->hub_now_ms();
  controller_.update_link(client_->online(), client_->synced(), now);
  controller_.pump_speech(now);
  if (controller_.link().link() == Link::online) report_audio();
  refresh_view();
}

void DisplayRuntime::set_audio_status(bool ok, std::string message) {
  std::lock_guard l(audio_->mu);
  audio_->due = std::make_pair(ok, std::move(message));
}

void DisplayRuntime::report_audio() {
  std::optional<std::pair<bool, std::string>> report;
  {
    std::lock_guard l(audio_->mu);
    if (!audio_->due || audio_->in_flight) return;
    report = std::move(audio_->due);
    audio_->due.reset();
    audio_->in_flight = true;
  }
  nlohmann::json args = {{"device", device_id_}, {"state", report->first ? "ok" : "error"},
                         {"message", report->second.substr(0, 200)}};
  client_->request_async(proto::cmd::device_report, std::move(args), [a = audio_, r = *report](const proto::Reply& reply) {
    std::lock_guard l(a->mu);
    a->in_flight = false;
    if (!reply.ok && !a->due) a->due = r;  // try again on a later update
  });
}

void DisplayRuntime::refresh_view() {
  const int64_t now = client_->hub_now_ms();
  client_->with_state([&](const OfficeState& s) { controller_.rebuild_view(s, now, lang_); });
}

void DisplayRuntime::set_lang(Lang lang) {
  lang_ = lang;
  refresh_view();
}

int64_t DisplayRuntime::ms_until_next_change() const {
  return std::max<int64_t>(0, controller_.next_change_ms() - client_->hub_now_ms());
}

}  // namespace antrian::display
