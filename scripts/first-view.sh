#!/usr/bin/env bash
# Trunk post-build hook (see Trunk.toml): writes the loss explorer's first view (its four charts as SVG, the numbers
# and the formula) into the built index.html, drawn natively by the same chart functions, so the page shows a chart
# before the module has loaded and without JavaScript, and the page's first part (scripts/first-part.sh), which makes
# that view's explorer answer input while the app loads. Release builds only; a debug `trunk serve` shows the app
# alone.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = "release" ] || exit 0
cd "${TRUNK_SOURCE_DIR:?run by trunk}"
stage="${TRUNK_STAGING_DIR:?run by trunk}"
# The page's first part (first/), loaded before the app and beside it in dist/.
first="$(bash scripts/first-part.sh "$stage")"
# The native CLI, built like `cargo test` builds it (debug), so the test run's build serves both.
cargo run --quiet --locked --bin reward-playground -- first-view --html "$stage/index.html" --first-part "$first"
