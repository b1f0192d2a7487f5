#include "json_lines.h"

#include <cstdio>
#include <mutex>

#include "display_options.h"
#include "sdl_speaker.h"

namespace antrian::display {

void print_json_line(const nlohmann::json& j) {
  static std::mutex mu;
  const std::string line = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
  std::lock_guard l(mu);
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fflush(stdout);
}

void print_start_line(const ProgramOptions& o, const SdlSpeaker& speaker) {
  const DisplayConfig& c = o.config;
  std::string audio = "none";
  if (c.mute || c.volume <= 0) audio = "muted";
  else if (speaker.unavailable_reason().empty()) audio = speaker.driver();
  nlohmann::json j = {{"type", "start"},   {"hub", c.hub},         {"services", c.services},
                      {"lokets", c.lokets}, {"volume", c.volume},  {"mute", c.mute},
                      {"audio", audio},     {"title", c.title},    {"max_speech_age_s", c.max_speech_age_s}};
  if (!speaker.unavailable_reason().empty()) j["audio_reason"] = speaker.unavailable_reason();
  print_json_line(j);
}

}  // namespace antrian::display
