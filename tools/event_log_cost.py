#!/usr/bin/env python3
"""What the patient log costs: CPU, peak memory and file size of `bedflow run` with and
without `--events`, measured side by side on the same scenario.

  event_log_cost.py [--bedflow build/tools/bedflow] [--scenario FILE.yaml] [-n N] [-t T]
                    [--repeats K] [--out DIR]

Runs the scenario K times each way, alternating (so both see the same machine load), and
prints, as JSON, the median CPU seconds (user + system, the child's own getrusage) of each,
their ratio, each run's peak resident memory and the results files' sizes. CPU time, not
wall time, is compared: on a shared machine wall time varies with other users' load.

Exit status: 0 measured, 1 a run failed, 2 bad usage.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile


def run_once(bedflow, scenario, replications, threads, out, events):
    command = [bedflow, "run", scenario, "-n", str(replications), "-t", str(threads),
               "-o", out, "--force"]
    if events:
        command.append("--events")
    # wait4 gives this child's own usage (RUSAGE_CHILDREN would mix in earlier children).
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    stderr = child.stderr.read().decode("utf-8", "replace")
    child.stderr.close()
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.stderr.write(stderr)
        raise RuntimeError(f"{' '.join(command)} exited with {child.returncode}")
    return {
        "cpu_seconds": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024.0,  # ru_maxrss is in KiB on Linux
        "file_mb": os.path.getsize(out) / 1048576.0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--bedflow", default=os.path.join(root, "build", "tools", "bedflow"))
    parser.add_argument("--scenario",
                        default=os.path.join(root, "scenarios", "kent-medway", "baseline.yaml"))
    parser.add_argument("-n", "--replications", type=int, default=20)
    parser.add_argument("-t", "--threads", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--out", default=None, help="directory for the results files")
    args = parser.parse_args()
    if args.replications < 1 or args.threads < 1 or args.repeats < 1:
        parser.error("-n, -t and --repeats must be at least 1")
    if not os.access(args.bedflow, os.X_OK):
        parser.error(f"{args.bedflow}: not an executable (build bedflow first)")

    out_dir = args.out or tempfile.mkdtemp(prefix="bedflow-event-log-cost-")
    runs = {"without": [], "with": []}
    try:
        for _ in range(args.repeats):
            for name, events in (("without", False), ("with", True)):
                out = os.path.join(out_dir, f"{name}.h5")
                runs[name].append(run_once(args.bedflow, args.scenario, args.replications,
                                           args.threads, out, events))
    except RuntimeError as error:
        print(error, file=sys.stderr)
        return 1
    cpu = {name: statistics.median(r["cpu_seconds"] for r in rs) for name, rs in runs.items()}
    report = {
        "scenario": args.scenario,
        "replications": args.replications,
        "threads": args.threads,
        "repeats": args.repeats,
        "cpu_seconds_median": cpu,
        "cpu_ratio_with_events": cpu["with"] / cpu["without"],
        "peak_rss_mb_max": {name: max(r["peak_rss_mb"] for r in rs) for name, rs in runs.items()},
        "file_mb": {name: rs[-1]["file_mb"] for name, rs in runs.items()},
        "runs": runs,
    }
    json.dump(report, sys.stdout, indent=2)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
