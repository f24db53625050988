#!/usr/bin/env bash
# Makes the sample scenarios that `collabnet compare` runs in the README:
# the case study's four co-teachers (the default scenario), and 40 leaders
# placed one per school at random, by degree, and by `collabnet place`, all
# on the embedded sample district with the default scenario's model.
# Usage: data/scenarios/make.sh [path/to/collabnet]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
collabnet=$(realpath "${1:-"$here/../../build/cli/collabnet"}")
cd "$here"
# The default scenario, on the embedded district (no district path).
sed -e 's/^name: "default"/name: "co-teachers"/' -e '/^district:/d' \
  ../default.textproto >co-teachers.textproto
for strategy in random-per-school degree reverse-samples; do
  "$collabnet" place --budget 40 --strategy "$strategy" \
    --leaders-out "$strategy-40.textproto" >/dev/null
done
