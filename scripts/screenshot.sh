#!/usr/bin/env bash
# Rebuilds public/screenshot.png, -forecast.png, -data.png, -sessions.png, -fa.png and -phone.png from the
# release build in dist/ (run scripts/build.sh first).
set -euo pipefail
source "$(dirname "$0")/env.sh"
cd "$ROOT"
port=4194
serve_dist "$port"
node scripts/screenshot.js "http://127.0.0.1:$port/" public/screenshot.png "${WIDTH:-1100}" "${SCHEME:-light}"
echo "wrote public/screenshot.png, screenshot-forecast.png, screenshot-data.png, screenshot-sessions.png, screenshot-fa.png and screenshot-phone.png"
