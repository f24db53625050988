#!/usr/bin/env bash
# Fresh machine to first result: installs what the program needs, builds the
# program alone, and runs the main job, the default scenario on the embedded
# sample district. Arguments go to `collabnet simulate`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh" --program
COLLABNET_BUILD_TARGET=collabnet "$root/scripts/build.sh" "$root/build" \
  -DBUILD_TESTING=OFF -DCOLLABNET_BUILD_BENCH=OFF
"$root/build/cli/collabnet" simulate "$@"
