#!/usr/bin/env bash
# bench/fixed_cost.sh: the fixed cost of a small `apreptis analyze` run, by repeated whole runs
# (issue 17: ours against the peers is dominated by it on a small country).
#
#   bash bench/fixed_cost.sh [BINARY ...]
#
# Runs each BINARY (default build/release/app/apreptis) N times (N=${N:-20}) on PROJECT
# (default datasets/liechtenstein/liechtenstein.toml), the binaries taking turns so that a change
# in the machine's load falls on all of them alike, and `BINARY --help` as often (process start:
# loading the shared libraries and their initialisers, nothing of ours). Prints per binary the
# median and minimum wall time of each, in ms, and run.json's load / compute of the median run.
# Give an older build as a second BINARY to compare (e.g. `git worktree add /tmp/old <commit>`,
# build it, then `bash bench/fixed_cost.sh build/release/app/apreptis /tmp/old/build/release/app/apreptis`).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
PROJECT=${PROJECT:-$ROOT/datasets/liechtenstein/liechtenstein.toml}
N=${N:-20}
BINS=("$@")
[[ ${#BINS[@]} -gt 0 ]] || BINS=("$ROOT/build/release/app/apreptis")
for b in "${BINS[@]}"; do [[ -x $b ]] || { echo "fixed_cost.sh: no executable $b" >&2; exit 2; }; done
WORK=$(mktemp -d /tmp/apreptis-fixed-cost.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

us_since() { echo $(( ($(date +%s%N) - $1) / 1000 )); } # microseconds since $1 (ns)
for _ in $(seq "$N"); do
  for i in "${!BINS[@]}"; do
    out=$WORK/out$i
    rm -rf "$out"
    t=$(date +%s%N)
    "${BINS[$i]}" analyze "$PROJECT" --out "$out" --quiet >/dev/null 2>&1 ||
      { echo "fixed_cost.sh: ${BINS[$i]} analyze failed" >&2; exit 1; }
    echo "$(us_since "$t") $(jq -r '"\(.seconds.load) \(.seconds.compute)"' "$out/run.json")" >>"$WORK/analyze$i"
    t=$(date +%s%N)
    "${BINS[$i]}" --help >/dev/null 2>&1 || true
    us_since "$t" >>"$WORK/help$i"
  done
done
echo "$(basename "$PROJECT"), $N runs each, $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
for i in "${!BINS[@]}"; do
  python3 - "${BINS[$i]}" "$WORK/analyze$i" "$WORK/help$i" <<'PY'
import statistics, sys
rows = [l.split() for l in open(sys.argv[2])]
walls = sorted(int(r[0]) for r in rows)
mid = sorted(rows, key=lambda r: int(r[0]))[len(rows) // 2]
helps = sorted(int(l) for l in open(sys.argv[3]))
print(f"{sys.argv[1]}\n  analyze: median {statistics.median(walls) / 1000:.1f} ms, min {walls[0] / 1000:.1f} ms"
      f" (run.json of the median run: load {float(mid[1]) * 1000:.0f} ms, compute {float(mid[2]) * 1000:.0f} ms)\n"
      f"  --help:  median {statistics.median(helps) / 1000:.1f} ms, min {helps[0] / 1000:.1f} ms")
PY
done
