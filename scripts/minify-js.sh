#!/usr/bin/env bash
# Trunk post-build hook (see Trunk.toml): in a release build, minifies the wasm-bindgen JS glue with terser, installed
# from tests/e2e/package-lock.json by scripts/setup.sh. Export names are kept (--module), so Trunk's loader still
# finds `default` and the exports. Debug builds are left readable.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
terser="${TRUNK_SOURCE_DIR:?run by trunk}/tests/e2e/node_modules/.bin/terser"
if [ ! -x "$terser" ]; then
  echo "minify-js.sh: $terser is missing; run: source scripts/setup.sh && setup_npm" >&2
  exit 1
fi
for f in "${TRUNK_STAGING_DIR:?run by trunk}"/reward-playground-*.js; do
  "$terser" "$f" --module --compress --mangle --output "$f"
done
