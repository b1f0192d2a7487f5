#pragma once
// --headless: the display without a window, for tests and scripts. It connects,
// decides and speaks exactly like the windowed program (same DisplayRuntime, same
// speaker) and prints every decision and every change of the view as one JSON
// object per line on stdout. Ends on SIGINT/SIGTERM or --exit-after.
#include "display_options.h"

namespace antrian::display {

int run_headless(const ProgramOptions& options);

}  // namespace antrian::display
