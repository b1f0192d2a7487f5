#!/bin/sh
# The outbox's kill drill, long version (docs/RELIABILITY.md): the hub is killed with
# SIGKILL KILLS times (default 100) while tickets with phone numbers are issued and
# called; at the end every message whose cause was acknowledged must have reached the
# webhook (a real HTTP receiver in the test) and gammu-smsd's tables must hold each
# message id once. The same test runs with 5 kills in ctest. Prints one figures line:
#   outbox kill drill: K kills, M messages acknowledged, 0 lost; webhook: ... ; gammu: ... 0 twice
set -eu
cd "$(dirname "$0")/.."
BUILD=${BUILD:-build}
cmake --build "$BUILD" -j2 --target antrian_e2e_tests antrian-server >/dev/null
ANTRIAN_OUTBOX_KILLS=${KILLS:-100} "$BUILD/tests/e2e/antrian_e2e_tests" -tc="outbox kill drill*" 2>"${LOG:-/dev/null}"
