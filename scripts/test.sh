#!/usr/bin/env bash
# Installs, builds and runs every test: the release build, then the same
# suites under AddressSanitizer and UndefinedBehaviorSanitizer.
# COLLABNET_SKIP_SANITIZE=1 skips the sanitizer pass.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build"
"$root/build/cli/collabnet" simulate --replicates 2000 >/dev/null
(cd "$root/build" && ctest --output-on-failure --parallel "$(nproc)" --timeout 600)
if [[ "${COLLABNET_SKIP_SANITIZE:-0}" != 1 ]]; then
  "$root/scripts/build.sh" "$root/build-sanitize" -DCMAKE_BUILD_TYPE=Debug \
    -DCOLLABNET_SANITIZE=ON -DCOLLABNET_BUILD_BENCH=OFF
  (cd "$root/build-sanitize" &&
    ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --output-on-failure --parallel "$(nproc)" --timeout 900 -LE slow)
fi
