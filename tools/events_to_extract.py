#!/usr/bin/env python3
"""Turns bedflow's patient event log (`bedflow run --events`) into a patient-level extract in
the format `bedflow fit` reads (docs/fitting.md): one row per acute spell of one replication,
labelled SYNTHETIC, since every patient in it was simulated.

Usage: /usr/bin/python3 tools/events_to_extract.py RESULTS.h5 OUT.csv [--replication R]

- admitted: the `admit` event; discharged: the acute `leave` (empty if still in at the end of
  the run: censored); ready_for_discharge: `medically_fit` while in the acute service;
- admission_method: `elective` when the `arrive` row's stream name contains "elective",
  else `emergency` (readmissions are emergencies);
- pathway: from the service entered next (or `home`), matched to the scenario's
  `discharge_pathways` (stored with the results); where two pathways lead to the same place,
  the lowest is written;
- dates are the scenario's start date plus `time_days`, to the minute.
"""
import argparse
import datetime as dt
import sys

import h5py
import numpy as np
import yaml


def pathway_of(resolved):
    """Destination -> pathway number, from the resolved scenario's discharge_pathways."""
    destinations = {}
    for k in range(4):
        spec = (resolved.get("discharge_pathways") or {}).get(f"P{k}") or {}
        destinations.setdefault(spec.get("to", "home"), k)
    return destinations


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results")
    parser.add_argument("out")
    parser.add_argument("--replication", type=int, default=0)
    parser.add_argument("--variant", help="a sweep's variant label (its log is under "
                                          "/variants/<label>/events)")
    args = parser.parse_args()
    with h5py.File(args.results, "r") as f:
        if args.variant is not None:
            if f"variants/{args.variant}" not in f:
                labels = ", ".join(f["variants"].keys()) if "variants" in f else "none"
                sys.exit(f"{args.results}: no variant '{args.variant}' (variants: {labels})")
            log = f["variants/" + args.variant]
            resolved_text = log["scenario_resolved"].asstr()[()]
        else:
            if "events" not in f and "variants" in f:
                sys.exit(f"{args.results}: a sweep: name a variant with --variant "
                         f"({', '.join(f['variants'].keys())})")
            log = f
            resolved_text = f["metadata/scenario_resolved"].asstr()[()]
        if "events" not in log:
            sys.exit(f"{args.results}: no patient log (run with --events)")
        resolved = yaml.safe_load(resolved_text)
        calendar_start = log.attrs["calendar_start"]  # on the root, or on a sweep's variant
        start = dt.datetime.fromisoformat(calendar_start.decode()
                                          if isinstance(calendar_start, bytes) else calendar_start)
        rows = log["events"][:]
        # Format 4 stores codes with their names in events_codes beside the table
        # (docs/outputs.md); format 3 stored the names in each row.
        names = {c: list(log["events_codes/" + c].asstr()[:]) if "events_codes" in log else None
                 for c in ("event", "service", "cohort")}
    replications = sorted(set(int(r) for r in rows["replication"]))
    if args.replication not in replications:
        sys.exit(f"{args.results}: no replication {args.replication} in the log "
                 f"(replications {replications[0]} to {replications[-1]})" if replications
                 else f"{args.results}: the patient log is empty")
    rows = rows[rows["replication"] == args.replication]

    def name_of(row, column):
        value = row[column]
        return names[column][int(value)] if names[column] is not None else value.decode()

    acute = {name for name, s in resolved["services"].items() if s.get("kind") == "acute"}
    to_pathway = pathway_of(resolved)
    spells = {}   # patient -> dict
    order = []
    for r in rows:
        patient, t = int(r["patient"]), float(r["time_days"])
        event, service, cohort = (name_of(r, c) for c in ("event", "service", "cohort"))
        s = spells.get(patient)
        if event in ("arrive", "readmit", "census"):
            spells[patient] = s = {"method": "elective" if "elective" in service and event == "arrive"
                                   else "emergency", "cohort": cohort}
            if event == "census" and service in acute:
                s["admitted"] = t
                order.append(patient)
        elif s is None:
            continue
        elif event == "admit" and "admitted" not in s:
            s["admitted"] = t
            order.append(patient)
        elif event == "medically_fit" and service in acute and "admitted" in s:
            s["ready"] = t
        elif event == "leave" and service in acute and "admitted" in s and "discharged" not in s:
            s["discharged"] = t
        elif event == "turned_away" and "admitted" in s and "pathway" not in s:
            # Turned away by its pathway's loss service (code 15): the pathway is the one
            # planned, not the if_turned_away destination it then enters.
            if service in to_pathway:
                s["pathway"] = to_pathway[service]
        elif event in ("enter", "home") and "discharged" in s and "pathway" not in s:
            s["pathway"] = to_pathway.get(service if event == "enter" else "home", 0)

    def stamp(t):
        return (start + dt.timedelta(minutes=round(t * 1440))).strftime("%Y-%m-%dT%H:%M")

    with open(args.out, "w", encoding="utf-8") as out:
        out.write("spell_id,admitted,discharged,admission_method,cohort,pathway,ready_for_discharge\n")
        for patient in order:
            s = spells[patient]
            out.write("SYN{}-{},{},{},{},{},{},{}\n".format(
                args.replication, patient, stamp(s["admitted"]),
                stamp(s["discharged"]) if "discharged" in s else "", s["method"], s["cohort"],
                f"P{s['pathway']}" if "pathway" in s else "",
                stamp(s["ready"]) if "ready" in s else ""))


if __name__ == "__main__":
    main()
