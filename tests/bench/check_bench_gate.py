#!/usr/bin/env python3
"""The benchmark gate fails a deliberately slowed build and passes the real one.

Usage: check_bench_gate.py BUILD_DIR SCRATCH_DIR

1. Runs one gated case (the engine's M1 station against the bare loop) and writes a baseline
   from it, on this machine, now.
2. Runs it again with BEDFLOW_BENCH_SLOWDOWN=1.5 (the case takes 1.5x its CPU time): the
   gate must fail and call the case SLOWER.
3. Runs it again as built: the gate must pass against the same baseline.
4. A baseline case that the results lack must fail the gate as MISSING.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GATE = os.path.join(ROOT, "tools", "bench_gate.py")
CASE = "BM_M1_EngineOverYardstick"


def gate(*arguments, slowdown=None):
    env = dict(os.environ)
    env.pop("BEDFLOW_BENCH_SLOWDOWN", None)
    if slowdown:
        env["BEDFLOW_BENCH_SLOWDOWN"] = str(slowdown)
    done = subprocess.run([sys.executable, GATE, *arguments], env=env, capture_output=True,
                          text=True, check=False)
    print(done.stdout + done.stderr)
    return done


def expect(condition, message):
    if not condition:
        print("FAILED: " + message)
        sys.exit(1)


def main(build, scratch):
    os.makedirs(scratch, exist_ok=True)
    baseline = os.path.join(scratch, "baseline.json")

    def run_case(name, slowdown=None):
        out = os.path.join(scratch, name)
        # bench_m1 only: the other programs have no case matching the filter, which is fine.
        done = gate("run", "--build", build, "--baseline", baseline, "--out", out,
                    "--filter", CASE, "--min-time", "0.2", "--repetitions", "3",
                    slowdown=slowdown)
        return done, os.path.join(out, "bench_m1.json")

    first = gate("run", "--build", build, "--baseline", os.path.join(ROOT, "bench/baseline.json"),
                 "--out", os.path.join(scratch, "first"), "--filter", CASE,
                 "--min-time", "0.2", "--repetitions", "3")
    first_json = os.path.join(scratch, "first", "bench_m1.json")
    expect(os.path.exists(first_json), "the suite wrote no JSON: " + first.stderr)
    written = gate("baseline", first_json, "-o", baseline)
    expect(written.returncode == 0, "could not write a baseline")
    with open(baseline, encoding="utf-8") as f:
        expect(CASE in json.load(f)["cases"], "the baseline lacks " + CASE)

    slowed, _ = run_case("slowed", slowdown=1.5)
    expect(slowed.returncode == 1, f"the gate passed a build slowed 1.5x ({slowed.returncode})")
    expect("SLOWER" in slowed.stdout, "the gate did not name the slower case")

    real, real_json = run_case("real")
    expect(real.returncode == 0, f"the gate failed the real build ({real.returncode})")

    with open(baseline, encoding="utf-8") as f:
        data = json.load(f)
    data["cases"]["BM_Not_Run"] = 1.0
    with open(baseline, "w", encoding="utf-8") as f:
        json.dump(data, f)
    missing = gate("check", baseline, real_json)
    expect(missing.returncode == 1 and "MISSING" in missing.stdout,
           "a case missing from the results did not fail the gate")
    print("check_bench_gate: passed")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
