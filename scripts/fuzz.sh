#!/usr/bin/env bash
# Builds the parsers' fuzz targets with clang's libFuzzer, AddressSanitizer
# and UndefinedBehaviorSanitizer, and runs each from its seed corpus for a
# bounded time. Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] (default 20).
# COLLABNET_FUZZ_SEED fixes libFuzzer's seed (default 1, so a test run
# explores the same inputs each time; 0 lets libFuzzer pick one).
# A crash, leak, timeout or sanitizer report fails the script and leaves the
# input that caused it in build-fuzz/findings/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20}
build="$root/build-fuzz"
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -G Ninja \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCOLLABNET_FUZZ=ON -DBUILD_TESTING=OFF \
  -DCOLLABNET_BUILD_BENCH=OFF >/dev/null
cmake --build "$build" --target fuzzers --parallel "$(nproc)"
mkdir -p "$build/findings"
failed=0
for corpus in "$root"/fuzz/corpus/*/; do
  target=$(basename "$corpus")
  work="$build/corpus/$target"
  mkdir -p "$work"
  if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 \
    -seed="${COLLABNET_FUZZ_SEED:-1}" \
    -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$build/findings/$target-" "$work" "$corpus" \
    >"$build/$target.log" 2>&1; then
    echo "fuzz_$target FAILED; see $build/$target.log" >&2
    tail -40 "$build/$target.log" >&2
    failed=1
  else
    runs=$(grep -m1 -o 'stat::number_of_executed_units: [0-9]*' \
      "$build/$target.log" | grep -o '[0-9]*$' || echo "?")
    echo "fuzz_$target: $runs inputs in ${seconds}s, no crash, leak or hang"
  fi
done
exit "$failed"
