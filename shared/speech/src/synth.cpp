#include "antrian/speech/synth.h"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <filesystem>
#include <mutex>
#include <vector>

namespace antrian::speech {
namespace {

struct Engine {
  std::mutex mutex;
  bool ready = false;
  std::string data_path;  // as asked for by the first successful init
  int sample_rate = 0;
};

Engine& engine() {
  static Engine e;
  return e;
}

std::string status_message(espeak_ng_STATUS status) {
  char buf[512] = {};
  espeak_ng_GetStatusCodeMessage(status, buf, sizeof buf);
  return buf;
}

// espeak-ng accepts the folder itself or its parent; check for the phoneme table first,
// so a wrong path gets a clear reason instead of whatever espeak reports.
bool has_espeak_data(const std::filesystem::path& p) {
  std::error_code ec;
  return std::filesystem::exists(p / "phontab", ec) ||
         std::filesystem::exists(p / "espeak-ng-data" / "phontab", ec);
}

Status init_locked(Engine& e, const std::string& data_path) {
  if (e.ready) {
    if (data_path.empty() || data_path == e.data_path) return success();
    return Status::failure("espeak-ng is already running with data from '" +
                           (e.data_path.empty() ? std::string("the system") : e.data_path) +
                           "'; restart the program to use '" + data_path + "'");
  }
  if (!data_path.empty() && !has_espeak_data(data_path))
    return Status::failure("no espeak-ng data (phontab) in '" + data_path +
                           "'; install the espeak-ng-data package or fix the path");
  espeak_ng_InitializePath(data_path.empty() ? nullptr : data_path.c_str());
  espeak_ng_ERROR_CONTEXT context = nullptr;
  const espeak_ng_STATUS status = espeak_ng_Initialize(&context);
  espeak_ng_ClearErrorContext(&context);
  if (status != ENS_OK) {
    const char* used = nullptr;
    espeak_Info(&used);
    return Status::failure("espeak-ng could not start (" + status_message(status) +
                           ") with data from '" + std::string(used ? used : "?") +
                           "'; install the espeak-ng-data package or set ESPEAK_DATA_PATH");
  }
  // Synchronous: Synthesize returns when all audio went through our callback; no device.
  const espeak_ng_STATUS out = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
  if (out != ENS_OK) return Status::failure("espeak-ng output setup failed: " + status_message(out));
  e.sample_rate = espeak_ng_GetSampleRate();
  e.data_path = data_path;
  e.ready = true;
  return success();
}

Status select_voice(Lang lang, const std::string& voice) {
  const std::string name = !voice.empty() ? voice : (lang == Lang::id ? "id" : "en");
  const espeak_ng_STATUS status = espeak_ng_SetVoiceByName(name.c_str());
  if (status != ENS_OK)
    return Status::failure("espeak-ng voice '" + name + "' is not available (" +
                           status_message(status) + "); see `espeak-ng --voices`");
  return success();
}

Status set_parameter(espeak_PARAMETER p, int value, const char* what, int lo, int hi) {
  if (value < lo || value > hi)
    return Status::failure(std::string(what) + " " + std::to_string(value) + " is not between " +
                           std::to_string(lo) + " and " + std::to_string(hi));
  const espeak_ng_STATUS status = espeak_ng_SetParameter(p, value, 0);
  if (status != ENS_OK)
    return Status::failure(std::string("espeak-ng refused ") + what + ": " + status_message(status));
  return success();
}

// espeak calls this with chunks of samples; user_data carries our buffer.
int collect_samples(short* wav, int count, espeak_EVENT* events) {
  if (wav && count > 0 && events) {
    auto* out = static_cast<std::vector<std::int16_t>*>(events->user_data);
    if (out) out->insert(out->end(), wav, wav + count);
  }
  return 0;  // 0 = go on
}

}  // namespace

Status init_speech_engine(const std::string& data_path) {
  Engine& e = engine();
  std::lock_guard lock(e.mutex);
  return init_locked(e, data_path);
}

Result<Pcm> synthesize(std::string_view text, const VoiceOptions& options) {
  using R = Result<Pcm>;
  if (text.size() > kMaxSynthBytes)
    return R::failure("text of " + std::to_string(text.size()) + " bytes is too long to speak (at most " +
                      std::to_string(kMaxSynthBytes) + ")");
  Engine& e = engine();
  std::lock_guard lock(e.mutex);
  if (Status s = init_locked(e, {}); !s) return R::failure(s.error());
  if (Status s = select_voice(options.lang, options.voice); !s) return R::failure(s.error());
  for (Status s : {set_parameter(espeakRATE, options.rate_wpm, "speech rate (words/minute)", 80, 450),
                   set_parameter(espeakVOLUME, options.volume, "speech volume (%)", 0, 200),
                   set_parameter(espeakPITCH, options.pitch, "speech pitch", 0, 100)})
    if (!s) return R::failure(s.error());

  Pcm pcm;
  pcm.sample_rate = e.sample_rate;
  const std::string owned(text);  // espeak wants a NUL-terminated string
  espeak_SetSynthCallback(collect_samples);
  const espeak_ng_STATUS status =
      espeak_ng_Synthesize(owned.c_str(), owned.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                           nullptr, &pcm.samples);
  if (status != ENS_OK) return R::failure("espeak-ng synthesis failed: " + status_message(status));
  return pcm;
}

Result<std::string> text_to_phonemes(std::string_view text, Lang lang) {
  using R = Result<std::string>;
  Engine& e = engine();
  std::lock_guard lock(e.mutex);
  if (Status s = init_locked(e, {}); !s) return R::failure(s.error());
  if (Status s = select_voice(lang, {}); !s) return R::failure(s.error());
  const std::string owned(text);
  const void* cursor = owned.c_str();
  std::string out;
  // Each call translates one clause and advances cursor; nullptr when done.
  while (cursor) {
    const char* ph = espeak_TextToPhonemes(&cursor, espeakCHARS_UTF8, 0);
    if (!ph) break;
    std::string clause(ph);
    while (!clause.empty() && clause.front() == ' ') clause.erase(clause.begin());
    if (clause.empty()) continue;
    if (!out.empty()) out += ' ';
    out += clause;
  }
  return out;
}

}  // namespace antrian::speech
