#pragma once
// Runs a console script against the hub without a window, printing one JSON line
// per step on stdout. A script from a file is parsed whole first (a mistake stops it
// before anything is sent); one from stdin runs line by line as lines arrive, so a
// test can drive the console step by step.
#include <string>

#include "antrian/counter/console_model.h"
#include "antrian/counter/script.h"
#include "hub_link.h"

namespace antrian::counter {

// Returns the number of steps that failed (refusals expected by expect-refused
// do not count).
int run_script(HubLink& link, ConsoleModel& model, ScriptRunner& runner, bool stream_stdin);

}  // namespace antrian::counter
