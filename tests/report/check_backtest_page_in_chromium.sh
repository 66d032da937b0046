#!/usr/bin/env bash
# Makes the backtest page of a scenario fitted to the shipped synthetic extract (`bedflow fit`,
# then `bedflow backtest --report`), opens it in headless Chromium and checks what a reader
# would see: both charts drawn as SVG (data-charts-rendered = data-charts-expected = 2), no
# script error, console error or Content-Security-Policy violation, no network address in a
# src or href. Keeps a screenshot in BUILD_DIR/backtest-screenshot.png.
# Usage: check_backtest_page_in_chromium.sh BEDFLOW SOURCE_DIR BUILD_DIR
set -euo pipefail
bedflow=$1 source_dir=$2 build_dir=$3
fail() { echo "FAIL: $*" >&2; exit 1; }

chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || fail "chromium is not installed: run tools/setup.sh --test (tools/test.sh does)"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
gunzip -c "$source_dir/scenarios/extracts/kent-medway-SYNTHETIC-spells.csv.gz" >"$work/spells.csv"
"$bedflow" fit "$work/spells.csv" -o "$work/fitted.yaml" >/dev/null 2>&1 || fail "bedflow fit failed"
"$bedflow" backtest "$work/fitted.yaml" "$work/spells.csv" --from 2026-11-01 --to 2027-01-31 \
  -n 10 -o "$work/backtest.csv" --report "$work/backtest.html" >/dev/null || fail "bedflow backtest failed"

if grep -Eo "(src|href)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*https?:" "$work/backtest.html" >/dev/null; then
  fail "the page refers to a network address in a src or href"
fi
grep -q "default-src 'none'" "$work/backtest.html" || fail "no strict Content-Security-Policy"

browser=("$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
         --disable-background-networking --disable-component-update --disable-sync
         --user-data-dir="$work/profile" --virtual-time-budget=5000)
"${browser[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$work/backtest.html" \
  >"$work/dom.html" 2>"$work/chromium.log" || fail "chromium failed: $(tail -5 "$work/chromium.log")"

body=$(grep -o '<body [^>]*>' "$work/dom.html" | head -1)
[ -n "$body" ] || fail "no <body> in the rendered page"
expected=$(sed -n 's/.*data-charts-expected="\([0-9]*\)".*/\1/p' <<<"$body")
rendered=$(sed -n 's/.*data-charts-rendered="\([0-9]*\)".*/\1/p' <<<"$body")
[ "$expected" = 2 ] || fail "the page announces '$expected' charts, not 2"
[ "$rendered" = "$expected" ] || fail "$rendered of $expected charts rendered"
if grep -q 'data-report-errors' <<<"$body"; then
  fail "the page recorded errors: $(sed -n '/id="report-errors"/,/<\/pre>/p' "$work/dom.html" | head -20)"
fi
if grep -E 'Content Security Policy|Uncaught|CONSOLE.*(Error|error)' "$work/chromium.log"; then
  fail "console errors or CSP violations in Chromium's log"
fi

"${browser[@]}" --hide-scrollbars --window-size=1280,1800 \
  --screenshot="$build_dir/backtest-screenshot.png" "file://$work/backtest.html" >/dev/null 2>&1 \
  || fail "chromium could not take a screenshot"
[ -s "$build_dir/backtest-screenshot.png" ] || fail "no screenshot written"
echo "backtest page rendered in Chromium: $rendered of $expected charts, no errors, no network; screenshot $build_dir/backtest-screenshot.png"
