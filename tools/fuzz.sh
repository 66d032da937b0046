#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang into build-fuzz/ and runs each for SECONDS
# (default 60), failing on the first crash, leak, hang or uncaught exception. A crashing input
# is kept as build-fuzz/crash-<name>-*; add it under tests/ as a fixture (docs/fuzzing.md).
# FUZZ_BUILD_ONLY=1 builds and gathers the seeds without running anything.
# FUZZ_PREBUILT=1 skips the build: FUZZ_BUILD_DIR already holds the harnesses (CI builds one
# clang tree with -DBEDFLOW_FUZZ=ON and the tests, runs the tests under the sanitizers there,
# then fuzzes from it, so the libraries are compiled once for both).
# Usage: tools/fuzz.sh [SECONDS] [HARNESS...]   (harnesses: fuzz_scenario fuzz_census
#        fuzz_overrides fuzz_results fuzz_extract; default all)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-60}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(fuzz_scenario fuzz_census fuzz_overrides fuzz_results fuzz_extract)
build_dir=${FUZZ_BUILD_DIR:-$root/build-fuzz}

# The libraries carry libFuzzer's coverage and both sanitizers; -O1 -g keeps reports readable.
if [ -z "${FUZZ_PREBUILT:-}" ]; then
  BUILD_DIR=$build_dir BUILD_TYPE=RelWithDebInfo BEDFLOW_TARGETS="${harnesses[*]}" \
    bash "$root/tools/build.sh" -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
    -DBEDFLOW_FUZZ=ON -DBEDFLOW_BUILD_TESTS=OFF -DBEDFLOW_BUILD_BENCHMARKS=OFF \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g"
fi
for name in "${harnesses[@]}"; do
  [ -x "$build_dir/fuzz/$name" ] || { echo "fuzz: $build_dir/fuzz/$name is not built" >&2; exit 2; }
done

# Seed corpora: every shipped scenario and test fixture of the reader's kind; results files
# made by the main build's bedflow (a run with its patient log, and a sweep; the scenario
# warms up for 50 days).
seeds=$build_dir/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{scenario,census,overrides,results,extract}
find "$root/scenarios" "$root/tests" -name '*.yaml' -exec cp -t "$seeds/scenario" {} +
find "$root/scenarios" "$root/tests" -name '*.csv' -exec cp -t "$seeds/census" {} +
cp "$root"/fuzz/corpus/overrides/* "$seeds/overrides/"
# Extracts: hand-made ones (a mapping file before a "%%" line, odd rows, community spells,
# dates without times) and slices of the shipped synthetic extract, each with its header.
cp "$root"/fuzz/corpus/extract/* "$seeds/extract/"
for extract in "$root"/scenarios/extracts/*.csv.gz; do
  base=$(basename "$extract" .csv.gz)
  header=$(zcat "$extract" | head -1 || true)
  for start in 2 5000 40000; do
    { echo "$header"; zcat "$extract" | tail -n +"$start" | head -40 || true; } >"$seeds/extract/$base-$start.csv"
  done
done
bedflow=${BEDFLOW:-$root/build/tools/bedflow}
if [ -x "$bedflow" ]; then
  scenario=$root/scenarios/analytic/mmc-acute-only.yaml
  "$bedflow" run "$scenario" -n 2 --events --set scenario.horizon_days=60 \
    -o "$seeds/results/run.h5" --force >/dev/null
  "$bedflow" run "$scenario" -n 2 --set scenario.horizon_days=55 \
    --sweep 'scenario.description=a,b' -o "$seeds/results/sweep.h5" --force >/dev/null
else
  echo "fuzz: $bedflow not built; fuzz_results starts from an empty corpus" >&2
fi

[ -z "${FUZZ_BUILD_ONLY:-}" ] || exit 0

declare -A corpus=([fuzz_scenario]=scenario [fuzz_census]=census [fuzz_overrides]=overrides
                   [fuzz_results]=results [fuzz_extract]=extract)
status=0
for name in "${harnesses[@]}"; do
  work=$build_dir/corpus/$name
  mkdir -p "$work"
  options=(-max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -print_final_stats=1
           -artifact_prefix="$build_dir/crash-$name-")
  # HDF5 loses memory it allocated for a damaged file it refused (LeakSanitizer reports it
  # at exit, from inside libhdf5); that is not bedflow's leak.
  environment=()
  [ "$name" = fuzz_results ] && options+=(-detect_leaks=0) && environment=(ASAN_OPTIONS=detect_leaks=0)
  # The shipped census (thousands of rows) would make every input that long: 3 runs a second
  # instead of hundreds. Its rows still seed the corpus, cut to 8 KiB.
  [ "$name" = fuzz_census ] && options+=(-max_len=8192)
  # Each extract is also fitted (four families by maximum likelihood): 4 KiB, about 50 spells,
  # keeps that to milliseconds while every reader path stays reachable.
  [ "$name" = fuzz_extract ] && options+=(-max_len=4096)
  echo "-- $name (${seconds} s)"
  if ! env "${environment[@]}" "$build_dir/fuzz/$name" "${options[@]}" "$work" "$seeds/${corpus[$name]}" \
      >"$build_dir/$name.log" 2>&1; then
    echo "fuzz: $name FAILED; see $build_dir/$name.log" >&2
    tail -40 "$build_dir/$name.log" >&2
    status=1
  fi
  grep -E '^stat::number_of_executed_units|^Done [0-9]+ runs' "$build_dir/$name.log" || true
done
exit $status
