#!/usr/bin/python3
"""Writes an illustrative census CSV (service, cohort, days_in_service, medically_fit) for
the Kent and Medway baseline: the numbers in each service are the baseline's mean occupancies,
and days already spent are drawn from plausible ranges. Real use replaces this with the
system's own snapshot of who is where today.

Usage: tools/make_census.py OUT.csv [--seed N]
"""
import argparse
import csv
import random

# (service, cohort, patients, medically fit, mean days already spent)
ROWS = [
    ("acute", "frail_elderly", 1180, False, 4.0),
    ("acute", "adult_medical", 640, False, 1.5),
    ("acute", "elective_surgical", 120, False, 1.5),
    ("acute", "frail_elderly", 760, True, 9.0),
    ("acute", "adult_medical", 190, True, 5.0),
    ("virtual_ward", "frail_elderly", 215, False, 2.5),
    ("reablement", "frail_elderly", 1300, False, 8.0),
    ("home_care", "frail_elderly", 1650, False, 90.0),
    ("intermediate_care_beds", "frail_elderly", 950, False, 19.0),
    ("care_home", "frail_elderly", 650, False, 22.0),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=20261001)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["service", "cohort", "days_in_service", "medically_fit"])
        for service, cohort, count, fit, mean_days in ROWS:
            for _ in range(count):
                days = round(rng.expovariate(1.0 / mean_days), 2)
                writer.writerow([service, cohort, days, "true" if fit else "false"])


if __name__ == "__main__":
    main()
