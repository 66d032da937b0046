#!/usr/bin/env bash
# Installs, from Debian packages only, exactly what bedflow needs to build, run and benchmark;
# with --test, also what only the tests need (tools/test.sh passes it; tools/run.sh does not).
# Idempotent; run as root (or with sudo available). Fails loudly naming any package it could not get.
set -euo pipefail

packages=(
  g++ cmake ninja-build git                 # toolchain; git stamps the commit into results
  libboost-graph-dev                        # the service network check
  libboost-program-options-dev              # the command line
  libboost-math-dev                         # Student-t, gamma and normal quantiles
  libyaml-cpp-dev libhdf5-dev               # scenarios in, results out
  zlib1g-dev                                # the patient log's chunks, deflated by bedflow
  libxlsxwriter-dev                         # export --xlsx: the finance workbook
  nlohmann-json3-dev                        # the data the HTML report's page script reads
  libfmt-dev libpcg-cpp-dev                 # messages and tables; the random generator
  libhowardhinnant-date-dev                 # bedflow fit: date-times of the patient extract
  catch2 libbenchmark-dev                   # tests and benchmarks
  python3 python3-h5py python3-numpy python3-matplotlib   # tools/fanchart.py and its test
  python3-yaml                              # tools/events_to_extract.py reads the stored scenario
)

# Only for the tests: never installed by the run command.
test_packages=(
  python3-openpyxl                          # tests/cli/check_workbook.py reads export --xlsx back
  chromium                                  # tests/report: the report rendered headless
  fonts-dejavu-core                         # a font for the report page and its screenshot
  libopenmpi-dev openmpi-bin                # bedflow-mpi is built and tested over 1-3 ranks
  clang libclang-rt-14-dev                  # .ci/run: the libFuzzer harnesses in fuzz/
)
if [ "${1:-}" = "--test" ]; then
  packages+=("${test_packages[@]}")
elif [ $# -gt 0 ]; then
  echo "usage: tools/setup.sh [--test]" >&2
  exit 2
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup: need root to install: ${missing[*]}" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
if ! "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/tmp/bedflow-setup.log 2>&1; then
  for p in "${missing[@]}"; do
    apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [0-9]' || echo "setup: package not available: $p" >&2
  done
  echo "setup: apt-get install failed (log: /tmp/bedflow-setup.log)" >&2
  tail -20 /tmp/bedflow-setup.log >&2
  exit 1
fi
for p in "${missing[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || { echo "setup: package still missing: $p" >&2; exit 1; }
done
