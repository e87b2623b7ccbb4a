#!/usr/bin/env bash
# Peak memory of `reward-playground train` on a large data set (BENCHMARKS.md, "Memory with large data"):
#   bash benches/memory.sh [BINARY] [PAIRS] [VOCAB]     (defaults: target/release/reward-playground, 100000, 60000)
# Writes the data with scripts/big-data.py (seeded), then runs the linear model for 1500 steps and the MLP for 300,
# each under /usr/bin/time -v, and prints the peak RSS, the wall time and the largest file written.
set -euo pipefail
bin="$(realpath "${1:-target/release/reward-playground}")"
pairs="${2:-100000}"
vocab="${3:-60000}"
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (apt-get install -y time)" >&2; exit 1; }
python3 "$here/scripts/big-data.py" "$work/big.jsonl" "$pairs" "$vocab"
echo "data: $pairs pairs over $vocab words ($(du -h "$work/big.jsonl" | cut -f1))"
measure() {
  local name="$1"
  shift
  /usr/bin/time -v "$bin" train --data "$work/big.jsonl" "$@" --out "$work/$name" >"$work/$name.stdout" 2>"$work/$name.time"
  local rss wall largest chart
  rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/$name.time")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/$name.time")
  largest=$(find "$work/$name" -type f -printf '%s %f\n' | sort -n | tail -1)
  chart=$(find "$work/$name" -type f -name '*.svg' -printf '%s %f\n' | sort -n | tail -1)
  printf '%-12s peak RSS %7.1f MB  wall %s  largest file %s (%.2f MB)  largest chart %s (%.2f MB)\n' "$name" \
    "$(echo "$rss / 1024" | bc -l)" "$wall" "${largest#* }" "$(echo "${largest%% *} / 1048576" | bc -l)" \
    "${chart#* }" "$(echo "${chart%% *} / 1048576" | bc -l)"
}
measure linear-1500 --steps 1500
measure mlp-300 --model mlp --steps 300
