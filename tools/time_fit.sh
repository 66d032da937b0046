#!/usr/bin/env bash
# Times `bedflow fit` on a synthetic extract of SPELLS spells (default 1,000,000): the figure
# quoted in the README. Not a unit test: timings depend on the machine.
# Usage: tools/time_fit.sh [SPELLS] (after tools/build.sh)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
spells=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
/usr/bin/python3 "$root/tools/synthetic_extract.py" "$work/extract.csv" --spells "$spells"
echo "extract: $spells spells, $(du -h "$work/extract.csv" | cut -f1)"
/usr/bin/time -f "bedflow fit: %e s wall, %M KiB peak memory" \
  "${BUILD_DIR:-$root/build}/tools/bedflow" fit "$work/extract.csv" -o "$work/fitted.yaml" \
  --census-date "$(date -d "$(sed -n 2p "$work/extract.csv" | cut -d, -f2 | cut -c1-10) + 60 days" +%F)" \
  >/dev/null
"${BUILD_DIR:-$root/build}/tools/bedflow" validate "$work/fitted.yaml"
