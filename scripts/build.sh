#!/usr/bin/env bash
# Configures and builds collabnet.
# Usage: scripts/build.sh [BUILD_DIR] [CMAKE_ARGS...]
#   COLLABNET_BUILD_TARGET  build only this target (e.g. collabnet)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-"$root/build"}
shift || true
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build "$build" --parallel "$(nproc)" \
  ${COLLABNET_BUILD_TARGET:+--target "$COLLABNET_BUILD_TARGET"}
