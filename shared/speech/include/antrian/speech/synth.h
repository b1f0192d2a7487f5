#pragma once
// Text to 16-bit mono PCM with espeak-ng (Indonesian voice "id", English "en").
// espeak-ng keeps global state and is not thread-safe: every call here takes one
// process-wide lock, and the engine is initialised once, on first use. Synthesis runs
// in espeak's synchronous mode and never opens an audio device.
#include <string>
#include <string_view>

#include "antrian/speech/pcm.h"
#include "antrian/speech/result.h"
#include "antrian/strings.h"

namespace antrian::speech {

struct VoiceOptions {
  Lang lang = Lang::id;
  std::string voice;   // espeak voice name; empty = "id" or "en" from lang
  int rate_wpm = 150;  // 80..450; espeak's default 175 is hurried in an echoing hall
  int volume = 100;    // 0..200 (percent)
  int pitch = 50;      // 0..100
};

// Longest text accepted; a call phrase is under 150 bytes.
inline constexpr std::size_t kMaxSynthBytes = 2000;

// Initialises espeak-ng once. data_path: a folder that holds espeak-ng-data or is it;
// empty = ESPEAK_DATA_PATH or the system's data. Calling again with the same path is a
// no-op; another path after a successful start fails (espeak-ng cannot be reloaded
// safely in-process). A failed start can be retried.
Status init_speech_engine(const std::string& data_path = {});

// Renders text. Fails with a reason: espeak data missing, unknown voice, an option out
// of range, text too long.
Result<Pcm> synthesize(std::string_view text, const VoiceOptions& options = {});

// espeak-ng's phoneme mnemonics for text (clauses joined by " "), e.g. "B" in
// Indonesian gives "b'e". Used to check pronunciation without listening.
Result<std::string> text_to_phonemes(std::string_view text, Lang lang);

}  // namespace antrian::speech
