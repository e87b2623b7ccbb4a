# Installs what building and testing the page need, skipping everything already there at the right version.
# Source it from another script (it sets PATH and TRUNK_SKIP_VERSION_CHECK), or run it on its own:
#   bash scripts/setup.sh            # what the page needs (serve)
#   bash scripts/setup.sh --test     # also Chromium and chromedriver for the browser tests
# shellcheck shell=bash

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E="$ROOT/tests/e2e"
TRUNK_VERSION="0.21.14"

section() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen version pinned in Cargo.lock: wasm-bindgen-cli must match it exactly.
wasm_bindgen_locked_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

setup_env() {
  export PATH="$HOME/.cargo/bin:$E2E/node_modules/.bin:$PATH"
  export TRUNK_SKIP_VERSION_CHECK=true
  export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
}

setup_rust_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    echo "wasm32-unknown-unknown target: present"
  else
    section "Installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

setup_trunk() {
  if command -v trunk >/dev/null && [ "$(trunk --version 2>/dev/null)" = "trunk $TRUNK_VERSION" ]; then
    echo "trunk $TRUNK_VERSION: present"
  else
    section "Installing trunk $TRUNK_VERSION (takes several minutes the first time)"
    cargo install trunk --version "$TRUNK_VERSION" --locked
  fi
}

setup_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_locked_version)"
  if [ -z "$want" ]; then
    echo "Cargo.lock names no wasm-bindgen version: run 'cargo generate-lockfile' first" >&2
    return 1
  fi
  if command -v wasm-bindgen >/dev/null && [ "$(wasm-bindgen --version 2>/dev/null)" = "wasm-bindgen $want" ]; then
    echo "wasm-bindgen-cli $want: present"
  else
    section "Installing wasm-bindgen-cli $want (the version in Cargo.lock)"
    # --locked first; some registry mirrors lack a locked dependency, then resolve afresh.
    cargo install wasm-bindgen-cli --version "$want" --locked ||
      cargo install wasm-bindgen-cli --version "$want"
  fi
}

setup_npm() {
  if [ -x "$E2E/node_modules/.bin/wasm-opt" ] && [ -x "$E2E/node_modules/.bin/playwright" ] &&
    [ -x "$E2E/node_modules/.bin/terser" ] &&
    [ "$E2E/node_modules/.package-lock.json" -nt "$E2E/package-lock.json" ]; then
    echo "npm packages (binaryen wasm-opt, terser, Playwright): present"
  else
    section "Installing npm packages from tests/e2e/package-lock.json"
    (cd "$E2E" && npm ci --no-audit --no-fund)
  fi
}

setup_chromium() {
  local missing=()
  for pkg in chromium chromium-driver; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ ${#missing[@]} -eq 0 ]; then
    echo "chromium, chromium-driver: present"
  else
    section "Installing ${missing[*]} (Debian)"
    local sudo=()
    [ "$(id -u)" -eq 0 ] || sudo=(sudo)
    "${sudo[@]}" apt-get update
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

# Everything `serve` needs; `--test` adds the browsers.
setup_all() {
  section "Checking tools"
  setup_env
  setup_rust_target
  setup_trunk
  setup_wasm_bindgen
  setup_npm
  if [ "${1:-}" = "--test" ]; then
    setup_chromium
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  setup_all "${1:-}"
fi
