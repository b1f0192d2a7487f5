#pragma once
// The JSON lines antrian-display prints with --headless or --print-events: one
// object per line, flushed at once so a test reading the pipe sees it immediately.
#include <nlohmann/json.hpp>

namespace antrian::display {

struct ProgramOptions;
class SdlSpeaker;

void print_json_line(const nlohmann::json& j);

// {"type":"start","hub":...,"services":[...],"lokets":[...],"audio":"dummy"|"none"|"muted",...}
void print_start_line(const ProgramOptions& o, const SdlSpeaker& speaker);

}  // namespace antrian::display
