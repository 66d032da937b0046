#!/usr/bin/env bash
# Makes a report from short runs of the Kent and Medway baseline and winter surge and checks
# it in headless Chromium (check_page_in_chromium.sh: every chart drawn, at least 8; no
# script, console or CSP error; nothing from the network). Keeps a screenshot in
# BUILD_DIR/report-screenshot.png (a CI artefact).
# Usage: check_report_in_chromium.sh BEDFLOW SOURCE_DIR BUILD_DIR
set -euo pipefail
bedflow=$1 source_dir=$2 build_dir=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
short=(-n 3 --set scenario.warmup_days=40 --set scenario.horizon_days=100)
"$bedflow" run "$source_dir/scenarios/kent-medway/baseline.yaml" -o "$work/baseline.h5" "${short[@]}" >/dev/null
"$bedflow" run "$source_dir/scenarios/kent-medway/winter-surge.yaml" -o "$work/winter.h5" "${short[@]}" >/dev/null
"$bedflow" report "$work/baseline.h5" "$work/winter.h5" -o "$work/report.html" >/dev/null
bash "$(dirname "${BASH_SOURCE[0]}")/check_page_in_chromium.sh" "$work/report.html" 8 \
  "$build_dir/report-screenshot.png" 2400
