#!/usr/bin/env bash
# Sets up, builds and runs the default scenario (Kent and Medway baseline). Arguments, if any,
# replace the default scenario and options, e.g. tools/run.sh scenarios/kent-medway/winter-surge.yaml
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/tools/setup.sh"
BEDFLOW_TARGETS=bedflow bash "$root/tools/build.sh"
cd "$root"
if [ $# -eq 0 ]; then
  # Writes results/<scenario name>.h5, replacing the previous run of the same scenario.
  set -- scenarios/kent-medway/baseline.yaml --force
fi
exec "${BUILD_DIR:-$root/build}/tools/bedflow" run "$@"
