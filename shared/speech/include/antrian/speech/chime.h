#pragma once
// The "ding-dong" played before a call, synthesised so no sound file has to ship or
// go missing. Same sample rate as the speech, so the display can play both back to back.
#include "antrian/speech/pcm.h"

namespace antrian::speech {

struct ChimeOptions {
  int sample_rate = kSampleRate;
  double volume = 0.5;  // peak level, 0..1 of full scale; headroom keeps cheap speakers clean
};

// Two bell-like tones a major third apart, high then low (E5 then C5), each with a
// quick attack and an exponential decay; about 1.4 s in all.
Pcm chime(const ChimeOptions& options = {});

}  // namespace antrian::speech
