#!/usr/bin/env python3
"""The benchmark gate: run bedflow's benchmark suite and fail when a case got slower.

Every gated case reports `ratio_to_bare_loop`: its events per CPU second over those of a
bare hand-written M1 loop timed alternately in the same process (bench/bare_loop.hpp).
Absolute speeds on shared machines vary by 1.6x from run to run; the ratio does not, so it
is what is compared with the stored baseline (bench/baseline.json).

  bench_gate.py run [--build build] [--baseline bench/baseline.json] [--out DIR]
                    [--filter REGEX] [--min-time S] [--repetitions N]
                    [--scenario FILE.yaml]... [--write-baseline]
      runs the suite (Google Benchmark JSON into DIR), then checks it against the baseline,
      or, with --write-baseline, writes the baseline from this run. Each --scenario adds a
      case BM_Scenario/<file stem>: one replication of your scenario against the bare loop
  bench_gate.py check BASELINE.json RESULT.json...
      checks results already written; exit 1 if any case is more than the baseline's
      tolerance (default 15%) below its baseline ratio, or missing
  bench_gate.py baseline RESULT.json... -o BASELINE.json [--tolerance 0.15]
      writes a baseline from results (median over repetitions)

Exit status: 0 every case within tolerance, 1 a case regressed or is missing, 2 bad usage
or unreadable files.
"""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys

SUITE = {  # program -> the cases it contributes to the gate
    "bench_m1": "BM_M1_EngineOverYardstick|BM_M1_ProductPath",
    "bench_hospital": "BM_KentMedwayOverYardstick|BM_Scenario/",
    "bench_kernel": "BM_HoldOverYardstick",
}
COUNTER = "ratio_to_bare_loop"


def fail_usage(message):
    print(f"bench_gate: error: {message}", file=sys.stderr)
    sys.exit(2)


def read_ratios(paths):
    """Case name -> median ratio over its repetitions, from Google Benchmark JSON files."""
    samples = {}
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                data = json.load(f)
        except (OSError, ValueError) as e:
            fail_usage(f"{path}: cannot read benchmark JSON: {e}")
        try:
            for b in data.get("benchmarks", []):
                if b.get("run_type", "iteration") != "iteration" or COUNTER not in b:
                    continue
                name = b.get("run_name") or b["name"]
                samples.setdefault(str(name), []).append(float(b[COUNTER]))
        except (AttributeError, KeyError, TypeError, ValueError) as e:
            fail_usage(f"{path}: not Google Benchmark JSON with {COUNTER} counters: {e!r}")
    return {name: statistics.median(values) for name, values in samples.items()}


def check(baseline_path, result_paths):
    try:
        with open(baseline_path, encoding="utf-8") as f:
            baseline = json.load(f)
        cases = {str(k): float(v) for k, v in baseline["cases"].items()}
        tolerance = float(baseline.get("tolerance", 0.15))
        if any(not v > 0 for v in cases.values()) or not 0 <= tolerance < 1:
            raise ValueError("ratios must be above 0 and the tolerance in [0, 1)")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as e:
        fail_usage(f"{baseline_path}: not a bench_gate baseline: {e}")
    measured = read_ratios(result_paths)
    failed = False
    print(f"{'case':<40} {'baseline':>9} {'measured':>9} {'change':>8}  verdict "
          f"(fails below -{tolerance:.0%})")
    for name, expected in sorted(cases.items()):
        if name not in measured:
            print(f"{name:<40} {expected:>9.3f} {'-':>9} {'-':>8}  MISSING")
            failed = True
            continue
        ratio = measured[name]
        change = ratio / expected - 1.0
        verdict = "ok" if ratio >= expected * (1.0 - tolerance) else "SLOWER"
        failed |= verdict != "ok"
        print(f"{name:<40} {expected:>9.3f} {ratio:>9.3f} {change:>+8.1%}  {verdict}")
    for name in sorted(set(measured) - set(cases)):
        print(f"{name:<40} {'-':>9} {measured[name]:>9.3f} {'-':>8}  not in the baseline")
    print("bench_gate: " + ("FAILED: a case is slower than its baseline allows, or missing"
                            if failed else "passed"))
    return 1 if failed else 0


def write_baseline(result_paths, output, tolerance):
    measured = read_ratios(result_paths)
    if not measured:
        fail_usage("no case with a ratio_to_bare_loop counter in the results")
    baseline = {
        "description": "ratio_to_bare_loop per benchmark case (median over repetitions); "
                       "tools/bench_gate.py fails a run more than `tolerance` below these",
        "tolerance": tolerance,
        "machine": f"{platform.machine()}, {os.cpu_count()} cores",
        "cases": {name: round(ratio, 4) for name, ratio in sorted(measured.items())},
    }
    with open(output, "w", encoding="utf-8") as f:
        json.dump(baseline, f, indent=2)
        f.write("\n")
    print(f"bench_gate: wrote {output} ({len(measured)} cases)")
    return 0


def run_suite(args):
    os.makedirs(args.out, exist_ok=True)
    outputs = []
    for program, cases in SUITE.items():
        binary = os.path.join(args.build, "bench", program)
        if not os.access(binary, os.X_OK):
            fail_usage(f"{binary}: not built (build with -DBEDFLOW_BUILD_BENCHMARKS=ON)")
        pattern = cases if not args.filter else args.filter
        out = os.path.join(args.out, program + ".json")
        command = [binary, f"--benchmark_filter={pattern}",
                   f"--benchmark_min_time={args.min_time}",
                   f"--benchmark_repetitions={args.repetitions}",
                   f"--benchmark_out={out}", "--benchmark_out_format=json"]
        print("bench_gate: " + " ".join(command), flush=True)
        env = dict(os.environ)
        if args.scenario:
            env["BEDFLOW_BENCH_SCENARIOS"] = os.pathsep.join(os.path.abspath(p)
                                                             for p in args.scenario)
        completed = subprocess.run(command, stdout=subprocess.DEVNULL, env=env, check=False)
        if completed.returncode != 0:
            print(f"bench_gate: {program} failed with status {completed.returncode}",
                  file=sys.stderr)
            return 1
        if args.filter and (not os.path.exists(out) or os.path.getsize(out) == 0):
            continue  # the filter matched none of this program's cases
        outputs.append(out)
    if args.write_baseline:
        return write_baseline(outputs, args.baseline, args.tolerance)
    if args.filter:  # a subset: check only the baseline's cases that ran
        measured = read_ratios(outputs)
        with open(args.baseline, encoding="utf-8") as f:
            baseline = json.load(f)
        baseline["cases"] = {k: v for k, v in baseline["cases"].items() if k in measured}
        subset = os.path.join(args.out, "baseline-subset.json")
        with open(subset, "w", encoding="utf-8") as f:
            json.dump(baseline, f)
        return check(subset, outputs)
    return check(args.baseline, outputs)


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("--build", default="build")
    run.add_argument("--baseline", default="bench/baseline.json")
    run.add_argument("--out", default="build/bench-results")
    run.add_argument("--filter", default="")
    run.add_argument("--min-time", default="0.3")
    run.add_argument("--repetitions", type=int, default=3)
    run.add_argument("--scenario", action="append", default=[])
    run.add_argument("--write-baseline", action="store_true")
    run.add_argument("--tolerance", type=float, default=0.15)
    chk = sub.add_parser("check")
    chk.add_argument("baseline")
    chk.add_argument("results", nargs="+")
    base = sub.add_parser("baseline")
    base.add_argument("results", nargs="+")
    base.add_argument("-o", "--output", required=True)
    base.add_argument("--tolerance", type=float, default=0.15)
    args = parser.parse_args()
    if args.command == "run":
        return run_suite(args)
    if args.command == "check":
        return check(args.baseline, args.results)
    return write_baseline(args.results, args.output, args.tolerance)


if __name__ == "__main__":
    sys.exit(main())
