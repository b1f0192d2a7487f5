#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <unistd.h>

#include "antrian/speech/chime.h"
#include "antrian/speech/wav.h"
#include "audio_measure.h"
#include "wav_reader.h"

using namespace antrian::speech;
namespace fs = std::filesystem;

namespace {

// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
  fs::path path;
  TempDir() {
    static int n = 0;
    path = fs::temp_directory_path() /
           ("antrian-speech-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
};

// Zero crossings per second of a stretch: twice the frequency of a pure tone.
double crossings_per_second(const std::vector<std::int16_t>& s, std::size_t from, std::size_t to, int rate) {
  int crossings = 0;
  for (std::size_t i = from + 1; i < to; ++i)
    if ((s[i - 1] < 0) != (s[i] < 0)) ++crossings;
  return crossings * double(rate) / double(to - from);
}

}  // namespace

TEST_CASE("wav: bytes of a known signal parse back exactly") {
  Pcm pcm;
  pcm.sample_rate = 22050;
  pcm.samples = {0, 1, -1, 32767, -32768, 1234, -4321};
  const auto bytes = wav_bytes(pcm);
  CHECK(bytes.size() == 44 + 2 * pcm.samples.size());
  std::string why;
  auto w = parse_wav(bytes, why);
  REQUIRE_MESSAGE(w.has_value(), why);
  CHECK(w->format == 1);
  CHECK(w->channels == 1);
  CHECK(w->bits == 16);
  CHECK(w->sample_rate == 22050);
  CHECK(w->samples == pcm.samples);
}

TEST_CASE("wav: write_wav writes a file and reports a bad folder") {
  TempDir dir;
  Pcm pcm;
  pcm.samples.assign(2205, 1000);
  const fs::path file = dir.path / "call.wav";
  Status s = write_wav(file, pcm);
  REQUIRE_MESSAGE(s.ok(), s.error());
  CHECK_FALSE(fs::exists(dir.path / "call.wav.tmp"));
  std::string why;
  auto w = parse_wav(read_file_bytes(file.string()), why);
  REQUIRE_MESSAGE(w.has_value(), why);
  CHECK(w->seconds() == doctest::Approx(0.1));

  Status bad = write_wav(dir.path / "no-such-folder" / "call.wav", pcm);
  CHECK_FALSE(bad.ok());
  CHECK(bad.error().find("cannot create") != std::string::npos);
}

TEST_CASE("chime: two tones, high then low, with a clean start and end") {
  const Pcm c = chime();
  CHECK(c.sample_rate == kSampleRate);
  CHECK(c.seconds() > 1.0);
  CHECK(c.seconds() < 2.0);

  // Peak at the requested volume (0.5 of full scale), no clipping.
  const auto peak = std::abs(int(*std::max_element(c.samples.begin(), c.samples.end(), [](auto a, auto b) {
    return std::abs(int(a)) < std::abs(int(b));
  })));
  CHECK(peak == doctest::Approx(0.5 * 32767).epsilon(0.01));

  // Starts and ends near silence (no click).
  CHECK(std::abs(int(c.samples.front())) < 200);
  CHECK(std::abs(int(c.samples.back())) < 200);

  // "Ding" then "dong": the first tone is higher than the second. The fundamental
  // dominates, so zero crossings give roughly 2 x its frequency (E5 659 Hz, C5 523 Hz).
  const int r = c.sample_rate;
  const double ding = crossings_per_second(c.samples, r / 20, r * 2 / 5, r) / 2;
  const double dong = crossings_per_second(c.samples, r * 97 / 100, r * 13 / 10, r) / 2;  // ding has ended
  CHECK(ding == doctest::Approx(659.25).epsilon(0.08));
  CHECK(dong == doctest::Approx(523.25).epsilon(0.08));

  // It decays: the tail is much quieter than the strike.
  const auto windows = window_rms(c.samples, r, 50);
  REQUIRE(windows.size() > 10);
  CHECK(windows.back() < windows[1] / 10);

  // Volume 0 is silence, not noise.
  ChimeOptions quiet;
  quiet.volume = 0;
  CHECK(rms(chime(quiet).samples) == 0.0);
}
