#!/usr/bin/env python3
"""Compares a Google Benchmark JSON run against the committed baseline.

Usage: bench/compare.py BASELINE.json NEW.json [--tolerance 0.25]

For every benchmark in both files, prints new/baseline of each throughput
counter (items_per_second, cascades_per_s, ties_examined_per_s,
bytes_per_second, ties_per_s) and of placement's `reach` (the chosen
leaders' expected reach, which must not fall either) and exits 1
if any ratio falls below 1 - tolerance: a regression. Machines differ and are
noisy, so compare runs made on the same machine, and keep the tolerance wide
enough for the noise seen there (median of repetitions helps: run with
--benchmark_repetitions=5 --benchmark_report_aggregates_only=true).
"""
import argparse
import json
import sys

COUNTERS = (
    "items_per_second",
    "cascades_per_s",
    "ties_examined_per_s",
    "bytes_per_second",
    "ties_per_s",
    "reach",
)


def load(path):
    with open(path) as f:
        data = json.load(f)
    out = {}
    for b in data.get("benchmarks", []):
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        name = b.get("run_name", b["name"])
        out[name] = b
    return out


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("baseline")
    parser.add_argument("new")
    parser.add_argument("--tolerance", type=float, default=0.25)
    args = parser.parse_args()
    base, new = load(args.baseline), load(args.new)
    worst = None
    for name in sorted(set(base) & set(new)):
        for counter in COUNTERS:
            if counter in base[name] and counter in new[name] and base[name][counter] > 0:
                ratio = new[name][counter] / base[name][counter]
                flag = "  REGRESSION" if ratio < 1 - args.tolerance else ""
                print(f"{name:50s} {counter:20s} {ratio:6.2f}x{flag}")
                worst = ratio if worst is None else min(worst, ratio)
    missing = sorted(set(base) - set(new))
    for name in missing:
        print(f"{name:50s} missing from the new run")
    if worst is None:
        print("no benchmark in common", file=sys.stderr)
        return 2
    return 1 if worst < 1 - args.tolerance or missing else 0


if __name__ == "__main__":
    sys.exit(main())
