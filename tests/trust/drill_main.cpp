// antrian-drill: the kill drill from the command line (scripts/drill-kill.sh).
//   antrian-drill [--kills N] [--seed S] [--kiosks N] [--verbose]
// Exit 0 when nothing was lost, duplicated or damaged and the display kept up.
#include <cstdlib>
#include <cstring>
#include <iostream>

#include "kill_drill.h"

int main(int argc, char** argv) {
  antrian::test::DrillOptions opt;
  for (int i = 1; i < argc; ++i) {
    const bool has_value = i + 1 < argc;
    if (!std::strcmp(argv[i], "--kills") && has_value) opt.kills = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--seed") && has_value) opt.seed = unsigned(std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--kiosks") && has_value) opt.kiosks = std::atoi(argv[++i]);
    else if (!std::strcmp(argv[i], "--verbose")) opt.verbose = true;
    else {
      std::cerr << "usage: antrian-drill [--kills N] [--seed S] [--kiosks N] [--verbose]\n";
      return 2;
    }
  }
  if (opt.kills < 1) {
    std::cerr << "error: --kills must be at least 1\n";
    return 2;
  }
  if (opt.kiosks < 1 || opt.kiosks > 64) {
    std::cerr << "error: --kiosks must be 1 to 64\n";
    return 2;
  }
  try {
    const auto t = antrian::test::run_kill_drill(opt);
    std::cout << "kills:                 " << t.kills << "\n"
              << "tickets acknowledged:  " << t.acknowledged << "\n"
              << "presence checks:       " << t.checked << "\n"
              << "lost:                  " << t.lost << "\n"
              << "duplicated numbers:    " << t.duplicated << "\n"
              << "display phantoms:      " << t.phantoms << "\n"
              << "integrity failures:    " << t.integrity_failures << "\n"
              << "display resync > 2 s:  " << t.resync_failures << "\n"
              << "max display resync:    " << t.max_resync_ms << " ms\n"
              << "counter operations:    " << t.counter_ops << "\n"
              << "requests resent:       " << t.retried << "\n"
              << "display == hub at end: " << (t.final_mirror_equal ? "yes" : "no") << "\n";
    if (!t.first_problem.empty()) std::cout << "first problem:         " << t.first_problem << "\n";
    const bool clean = t.lost == 0 && t.duplicated == 0 && t.phantoms == 0 && t.integrity_failures == 0 && t.resync_failures == 0 &&
                       t.final_mirror_equal;
    return clean ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "error: " << e.what() << "\n";
    return 3;
  }
}
