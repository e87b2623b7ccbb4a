# Installs what building and testing the page need, skipping everything already there at the right version.
# Source it from another script (it sets PATH and TRUNK_SKIP_VERSION_CHECK), or run it on its own:
#   bash scripts/setup.sh            # what the page needs (serve)
#   bash scripts/setup.sh --test     # also Chromium and chromedriver for the browser tests
# Sourcing it defines functions and three variables and changes no shell option: every function returns non-zero
# on the first step that fails, with or without `set -e` in the caller.
# shellcheck shell=bash

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

# rust-toolchain.toml names a release (1.95.0). Where rustup has only `stable` and stable is that release, 1.95.0
# becomes a link to it, so cargo runs without a download (and without network). `rustup toolchain link` refuses
# names that look like a release, so the link goes into rustup's toolchains folder, laid out as rustup installs it.
# Only `rustup toolchain list`, `rustup show home` and `rustup run stable` run before that: none of them reads the
# toolchain file or installs anything.
setup_toolchain() {
  local want host sysroot home
  want="$(sed -n 's/^channel = "\(.*\)"$/\1/p' "$ROOT/rust-toolchain.toml")"
  if [ -z "$want" ]; then
    echo "rust-toolchain.toml names no channel" >&2
    return 1
  fi
  if rustup toolchain list | grep -q "^$want-"; then
    echo "Rust $want: present"
  elif rustup run stable rustc --version 2>/dev/null | grep -q "^rustc $want "; then
    section "Rust $want: linking the stable toolchain, which is $want"
    sysroot="$(rustup run stable rustc --print sysroot)" || return 1
    host="$(rustup run stable rustc -vV | sed -n 's/^host: //p')"
    home="$(rustup show home)" || return 1
    [ -n "$host" ] && [ -d "$sysroot" ] || return 1
    ln -s "$sysroot" "$home/toolchains/$want-$host" || return 1
  else
    section "Installing Rust $want (rust-toolchain.toml)"
    rustup toolchain install "$want" --profile minimal --component clippy,rustfmt --target wasm32-unknown-unknown
  fi
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
    "${sudo[@]}" apt-get update || return 1
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
  fi
}

# Everything `serve` needs; `--test` adds the browsers.
setup_all() {
  section "Checking tools"
  setup_env
  setup_toolchain || return 1
  setup_rust_target || return 1
  setup_trunk || return 1
  setup_wasm_bindgen || return 1
  setup_npm || return 1
  if [ "${1:-}" = "--test" ]; then
    setup_chromium || return 1
  fi
}

# Run on its own (not sourced): strict mode for this process only.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  setup_all "${1:-}"
fi
