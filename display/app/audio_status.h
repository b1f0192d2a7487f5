#pragma once
// Tells the hub whether this display can be heard (device "<name>/audio": ok, muted,
// or an error with the reason), so an admin sees a TV without speakers.
#include "antrian/display/display_runtime.h"
#include "display_options.h"
#include "sdl_speaker.h"

namespace antrian::display {

void report_audio_status(DisplayRuntime& rt, const ProgramOptions& o, const SdlSpeaker& speaker);

}  // namespace antrian::display
