#!/usr/bin/env bash
# Sets up, builds (warnings as errors) and runs every test. Extra arguments go to ctest.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/tools/setup.sh" --test   # and the test-only packages (Chromium, openpyxl)
bash "$root/tools/build.sh" -DBEDFLOW_WERROR=ON
ctest --test-dir "${BUILD_DIR:-$root/build}" --output-on-failure --parallel "$(nproc)" "$@"
