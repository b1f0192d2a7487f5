#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "antrian/speech/letter_names.h"
#include "antrian/speech/phrase.h"
#include "antrian/speech/synth.h"
#include "antrian/speech/wav.h"
#include "audio_measure.h"
#include "wav_reader.h"

using antrian::Lang;
using namespace antrian::speech;
namespace fs = std::filesystem;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("antrian-synth-test-" + std::to_string(::getpid()));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

double ms_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST_CASE("synth: missing espeak data is an error with a reason, not an exit") {
  TempDir empty;
  Status s = init_speech_engine(empty.path.string());
  REQUIRE_FALSE(s.ok());
  // Before the engine runs this is the missing-data reason; after, the can't-switch one.
  const bool says_missing = s.error().find("no espeak-ng data") != std::string::npos;
  const bool says_running = s.error().find("already running") != std::string::npos;
  CHECK_MESSAGE((says_missing || says_running), s.error());
  CHECK(s.error().find(empty.path.string()) != std::string::npos);
}

TEST_CASE("synth: the call phrase renders to a WAV of speech") {
  TempDir dir;
  const std::string text = "Nomor antrian A nol nol satu, silakan menuju loket tiga";
  const auto t0 = std::chrono::steady_clock::now();
  auto pcm = synthesize(text);
  const double first_ms = ms_since(t0);
  REQUIRE_MESSAGE(pcm.ok(), pcm.error());
  const auto t1 = std::chrono::steady_clock::now();
  REQUIRE(synthesize(text).ok());
  const double again_ms = ms_since(t1);

  const fs::path file = dir.path / "call.wav";
  Status written = write_wav(file, *pcm);
  REQUIRE_MESSAGE(written.ok(), written.error());

  std::string why;
  auto wav = parse_wav(read_file_bytes(file.string()), why);
  REQUIRE_MESSAGE(wav.has_value(), why);
  CHECK(wav->format == 1);
  CHECK(wav->channels == 1);
  CHECK(wav->bits == 16);
  CHECK(wav->sample_rate == 22050);
  CHECK(wav->samples.size() == pcm->samples.size());
  MESSAGE("synthesis: first (with engine start) " << first_ms << " ms, again " << again_ms
          << " ms, audio " << wav->seconds() << " s");
  CHECK(wav->seconds() > 1.5);
  CHECK(wav->seconds() < 10.0);

  // Loud enough overall, and speech-like: most 20 ms windows carry sound, and there are
  // pauses between words (silence, white noise or a steady tone would fail one of these).
  const double overall = rms(wav->samples);
  const auto windows = window_rms(wav->samples, wav->sample_rate, 20);
  int loud = 0;
  for (double w : windows) loud += w > 500;
  const double loud_share = double(loud) / double(windows.size());
  const int gaps = interior_gaps(windows, 100, 500, 2);
  MESSAGE("rms " << overall << ", loud windows " << loud_share * 100 << "%, pauses " << gaps);
  CHECK(overall > 1000);
  CHECK(loud_share > 0.4);
  CHECK(gaps >= 2);

  // The phrase the display really speaks (with the pauses of the commas) fits too.
  auto spoken = synthesize(*call_phrase({"A-001", 3, "", 0}, Lang::id));
  REQUIRE_MESSAGE(spoken.ok(), spoken.error());
  MESSAGE("default call phrase: " << spoken->seconds() << " s");
  CHECK(spoken->seconds() > 1.5);
  CHECK(spoken->seconds() < 10.0);
}

TEST_CASE("synth: voice, rate and volume options") {
  const std::string text = "Nomor antrian A nol nol satu";
  VoiceOptions normal;
  auto base = synthesize(text, normal);
  REQUIRE_MESSAGE(base.ok(), base.error());

  VoiceOptions slow = normal;
  slow.rate_wpm = 90;
  auto slower = synthesize(text, slow);
  REQUIRE(slower.ok());
  CHECK(slower->seconds() > base->seconds() * 1.3);

  VoiceOptions soft = normal;
  soft.volume = 30;
  auto softer = synthesize(text, soft);
  REQUIRE(softer.ok());
  CHECK(rms(softer->samples) < rms(base->samples) * 0.6);

  VoiceOptions english;
  english.lang = Lang::en;
  auto en = synthesize("Queue number A zero zero one", english);
  REQUIRE_MESSAGE(en.ok(), en.error());
  CHECK(en->seconds() > 1.0);

  VoiceOptions bad_voice;
  bad_voice.voice = "no-such-voice";
  auto v = synthesize(text, bad_voice);
  CHECK_FALSE(v.ok());
  CHECK(v.error().find("no-such-voice") != std::string::npos);

  VoiceOptions bad_rate;
  bad_rate.rate_wpm = 20;
  auto r = synthesize(text, bad_rate);
  CHECK_FALSE(r.ok());
  CHECK(r.error().find("speech rate") != std::string::npos);

  auto too_long = synthesize(std::string(kMaxSynthBytes + 1, 'a'));
  CHECK_FALSE(too_long.ok());
  CHECK(too_long.error().find("too long") != std::string::npos);
}

TEST_CASE("synth: espeak says the Indonesian letter names") {
  // espeak-ng's phoneme mnemonics for each letter as the phrase writes it.
  const char* expected[] = {"'a",  "b'e", "tS'e", "d'e", "'e",  "'Ef", "g'e",   "h'a", "'i",
                            "dZ'e", "k'a", "'El", "'Em", "'En", "'o",  "p'e",   "k'i", "'ER",
                            "'Es", "t'e", "'u",  "f'e", "w'e", "'Eks", "j'e", "z'Et"};
  for (char c = 'A'; c <= 'Z'; ++c) {
    CAPTURE(c);
    auto ph = text_to_phonemes(letter_for_speech(c, Lang::id), Lang::id);
    REQUIRE_MESSAGE(ph.ok(), ph.error());
    CHECK(*ph == expected[c - 'A']);
  }
  // Why not the dictionary spelling: "be" would be said with the open vowel.
  CHECK(*text_to_phonemes("be", Lang::id) == "b'E");
  // In the sentence the letter keeps its name.
  auto sentence = text_to_phonemes(*call_phrase({"B-001", 3, "", 0}, Lang::id), Lang::id);
  REQUIRE(sentence.ok());
  CHECK(sentence->find("b'e n'ol n'ol s'atu") != std::string::npos);
}

TEST_CASE("synth: concurrent callers are serialised") {
  // espeak-ng itself varies the length by a few samples from run to run (its voice
  // flutter carries over), so compare against a sequential run with a tolerance.
  // Without the lock, threads share espeak's buffers: crashes or mixed-up audio.
  const std::string text = "Nomor antrian B nol nol dua";
  auto reference = synthesize(text);
  REQUIRE_MESSAGE(reference.ok(), reference.error());
  const double expected = double(reference->samples.size());

  constexpr int kThreads = 4, kRounds = 5;
  std::vector<std::vector<std::size_t>> sizes(kThreads);
  std::vector<std::vector<double>> levels(kThreads);
  std::vector<std::thread> threads;
  for (int i = 0; i < kThreads; ++i)
    threads.emplace_back([&, i] {
      for (int round = 0; round < kRounds; ++round) {
        auto pcm = synthesize(text);
        sizes[i].push_back(pcm.ok() ? pcm->samples.size() : 0);
        levels[i].push_back(pcm.ok() ? rms(pcm->samples) : 0);
      }
    });
  for (auto& t : threads) t.join();
  for (int i = 0; i < kThreads; ++i)
    for (int round = 0; round < kRounds; ++round) {
      CAPTURE(i);
      CAPTURE(round);
      CHECK(double(sizes[i][round]) == doctest::Approx(expected).epsilon(0.03));
      CHECK(levels[i][round] == doctest::Approx(rms(reference->samples)).epsilon(0.1));
    }
}
