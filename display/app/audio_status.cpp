#include "audio_status.h"

namespace antrian::display {

void report_audio_status(DisplayRuntime& rt, const ProgramOptions& o, const SdlSpeaker& speaker) {
  if (o.config.mute || o.config.volume <= 0) rt.set_audio_status(true, "muted");
  else if (!speaker.unavailable_reason().empty()) rt.set_audio_status(false, speaker.unavailable_reason());
  else rt.set_audio_status(true, "audio: " + speaker.driver());
}

}  // namespace antrian::display
