#include "sdl_speaker.h"

#include <SDL.h>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <future>

#include "antrian/speech/chime.h"
#include "antrian/speech/synth.h"

namespace antrian::display {
namespace {

constexpr int kPauseAfterChimeMs = 250;

void append_scaled(std::vector<std::int16_t>& out, const std::vector<std::int16_t>& in, int volume) {
  out.reserve(out.size() + in.size());
  for (std::int16_t s : in) out.push_back(static_cast<std::int16_t>(std::clamp(s * volume / 100, -32768, 32767)));
}

}  // namespace

SdlSpeaker::SdlSpeaker(SdlSpeakerOptions options, std::function<void()> on_done)
    : opt_(options), on_done_(std::move(on_done)) {
  std::promise<void> probed;
  auto probed_future = probed.get_future();
  const bool silent = opt_.mute || opt_.volume <= 0;
  if (!silent) {
    if (auto s = speech::init_speech_engine(); !s.ok())
      spdlog::error("the voice is not available, calls get the chime only: {}", s.error());
    if (SDL_WasInit(SDL_INIT_AUDIO) == 0) {
      if (SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) unavailable_ = std::string("no audio output: ") + SDL_GetError();
      else audio_initialised_here_ = true;
    }
  }
  worker_ = std::thread([this, silent, &probed] {
    // Open once at start so a missing device is reported now, not at the first call.
    if (!silent && unavailable_.empty()) {
      std::string error;
      if (!open_device(error)) unavailable_ = error;
    }
    probed.set_value();
    run();
  });
  probed_future.wait();
}

SdlSpeaker::~SdlSpeaker() {
  {
    std::lock_guard l(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (worker_.joinable()) worker_.join();
  if (audio_initialised_here_) SDL_QuitSubSystem(SDL_INIT_AUDIO);
}

bool SdlSpeaker::open_device(std::string& error) {
  SDL_AudioSpec want{}, have{};
  want.freq = speech::kSampleRate;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 1024;
  want.callback = nullptr;  // we queue whole announcements with SDL_QueueAudio
  // flags 0: SDL converts to whatever the device wants, so the PCM stays as it is.
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
  if (device_ == 0) {
    error = std::string("no audio output device could be opened: ") + SDL_GetError();
    return false;
  }
  const char* driver = SDL_GetCurrentAudioDriver();
  driver_ = driver ? driver : "";
  device_buffer_ms_ = have.freq > 0 ? 1000 * have.samples / have.freq : 50;
  return true;
}

void SdlSpeaker::close_device() {
  if (device_ == 0) return;
  SDL_CloseAudioDevice(device_);
  device_ = 0;
}

void SdlSpeaker::start(const SpeechJob& job) {
  {
    std::lock_guard l(mu_);
    if (saying_) cancel_ = true;  // whatever is playing gives way
    job_ = job;
  }
  cv_.notify_all();
}

std::optional<SpeechResult> SdlSpeaker::take_result() {
  std::lock_guard l(mu_);
  if (results_.empty()) return std::nullopt;
  SpeechResult r = std::move(results_.front());
  results_.pop_front();
  return r;
}

void SdlSpeaker::run() {
  std::unique_lock l(mu_);
  while (true) {
    const bool woke = cv_.wait_for(l, std::chrono::milliseconds(opt_.close_after_idle_ms),
                                   [&] { return stop_ || job_.has_value(); });
    if (stop_) break;
    if (!woke) {  // a quiet spell: free the device (and its audio thread)
      close_device();
      continue;
    }
    SpeechJob job = std::move(*job_);
    job_.reset();
    cancel_ = false;
    saying_ = true;
    l.unlock();
    SpeechResult r = say(job);
    l.lock();
    saying_ = false;
    results_.push_back(std::move(r));
    l.unlock();
    if (on_done_) on_done_();
    l.lock();
  }
  close_device();
}

SpeechResult SdlSpeaker::say(const SpeechJob& job) {
  SpeechResult r;
  r.key = job.key;
  if (opt_.mute || opt_.volume <= 0) return r;  // muted on purpose: nothing to say, nothing wrong

  std::vector<std::int16_t> pcm;
  append_scaled(pcm, speech::chime().samples, opt_.volume);
  pcm.insert(pcm.end(), speech::kSampleRate * kPauseAfterChimeMs / 1000, 0);
  speech::VoiceOptions voice;
  voice.lang = opt_.lang;
  if (auto v = speech::synthesize(job.text, voice)) append_scaled(pcm, v->samples, opt_.volume);
  else r.error = "voice synthesis failed, chime only: " + v.error();
  r.seconds = static_cast<double>(pcm.size()) / speech::kSampleRate;

  if (device_ == 0 && unavailable_.empty()) {  // closed after a quiet spell: open again
    std::string error;
    if (!open_device(error)) {
      r.error = error;  // e.g. the speakers were unplugged since start
      return r;
    }
  }
  if (device_ == 0) return r;  // no device at all: the reason was logged once at start

  SDL_ClearQueuedAudio(device_);
  if (SDL_QueueAudio(device_, pcm.data(), static_cast<Uint32>(pcm.size() * sizeof(std::int16_t))) != 0) {
    r.error = std::string("audio playback failed: ") + SDL_GetError();
    return r;
  }
  SDL_PauseAudioDevice(device_, 0);
  r.audible = true;
  std::unique_lock l(mu_);
  // Poll the queue gently while it drains; a newer job or shutdown cuts it short.
  while (!cancel_ && !stop_ && SDL_GetQueuedAudioSize(device_) > 0)
    cv_.wait_for(l, std::chrono::milliseconds(20));
  if (!cancel_ && !stop_)  // the last buffer is still in the device
    cv_.wait_for(l, std::chrono::milliseconds(device_buffer_ms_ + 30), [&] { return cancel_ || stop_; });
  l.unlock();
  SDL_PauseAudioDevice(device_, 1);
  SDL_ClearQueuedAudio(device_);
  return r;
}

}  // namespace antrian::display
