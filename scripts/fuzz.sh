#!/usr/bin/env bash
# Runs every fuzz target (built by the `sanitize` preset) for a bounded time from its seed
# corpus in tests/fuzz/corpus/<name>/. Usage: scripts/fuzz.sh [seconds per target, default 20]
set -euo pipefail
cd "$(dirname "$0")/.."
secs="${1:-20}"
dir=build/sanitize/tests/fuzz
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for t in wards providers_csv project_toml scenario osm_pbf; do
  mkdir -p "$work/$t"
  cp tests/fuzz/corpus/$t/* "$work/$t/"   # the fuzzer adds to a copy, never to the repo
  if ! "$dir/fuzz_$t" -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$work/$t-" \
      "$work/$t" > "$work/$t.log" 2>&1; then
    echo "fuzz: $t found a problem:"; tail -40 "$work/$t.log"; exit 1
  fi
  echo "fuzz: $t $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$work/$t.log")"
done
