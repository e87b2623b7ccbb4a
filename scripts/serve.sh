#!/usr/bin/env bash
# Installs what is missing, builds the page and serves it on http://127.0.0.1:8080 (PORT=... to change).
#   bash scripts/serve.sh             # trunk serve: debug build, rebuilds on every save
#   bash scripts/serve.sh --release   # the release build in dist/, served as static files
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=setup.sh
source scripts/setup.sh
PORT="${PORT:-8080}"

if ! python3 -c 'import socket, sys; socket.socket().bind(("127.0.0.1", int(sys.argv[1])))' "$PORT" 2>/dev/null; then
  echo "Port $PORT on 127.0.0.1 is already in use: stop what runs there, or choose another with PORT=8081" >&2
  exit 1
fi

setup_all

if [ "${1:-}" = "--release" ]; then
  section "Building the release page into dist/"
  trunk build --release
  section "Serving dist/ on http://127.0.0.1:$PORT (Ctrl-C stops)"
  exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory dist
fi

section "Building and serving on http://127.0.0.1:$PORT (Ctrl-C stops)"
exec trunk serve --address 127.0.0.1 --port "$PORT" --public-url /
