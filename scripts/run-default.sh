#!/usr/bin/env bash
# Fresh machine to first result: installs, builds, and runs the main job, the
# default scenario on the embedded sample district.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build"
"$root/build/cli/collabnet" simulate "$@"
