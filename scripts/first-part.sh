#!/usr/bin/env bash
# Builds the page's first part (first/: the first view's explorer answering input, with no Leptos) into a folder,
# as Trunk builds the app: cargo for wasm32 in release, wasm-bindgen --target web, wasm-opt -Oz, terser. Trunk
# builds one module per page, so the first-view hook (scripts/first-view.sh) runs this one. The files are named by
# their content (reward-playground-first-HASH.js, …_bg.wasm), like Trunk's, so a new build reaches every visitor.
# Prints the base name. Usage: first-part.sh OUT_DIR
set -euo pipefail
out="${1:?usage: first-part.sh OUT_DIR}"
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=setup.sh
source scripts/setup.sh
setup_env >/dev/null
offline=()
[ "${TRUNK_OFFLINE:-false}" = "true" ] && offline=(--offline)
cargo build --quiet --locked "${offline[@]}" --release --target wasm32-unknown-unknown -p reward-playground-first >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
wasm-bindgen --target web --no-typescript --out-dir "$work" --out-name part \
  target/wasm32-unknown-unknown/release/reward-playground-first.wasm
wasm-opt -Oz --converge --low-memory-unused "$work/part_bg.wasm" -o "$work/part_bg.wasm"
terser "$work/part.js" --module --compress --mangle --output "$work/part.js"
hash="$(cat "$work/part.js" "$work/part_bg.wasm" | sha256sum | cut -c1-16)"
name="reward-playground-first-$hash"
# The glue names its wasm only as a default the loader overrides; keep both files under the new name.
cp "$work/part.js" "$out/$name.js"
cp "$work/part_bg.wasm" "$out/${name}_bg.wasm"
echo "$name"
