#!/usr/bin/env bash
# Configures and builds bedflow into BUILD_DIR (default: build/). Extra arguments go to CMake.
# BEDFLOW_TARGETS limits what is built (default: everything).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" "$@" >/dev/null
# shellcheck disable=SC2086
cmake --build "$build_dir" --parallel "$(nproc)" ${BEDFLOW_TARGETS:+--target $BEDFLOW_TARGETS}
