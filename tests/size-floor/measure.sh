#!/usr/bin/env bash
# Size floor: builds three minimal Leptos pages exactly as the page is built and prints their shipped sizes.
#   bash tests/size-floor/measure.sh
# Each goes through cargo (wasm32, the page's release profile), wasm-bindgen and `wasm-opt -Oz` (the same tools and
# flags Trunk uses for the page), then gzip -9. Compare with `node tests/e2e/bench/load.mjs dist`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../../scripts/setup.sh
source "$root/scripts/setup.sh"
setup_env
setup_toolchain # the root's rust-toolchain.toml applies here too
wasm_opt="$root/tests/e2e/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || { echo "wasm-opt not found: run 'bash scripts/setup.sh' first" >&2; exit 1; }
features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-reference-types
  --enable-multivalue --enable-mutable-globals)
target="$here/target"
out="$here/target/out"
cd "$here"
cargo build --release --locked --target wasm32-unknown-unknown --quiet
printf '%-8s %14s %14s %14s\n' page "wasm raw (B)" "wasm gzip (B)" "JS gzip (B)"
for name in counter chart jsonl; do
  rm -rf "${out:?}/$name" && mkdir -p "$out/$name"
  wasm-bindgen --target web --out-dir "$out/$name" "$target/wasm32-unknown-unknown/release/floor-$name.wasm"
  "$wasm_opt" -Oz "${features[@]}" "$out/$name/floor-${name}_bg.wasm" -o "$out/$name/opt.wasm"
  printf '%-8s %14s %14s %14s\n' "$name" "$(stat -c %s "$out/$name/opt.wasm")" \
    "$(gzip -9 -c "$out/$name/opt.wasm" | wc -c)" "$(gzip -9 -c "$out/$name/floor-$name.js" | wc -c)"
done
