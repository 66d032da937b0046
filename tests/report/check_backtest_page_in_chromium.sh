#!/usr/bin/env bash
# Makes the backtest page of a scenario fitted to the shipped synthetic extract (`bedflow fit`,
# then `bedflow backtest --report`) and checks it in headless Chromium
# (check_page_in_chromium.sh): both charts drawn, no script, console or CSP error, nothing
# from the network. Keeps a screenshot in BUILD_DIR/backtest-screenshot.png.
# Usage: check_backtest_page_in_chromium.sh BEDFLOW SOURCE_DIR BUILD_DIR
set -euo pipefail
bedflow=$1 source_dir=$2 build_dir=$3
fail() { echo "FAIL: $*" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gunzip -c "$source_dir/scenarios/extracts/kent-medway-SYNTHETIC-spells.csv.gz" >"$work/spells.csv"
"$bedflow" fit "$work/spells.csv" -o "$work/fitted.yaml" >/dev/null 2>&1 || fail "bedflow fit failed"
"$bedflow" backtest "$work/fitted.yaml" "$work/spells.csv" --from 2026-11-01 --to 2027-01-31 \
  -n 10 -o "$work/backtest.csv" --report "$work/backtest.html" >/dev/null || fail "bedflow backtest failed"
bash "$(dirname "${BASH_SOURCE[0]}")/check_page_in_chromium.sh" "$work/backtest.html" 2 \
  "$build_dir/backtest-screenshot.png" 1800
