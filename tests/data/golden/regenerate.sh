#!/usr/bin/env bash
# Rewrites the golden results of the default run that the program's tests
# hold it to (TheDefaultRunIsTheCommittedGoldenResult): 200 replicates of the
# embedded default scenario, stable JSON, with one stream a replicate (a
# single run's draws) and coupled. Run it when a change to the random streams
# or to the result is deliberate, then review the diff.
# Usage: tests/data/golden/regenerate.sh [path/to/collabnet]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
collabnet=$(realpath "${1:-"$here/../../../build/cli/collabnet"}")
"$collabnet" simulate --replicates 200 --format json --stable \
  --out "$here/default.json"
"$collabnet" simulate --replicates 200 --format json --stable --coupled \
  --out "$here/default_coupled.json"
