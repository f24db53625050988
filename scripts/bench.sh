#!/usr/bin/env bash
# Builds the release tree, runs the benchmark programs and compares each run
# against its committed baseline (bench/baseline_*.json) with
# bench/compare.py: prints new/baseline for every throughput counter and
# exits 1 if any falls below 1 - tolerance. For CI benchmark runs on the
# machine the baselines were made on.
#
# Usage: scripts/bench.sh [OUT_DIR]   (default: build/bench-results)
#   COLLABNET_BENCH_TOLERANCE  allowed drop, default 0.25
#   COLLABNET_BENCH_PROGRAMS   which programs, default
#                              "plain_models cascade ingest placement measures"
# The ingest benchmark writes about 1.5 GB of generated files once into
# $COLLABNET_BENCH_TMP (default /tmp/collabnet_ingest_bench).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-"$root/build/bench-results"}
tolerance=${COLLABNET_BENCH_TOLERANCE:-0.25}
programs=${COLLABNET_BENCH_PROGRAMS:-"plain_models cascade ingest placement measures"}
"$root/scripts/install-deps.sh"
"$root/scripts/build.sh" "$root/build" -DCOLLABNET_BUILD_BENCH=ON
mkdir -p "$out"
status=0
for program in $programs; do
  case "$program" in
    plain_models) repetitions=5 ;;
    *) repetitions=3 ;;
  esac
  echo "== $program (${repetitions} repetitions, medians)" >&2
  "$root/build/bench/${program}_benchmark" \
    --benchmark_repetitions="$repetitions" \
    --benchmark_report_aggregates_only=true \
    --benchmark_format=json >"$out/$program.json"
  python3 "$root/bench/compare.py" "$root/bench/baseline_$program.json" \
    "$out/$program.json" --tolerance "$tolerance" || status=1
done
exit "$status"
