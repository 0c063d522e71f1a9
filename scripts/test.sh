#!/usr/bin/env bash
# Every test: formatting, lints, native core tests, the release build and its size check, and
# the browser tests in Chromium against that build. Installs what is missing first. Exits
# non-zero on any failure.
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"

section() { printf '\n== %s\n' "$*"; }

section "setup"
"$ROOT/scripts/setup.sh"

section "rustfmt"
cargo fmt --all -- --check

section "clippy (native and wasm32, and the worker as it is built: without the page)"
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -- -D warnings
cargo clippy --target wasm32-unknown-unknown --no-default-features --bin worker -- -D warnings

section "release build"
"$ROOT/scripts/build.sh"

section "size"
"$ROOT/scripts/size.sh"

section "browser tests (Chromium)"
npx playwright test -c e2e/playwright.config.js

section "native tests"
cargo test --all-targets
cargo test --doc
