#include "antrian/speech/chime.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace antrian::speech {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Adds one struck-bell tone at start_s: fundamental plus two quieter partials, so it
// sounds like a chime and not like a test tone.
void add_tone(std::vector<double>& mix, int rate, double start_s, double freq, double length_s) {
  constexpr double kAttack = 0.008;  // seconds; a faster attack clicks
  constexpr double kDecay = 3.2;     // per second: falls about 28 dB in a second
  const struct { double ratio, gain; } partials[] = {{1.0, 1.0}, {2.0, 0.35}, {3.0, 0.12}};
  const auto first = static_cast<std::size_t>(start_s * rate);
  const auto count = static_cast<std::size_t>(length_s * rate);
  for (std::size_t i = 0; i < count && first + i < mix.size(); ++i) {
    const double t = static_cast<double>(i) / rate;
    double env = t < kAttack ? t / kAttack : std::exp(-kDecay * (t - kAttack));
    // Fade the last 50 ms to zero so the tail never ends in a click.
    const double to_end = length_s - t;
    if (to_end < 0.05) env *= std::max(0.0, to_end / 0.05);
    double v = 0;
    for (const auto& p : partials) v += p.gain * std::sin(2 * kPi * freq * p.ratio * t);
    mix[first + i] += env * v;
  }
}

}  // namespace

Pcm chime(const ChimeOptions& options) {
  const int rate = options.sample_rate > 0 ? options.sample_rate : kSampleRate;
  constexpr double kDing = 659.25, kDong = 523.25;  // E5, C5
  constexpr double kSecondAt = 0.45, kToneLength = 0.95;
  std::vector<double> mix(static_cast<std::size_t>((kSecondAt + kToneLength) * rate), 0.0);
  add_tone(mix, rate, 0.0, kDing, kToneLength);
  add_tone(mix, rate, kSecondAt, kDong, kToneLength);

  // Normalise to the requested peak, whatever the overlap of the two tones adds up to.
  double peak = 0;
  for (double v : mix) peak = std::max(peak, std::abs(v));
  const double volume = std::clamp(options.volume, 0.0, 1.0);
  const double scale = peak > 0 ? volume * 32767.0 / peak : 0.0;

  Pcm pcm;
  pcm.sample_rate = rate;
  pcm.samples.reserve(mix.size());
  for (double v : mix)
    pcm.samples.push_back(static_cast<std::int16_t>(std::lround(std::clamp(v * scale, -32767.0, 32767.0))));
  return pcm;
}

}  // namespace antrian::speech
