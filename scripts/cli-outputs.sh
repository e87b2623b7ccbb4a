#!/usr/bin/env bash
# Writes the CLI's output files for a fixed set of runs (both models, every loss kind, centering, a diverging run,
# the other commands) into DIR (output paths relative to it) and prints one sha256 per file, so two builds can be compared byte for byte:
#   bash scripts/cli-outputs.sh DIR [BINARY]
set -uo pipefail
out="${1:?usage: cli-outputs.sh DIR [BINARY]}"
bin="$(realpath "${2:-target/release/reward-playground}")"
mkdir -p "$out"
cd "$out" || exit 1
run() {
  local name="$1"
  shift
  "$bin" "$@" >"$name.stdout" 2>"$name.stderr"
  echo "exit $?" >>"$name.stdout"
}
run linear-bt train --dataset helpfulness --epochs 30 --out "linear-bt"
run mlp-margin train --dataset hidden-quality --model mlp --optimizer adam --lr 0.01 --loss margin --seed 3 \
  --steps 400 --out "mlp-margin"
run linear-smooth train --dataset length-bias --loss smooth --label-smoothing 0.05 --center-coef 0.01 \
  --grouping pairs --label-noise 0.1 --batch-size 0 --steps 250 --out "linear-smooth"
run mlp-diverge train --dataset hidden-quality --model mlp --lr 1000 --momentum 0.99 --steps 500 --out "mlp-diverge"
run loss-wide loss --better 1e308 --worse -1e308
run loss-plain loss --better 1.5 --worse -0.5
run datasets datasets
run score score --model linear-bt/model.json "a clear and helpful answer"
find . -type f | LC_ALL=C sort | xargs sha256sum
