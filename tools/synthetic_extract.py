#!/usr/bin/env python3
"""Writes a SYNTHETIC patient-level extract (docs/fitting.md) from known parameters, for
timing `bedflow fit` and for trying it without NHS data. Kent-and-Medway-sized by default:
about 560 emergency and 150 elective admissions a day.

Usage: /usr/bin/python3 tools/synthetic_extract.py OUT.csv [--spells N] [--seed S]

Every figure in it is made up: emergency admissions are Poisson with a weekday profile,
electives on weekdays; three cohorts with lognormal or gamma stays to medically fit;
pathways by cohort; an exponential delay from ready to discharge per pathway; spells still
open at the end have no discharge (censored).
"""
import argparse
import datetime as dt

import numpy as np

COHORTS = [  # name, share of emergencies, stay sampler, pathway shares P0..P3
    ("frail_elderly", 0.30, lambda r, n: r.lognormal(1.9, 0.9, n), [0.45, 0.30, 0.15, 0.10]),
    ("adult_medical", 0.55, lambda r, n: r.gamma(1.6, 2.5, n), [0.80, 0.12, 0.06, 0.02]),
    ("surgical", 0.15, lambda r, n: r.lognormal(1.0, 0.8, n), [0.90, 0.07, 0.03, 0.00]),
]
DELAY_MEAN_DAYS = [0.3, 2.5, 5.0, 8.0]
WEEKDAY = np.array([1.10, 1.03, 1.00, 0.99, 1.00, 0.94, 0.94])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out")
    parser.add_argument("--spells", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20261130)
    parser.add_argument("--start", default="2023-04-03")
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    per_day = 560 + 150
    days = int(np.ceil(args.spells / per_day))
    start = dt.datetime.fromisoformat(args.start)
    day_index = np.arange(days)
    weekday = np.array([(start + dt.timedelta(days=int(d))).weekday() for d in day_index])
    emergencies = rng.poisson(560 * WEEKDAY[weekday])
    electives = np.where(weekday < 5, rng.poisson(150 * 7 / 5, days), 0)
    t_em = np.repeat(day_index, emergencies) + rng.random(emergencies.sum())
    t_el = np.repeat(day_index, electives) + 0.3 + 0.1 * rng.random(electives.sum())
    admitted = np.concatenate([t_em, t_el])[: args.spells]
    method = np.concatenate([np.full(t_em.size, "emergency"), np.full(t_el.size, "elective")])
    method = method[: args.spells]
    n = admitted.size
    which = rng.choice(len(COHORTS), size=n, p=[c[1] for c in COHORTS])
    stay = np.empty(n)
    pathway = np.empty(n, dtype=int)
    for k, (_, _, sampler, shares) in enumerate(COHORTS):
        mask = which == k
        stay[mask] = sampler(rng, mask.sum())
        pathway[mask] = rng.choice(4, size=mask.sum(), p=shares)
    delay = rng.exponential(np.array(DELAY_MEAN_DAYS)[pathway])
    ready = admitted + stay
    leave = ready + delay
    end = float(days)
    minute = 1 / 1440

    def stamp(t):
        return (start + dt.timedelta(days=float(np.floor(t / minute) * minute))).strftime("%Y-%m-%dT%H:%M")

    names = [c[0] for c in COHORTS]
    order = np.argsort(admitted, kind="stable")
    with open(args.out, "w", encoding="utf-8") as out:
        out.write("spell_id,admitted,discharged,admission_method,cohort,pathway,ready_for_discharge\n")
        for i in order:
            done = leave[i] < end
            out.write("SYN{:07d},{},{},{},{},{},{}\n".format(
                i + 1, stamp(admitted[i]), stamp(leave[i]) if done else "", method[i],
                names[which[i]], f"P{pathway[i]}" if ready[i] < end else "",
                stamp(ready[i]) if ready[i] < end else ""))
        # A last admission a minute before the end marks where open spells are censored.
        out.write(f"SYNEND,{stamp(end - minute)},,emergency,{names[0]},,\n")


if __name__ == "__main__":
    main()
