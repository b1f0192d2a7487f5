#pragma once
// What the main loop did, so a benchmark can check that an idle screen sleeps:
// frames rendered, time spent rendering, and the process's CPU time.
#include <cstdint>
#include <string>

namespace antrian::ui {

struct LoopStats {
  std::uint64_t frames = 0;      // frames drawn and presented
  std::uint64_t wakeups = 0;     // times the loop returned from waiting
  std::uint64_t wake_calls = 0;  // App::wake() events handled
  double render_s = 0;           // time inside draw + render + present
  double wall_s = 0;             // time since the loop started
  double cpu_s = 0;              // user + system CPU of the whole process (getrusage)
  double font_build_s = 0;       // time spent building font atlases
  std::string renderer;          // SDL renderer in use: "opengl", "software", ...

  // Frames per second of wall time, and CPU use in percent of one core.
  double fps() const { return wall_s > 0 ? frames / wall_s : 0; }
  double cpu_percent() const { return wall_s > 0 ? 100.0 * cpu_s / wall_s : 0; }
};

// User + system CPU seconds of this process so far.
double process_cpu_seconds();

// One JSON line, e.g. {"frames":12,"wakeups":14,...,"cpu_percent":0.4}
std::string to_json(const LoopStats& stats);

}  // namespace antrian::ui
