#!/usr/bin/env bash
# Regenerates the embedded default from scratch: the sample district, then the
# default scenario fitted to the case study's observed direct reach.
# Usage: data/regenerate.sh [path/to/collabnet]   (then rebuild to embed it)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
collabnet=$(realpath "${1:-"$here/../build/cli/collabnet"}")
cd "$here"
"$collabnet" generate --out district --name sample-district --seed 2019
"$collabnet" fit --scenario default-start.textproto --out default.textproto
