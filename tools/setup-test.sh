#!/usr/bin/env bash
# Installs the Debian packages only the tests need (tools/test.sh calls it; tools/run.sh does
# not): python3-openpyxl reads the exported workbook back as a spreadsheet user's tools would;
# headless Chromium opens an HTML report and checks every chart renders with no error and no
# network request (tests/report/check_report_in_chromium.sh).
# Idempotent; run as root (or with sudo available). Fails loudly naming any package it could not get.
set -euo pipefail

packages=(
  python3-openpyxl                          # tests/cli/check_workbook.py reads export --xlsx back
  chromium                                  # tests/report: the report rendered headless
  fonts-dejavu-core                         # a font for the report page and its screenshot
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup-test: need root to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "setup-test: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
if ! "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/bedflow-setup-test.log 2>&1; then
  echo "setup-test: apt-get install failed (log: /tmp/bedflow-setup-test.log)" >&2
  tail -20 /tmp/bedflow-setup-test.log >&2
  exit 1
fi
for p in "${missing[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || { echo "setup-test: package still missing: $p" >&2; exit 1; }
done
