#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/) with clang in build-fuzz and runs each one for
# SECONDS over a copy of its seed corpus (tests/fuzz/corpus/<name>) plus its
# regression inputs. Any crash fails the script; the crashing input is left in
# build-fuzz/runs/<name>/ (copy it to tests/fuzz/regressions/<name>/ once fixed).
# Usage: scripts/fuzz.sh [SECONDS] [HARNESS...]   (default 20 s each, every harness)
# Environment: FUZZ_JOBS=N runs N harnesses at once (default 1), FUZZ_KEEP=1 keeps
# the grown corpora of earlier runs instead of starting from the seeds, FUZZ_OUT=DIR
# puts the runs elsewhere (default build-fuzz/runs).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
shift || true
harnesses=("$@")
((${#harnesses[@]})) || harnesses=(protocol config http)
jobs=${FUZZ_JOBS:-1}
out=${FUZZ_OUT:-build-fuzz/runs}

# A small tree: no GUI programs, no test suites; -O1 and line tables build quickly and
# still give readable stack traces.
if [ ! -f build-fuzz/CMakeCache.txt ]; then
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DANTRIAN_FUZZ=ON -DANTRIAN_GUI=OFF -DANTRIAN_TEST_SUITES=none \
    -DCMAKE_BUILD_TYPE=Fuzz -DCMAKE_CXX_FLAGS="-O1 -gline-tables-only" >/dev/null
fi
targets=()
for h in "${harnesses[@]}"; do targets+=(--target "antrian_fuzz_$h"); done
cmake --build build-fuzz -j2 "${targets[@]}"

# UBSan findings abort; leaks of the harness's one-time hub are not findings.
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export ASAN_OPTIONS=detect_leaks=0:abort_on_error=1

run_one() {
  local h=$1 dir=$out/$1
  [ "${FUZZ_KEEP:-0}" = 1 ] || rm -rf "$dir"
  rm -rf "$dir/artifacts"
  mkdir -p "$dir/corpus" "$dir/artifacts"
  # A copy of the binary: rebuilding build-fuzz during a long run does not disturb it.
  cp build-fuzz/fuzz/antrian_fuzz_"$h" "$dir/"
  cp -n tests/fuzz/corpus/"$h"/* "$dir/corpus/"
  local extra=()
  [ -d tests/fuzz/regressions/"$h" ] && [ -n "$(ls -A tests/fuzz/regressions/"$h")" ] && extra+=(tests/fuzz/regressions/"$h")
  echo "fuzz: $h for ${seconds}s (log $dir/log.txt)"
  if "$dir/antrian_fuzz_$h" -max_total_time="$seconds" -timeout=30 -rss_limit_mb=4096 \
       -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "$dir/corpus" "${extra[@]}" >"$dir/log.txt" 2>&1; then
    grep -E "^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::average_exec_per_sec)" "$dir/log.txt" | sed "s/^/fuzz: $h: /"
  else
    echo "fuzz: $h FAILED; the end of its log:"
    tail -40 "$dir/log.txt"
    ls "$dir/artifacts"
    return 1
  fi
}

status=0
if ((jobs > 1)); then
  pids=()
  for h in "${harnesses[@]}"; do run_one "$h" & pids+=($!); done
  for p in "${pids[@]}"; do wait "$p" || status=1; done
else
  for h in "${harnesses[@]}"; do run_one "$h" || status=1; done
fi
exit $status
