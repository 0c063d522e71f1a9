#!/usr/bin/env bash
# Release build of the app into dist/ (wasm optimised by wasm-opt -Oz).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
trunk build index.html --release
