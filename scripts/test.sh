#!/usr/bin/env bash
# Installs, builds and runs every test: the release build, then the same
# suites under AddressSanitizer and UndefinedBehaviorSanitizer, but for those
# labelled slow (the statistical comparisons at thousands of replicates and
# the installed package's consumer), which repeat code paths the other tests
# cover and would take many minutes under the sanitizers.
# Then every parser's fuzz target runs from its seed corpus for a bounded
# time under libFuzzer with the same sanitizers.
# COLLABNET_SKIP_SANITIZE=1 skips the sanitizer pass, COLLABNET_SKIP_FUZZ=1
# the fuzzing; COLLABNET_FUZZ_SECONDS sets the time per target (default 15).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" -DBUILD_TESTING=ON \
  -DCOLLABNET_BUILD_BENCH=ON
"$root/build/cli/collabnet" simulate --replicates 2000 >/dev/null
(cd "$root/build" && ctest --output-on-failure --parallel "$(nproc)" --timeout 600)
if [[ "${COLLABNET_SKIP_SANITIZE:-0}" != 1 ]]; then
  "$root/scripts/build.sh" "$root/build-sanitize" -DCMAKE_BUILD_TYPE=Debug \
    -DCOLLABNET_SANITIZE=ON -DCOLLABNET_BUILD_BENCH=OFF
  (cd "$root/build-sanitize" &&
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --output-on-failure --parallel "$(nproc)" --timeout 900 -LE slow)
fi
if [[ "${COLLABNET_SKIP_FUZZ:-0}" != 1 ]]; then
  "$root/scripts/fuzz.sh" "${COLLABNET_FUZZ_SECONDS:-15}"
fi
