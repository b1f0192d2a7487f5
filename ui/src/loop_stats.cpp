#include "antrian/ui/loop_stats.h"

#include <sys/resource.h>

#include <cstdio>

namespace antrian::ui {

double process_cpu_seconds() {
  rusage usage{};
  if (getrusage(RUSAGE_SELF, &usage) != 0) return 0;
  auto secs = [](const timeval& tv) { return tv.tv_sec + tv.tv_usec / 1e6; };
  return secs(usage.ru_utime) + secs(usage.ru_stime);
}

std::string to_json(const LoopStats& s) {
  char buf[512];
  std::snprintf(buf, sizeof buf,
                "{\"frames\":%llu,\"wakeups\":%llu,\"wake_calls\":%llu,\"wall_s\":%.3f,"
                "\"render_s\":%.4f,\"cpu_s\":%.4f,\"font_build_s\":%.4f,\"fps\":%.3f,"
                "\"cpu_percent\":%.3f,\"renderer\":\"%s\"}",
                static_cast<unsigned long long>(s.frames), static_cast<unsigned long long>(s.wakeups),
                static_cast<unsigned long long>(s.wake_calls), s.wall_s, s.render_s, s.cpu_s,
                s.font_build_s, s.fps(), s.cpu_percent(), s.renderer.c_str());
  return buf;
}

}  // namespace antrian::ui
