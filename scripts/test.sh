#!/usr/bin/env bash
# Installs what is missing, then checks everything: formatting, lints for both targets, native tests, the browser
# tests (wasm-bindgen-test in headless Chromium), a release build, and the Playwright specs against that build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=setup.sh
source scripts/setup.sh
setup_all --test

# The run's own temporary folder, removed when it ends. chromedriver and Chromium leave a profile folder of about
# 110 MB in TMPDIR for each browser test binary; on a shared disk those would pile up run after run.
RUN_TMP="$(mktemp -d)"
trap 'rm -rf "$RUN_TMP"' EXIT
export TMPDIR="$RUN_TMP"
# A fresh clone (CI) builds every crate once: incremental caches would only take disk there (~0.7 GB).
if [ "${CI:-}" = true ]; then
  export CARGO_INCREMENTAL=0
fi

section "cargo fmt --check"
cargo fmt --all -- --check

section "cargo clippy (native, all targets)"
cargo clippy --all-targets -- -D warnings

section "cargo clippy (wasm32: the lib, the bins and the browser tests)"
# Not --all-targets: the native tests and benches use native-only crates (proptest, criterion).
cargo clippy --target wasm32-unknown-unknown --lib --bins --test web --test web_training --test wasm_determinism -- -D warnings
# The page's first part (first/): the core without the app, on its own.
cargo clippy --target wasm32-unknown-unknown -p reward-playground-first -- -D warnings

section "cargo check of the fuzz targets (fuzz/, its own workspace)"
# Plain stable cargo: libfuzzer-sys builds without cargo-fuzz or nightly (those only add the sanitizer flags).
(cd fuzz && cargo check --locked)

section "cargo test (native)"
cargo test

section "wasm-bindgen-test in headless Chromium"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}" cargo test --target wasm32-unknown-unknown --test web --test web_training

section "The same run natively and in wasm, to the bit"
RUN_DIR="$(mktemp -d)"
cargo run --quiet -- train --dataset hidden-quality --model mlp --optimizer adam --lr 0.01 --label-noise 0.1 \
  --loss smooth --label-smoothing 0.05 --center-coef 0.01 --seed 7 --steps 300 --out "$RUN_DIR"
RP_NATIVE_LAST_ROW="$(tail -n 1 "$RUN_DIR/history.csv")" \
  cargo test --target wasm32-unknown-unknown --test wasm_determinism

section "trunk build --release (dist/)"
trunk build --release
ls -l dist

section "Playwright specs against dist/"
E2E_PORT="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export E2E_PORT
(cd tests/e2e && npx --no-install playwright test)

section "All checks passed"
