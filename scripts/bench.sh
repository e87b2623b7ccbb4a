#!/usr/bin/env bash
# Builds the release page and measures it in headless Chromium: bytes shipped, time to first chart, drag frame times.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=setup.sh
source scripts/setup.sh
setup_all --test
section "trunk build --release"
trunk build --release
section "Measuring dist/ in headless Chromium"
node tests/e2e/bench/load.mjs dist
