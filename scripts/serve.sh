#!/usr/bin/env bash
# Installs what is missing, builds the page and serves it on http://127.0.0.1:8080 (rebuilding on every change).
#   bash scripts/serve.sh             # trunk serve: debug build, rebuilds on save
#   bash scripts/serve.sh --release   # the release build in dist/, served as static files
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=setup.sh
source scripts/setup.sh
setup_all

if [ "${1:-}" = "--release" ]; then
  section "Building the release page into dist/"
  trunk build --release
  section "Serving dist/ on http://127.0.0.1:8080 (Ctrl-C stops)"
  exec python3 -m http.server 8080 --bind 127.0.0.1 --directory dist
fi

section "Building and serving on http://127.0.0.1:8080 (Ctrl-C stops)"
exec trunk serve --address 127.0.0.1 --port 8080 --public-url /
