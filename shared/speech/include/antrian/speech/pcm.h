#pragma once
// Audio as the display plays it: 16-bit signed mono samples at one sample rate.
#include <cstdint>
#include <vector>

namespace antrian::speech {

inline constexpr int kSampleRate = 22050;  // espeak-ng's native rate; the chime matches it

struct Pcm {
  std::vector<std::int16_t> samples;
  int sample_rate = kSampleRate;

  double seconds() const {
    return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0.0;
  }
};

}  // namespace antrian::speech
