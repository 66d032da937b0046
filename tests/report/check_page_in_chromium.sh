#!/usr/bin/env bash
# Opens one of bedflow's HTML pages (a report or a backtest page) in headless Chromium and
# checks what a reader would see:
#   - every chart the page announces is drawn (data-charts-rendered = data-charts-expected,
#     at least MIN_CHARTS, and each chart holds an SVG drawing);
#   - no script error, console error or Content-Security-Policy violation (the page records
#     them in data-report-errors; Chromium's own log is searched too);
#   - nothing is fetched from the network: no http(s) address in any src or href, and the
#     CSP forbids every request.
# Keeps a screenshot (HEIGHT pixels tall, 1280 wide) at SCREENSHOT (a CI artefact).
# Usage: check_page_in_chromium.sh PAGE.html MIN_CHARTS SCREENSHOT.png HEIGHT
# The pages are made by check_report_in_chromium.sh and check_backtest_page_in_chromium.sh.
set -euo pipefail
page=$1 min_charts=$2 screenshot=$3 height=$4
fail() { echo "FAIL: $*" >&2; exit 1; }

chromium=$(command -v chromium || command -v chromium-browser || true)
[ -n "$chromium" ] || fail "chromium is not installed: run tools/setup.sh --test (tools/test.sh does)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if grep -Eo "(src|href)[[:space:]]*=[[:space:]]*[\"']?[[:space:]]*https?:" "$page" >/dev/null; then
  fail "the page refers to a network address in a src or href"
fi
grep -q "default-src 'none'" "$page" || fail "no strict Content-Security-Policy"

browser=("$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run
         --disable-background-networking --disable-component-update --disable-sync
         --user-data-dir="$work/profile" --virtual-time-budget=5000)
"${browser[@]}" --enable-logging=stderr --v=0 --dump-dom "file://$page" \
  >"$work/dom.html" 2>"$work/chromium.log" || fail "chromium failed: $(tail -5 "$work/chromium.log")"

body=$(grep -o '<body [^>]*>' "$work/dom.html" | head -1)
[ -n "$body" ] || fail "no <body> in the rendered page"
expected=$(sed -n 's/.*data-charts-expected="\([0-9]*\)".*/\1/p' <<<"$body")
rendered=$(sed -n 's/.*data-charts-rendered="\([0-9]*\)".*/\1/p' <<<"$body")
[ -n "$expected" ] && [ "$expected" -ge "$min_charts" ] || fail "the page announces too few charts: '$expected'"
[ "$rendered" = "$expected" ] || fail "$rendered of $expected charts rendered"
svgs=$(grep -o '<svg' "$work/dom.html" | wc -l)
[ "$svgs" -ge "$expected" ] || fail "only $svgs SVG drawings for $expected charts"
if grep -q 'data-report-errors' <<<"$body"; then
  fail "the page recorded errors: $(sed -n '/id="report-errors"/,/<\/pre>/p' "$work/dom.html" | head -20)"
fi
if grep -E 'Content Security Policy|Uncaught|CONSOLE.*(Error|error)' "$work/chromium.log"; then
  fail "console errors or CSP violations in Chromium's log"
fi

"${browser[@]}" --hide-scrollbars --window-size=1280,"$height" \
  --screenshot="$screenshot" "file://$page" >/dev/null 2>&1 || fail "chromium could not take a screenshot"
[ -s "$screenshot" ] || fail "no screenshot written"
echo "$(basename "$page") rendered in Chromium: $rendered of $expected charts, no errors, no network; screenshot $screenshot"
