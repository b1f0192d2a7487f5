#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (unit, end-to-end, programs),
# then a short fuzz run: each libFuzzer harness 10 s in build-fuzz (clang; docs/FUZZING.md).
# Usage: scripts/test.sh   (as root, or as a user who may sudo)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh build
# Two jobs: the end-to-end tests spend most of their time waiting on real processes.
ctest --test-dir build --output-on-failure -j2 --timeout 300
# Any crash fails the script; build-fuzz is kept, so later runs rebuild only what changed.
./scripts/fuzz.sh 10
