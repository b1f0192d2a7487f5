#pragma once
// Says announcements out loud: the chime, a short pause, then the espeak-ng voice,
// through an SDL audio device, on a worker thread so the screen never waits for
// synthesis or playback. The device is opened for a call and closed after a quiet
// spell, so an idle display has no audio thread spinning. Without any audio device
// (a TV without speakers, CI, Xvfb) it logs the reason once and reports every
// announcement as done but not audible, so the queue keeps moving.
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "antrian/display/speaker.h"
#include "antrian/strings.h"

namespace antrian::display {

struct SdlSpeakerOptions {
  int volume = 80;  // percent, 0..100
  bool mute = false;
  Lang lang = Lang::id;
  int close_after_idle_ms = 10'000;
};

class SdlSpeaker : public Speaker {
 public:
  // on_done runs on the worker thread after each announcement (wake the UI thread).
  SdlSpeaker(SdlSpeakerOptions options, std::function<void()> on_done);
  ~SdlSpeaker() override;
  SdlSpeaker(const SdlSpeaker&) = delete;
  SdlSpeaker& operator=(const SdlSpeaker&) = delete;

  void start(const SpeechJob& job) override;
  std::optional<SpeechResult> take_result() override;

  // Empty when audio works (or is muted on purpose); otherwise why there is no sound.
  const std::string& unavailable_reason() const { return unavailable_; }
  // The SDL audio driver in use ("pulseaudio", "alsa", "dummy"), or "" without one.
  const std::string& driver() const { return driver_; }

 private:
  void run();
  bool open_device(std::string& error);
  void close_device();
  SpeechResult say(const SpeechJob& job);

  SdlSpeakerOptions opt_;
  std::function<void()> on_done_;
  std::string unavailable_, driver_;
  bool audio_initialised_here_ = false;
  std::uint32_t device_ = 0;
  int device_buffer_ms_ = 0;

  std::mutex mu_;
  std::condition_variable cv_;
  std::optional<SpeechJob> job_;     // waiting to be said
  bool saying_ = false;              // the worker is inside say()
  bool cancel_ = false;              // a newer job replaces the one being said
  bool stop_ = false;
  std::deque<SpeechResult> results_;
  std::thread worker_;
};

}  // namespace antrian::display
