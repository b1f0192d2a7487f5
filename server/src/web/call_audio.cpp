#include "web/call_audio.h"

#include "antrian/speech/chime.h"
#include "antrian/speech/phrase.h"
#include "antrian/speech/synth.h"
#include "antrian/speech/wav.h"

namespace antrian::web {

speech::Result<std::string> CallAudio::phrase_for(const CallRecord& call, const std::string& service_name) {
  speech::Call c;
  c.ticket = call.label;
  c.counter = call.counter;
  c.service = service_name;
  c.recall_count = call.recalls;
  return speech::call_phrase(c, Lang::id);
}

speech::Result<std::shared_ptr<const std::string>> CallAudio::wav_for(const CallRecord& call,
                                                                     const std::string& service_name) {
  using R = speech::Result<std::shared_ptr<const std::string>>;
  std::lock_guard lock(mu_);
  if (auto it = cache_.find(call.seq); it != cache_.end()) return it->second;
  if (auto st = speech::init_speech_engine(); !st) return R::failure(st.error());
  auto text = phrase_for(call, service_name);
  if (!text) return R::failure(text.error());
  auto voice = speech::synthesize(*text, speech::VoiceOptions{});
  if (!voice) return R::failure(voice.error());
  // Chime, a short pause, then the phrase: one file, so a TV plays them back to back.
  speech::Pcm all = speech::chime();
  all.samples.resize(all.samples.size() + std::size_t(all.sample_rate * 0.3), 0);
  all.samples.insert(all.samples.end(), voice->samples.begin(), voice->samples.end());
  const auto bytes = speech::wav_bytes(all);
  auto wav = std::make_shared<const std::string>(bytes.begin(), bytes.end());
  cache_[call.seq] = wav;
  order_.push_back(call.seq);
  while (order_.size() > capacity_) {
    cache_.erase(order_.front());
    order_.pop_front();
  }
  return wav;
}

}  // namespace antrian::web
