#!/usr/bin/env bash
# Trunk's post-build hook (Trunk.toml): writes service-worker.js into the finished build, with
# the list of every file of the build and a build id made from their contents, in front of the
# worker's code in public/service-worker.js. The samples/ folder is left out: its files are
# fetched only when chosen (and then kept by the worker like any other response).
#
# Also usable by hand on a built folder:
#   TRUNK_STAGING_DIR=dist TRUNK_SOURCE_DIR=. scripts/service-worker.sh
set -euo pipefail
build="${TRUNK_STAGING_DIR:?the folder of the build}"
source_dir="${TRUNK_SOURCE_DIR:?the folder of index.html}"
template="$source_dir/public/service-worker.js"
cd "$build"

mapfile -t files < <(find . -type f ! -name service-worker.js ! -path './samples/*' -printf '%P\n' | LC_ALL=C sort)
build_id=$(sha256sum "${files[@]}" | sha256sum | cut -c1-16)

{
  echo "// Written by the build: the id of this build and every file of it."
  echo "const BUILD_ID = \"$build_id\";"
  echo "const APP_FILES = ["
  echo "  \"./\","
  for f in "${files[@]}"; do
    echo "  \"./$f\","
  done
  echo "];"
  echo
  cat "$template"
} > service-worker.js
echo "service-worker.js: build $build_id, ${#files[@]} files"
