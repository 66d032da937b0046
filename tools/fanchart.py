#!/usr/bin/python3
"""Occupancy fan chart from a bedflow results file.

Reads any bedflow results file with h5py alone (no bedflow code), takes one service's
occupancy series (replication x time) and draws its 5th, 50th and 95th percentiles over
time, with the service's capacity when the file has it. This doubles as proof that the
file layout (docs/outputs.md) is usable without bedflow.

    tools/fanchart.py results/baseline.h5 --service acute -o acute.png
    tools/fanchart.py sweep.h5 --variant 650 --service reablement

Needs Debian's python3-h5py, python3-matplotlib and python3-numpy.
"""
import argparse
import sys

import h5py
import numpy as np
import matplotlib

matplotlib.use("Agg")  # files only: works on machines without a display
import matplotlib.pyplot as plt  # noqa: E402  (after the backend is chosen)


def series_location(results, variant):
    """The group holding /timeseries for a plain run, or for one variant of a sweep."""
    if "variants" not in results:
        if variant:
            sys.exit(f"error: {results.filename} is not a sweep; drop --variant")
        return results
    variants = results["variants"]
    labels = {variants[name].attrs["label"]: name for name in variants}
    if not variant:
        sys.exit(f"error: {results.filename} holds a sweep; choose --variant from: "
                 + ", ".join(sorted(labels)))
    if variant not in labels:
        sys.exit(f"error: no variant '{variant}' in {results.filename}; variants: "
                 + ", ".join(sorted(labels)))
    return variants[labels[variant]]


def text(value):
    return value.decode() if isinstance(value, bytes) else str(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", help="a bedflow results file (.h5)")
    parser.add_argument("--service", default="acute", help="service (timeseries group)")
    parser.add_argument("--measure", default="occupancy", help="series to chart")
    parser.add_argument("--variant", default="", help="variant label, for sweep files")
    parser.add_argument("-o", "--output", help="PNG to write (default <service>_fanchart.png)")
    args = parser.parse_args()

    try:
        results = h5py.File(args.results, "r")
    except OSError as error:
        sys.exit(f"error: {args.results}: cannot open ({error})")
    with results:
        if results["metadata"].attrs.get("complete", 0) != 1:
            sys.exit(f"error: {args.results}: incomplete results file")
        location = series_location(results, args.variant)
        timeseries = location["timeseries"]
        if args.service not in timeseries:
            sys.exit(f"error: no service '{args.service}'; services: "
                     + ", ".join(sorted(timeseries)))
        group = timeseries[args.service]
        if args.measure not in group:
            sys.exit(f"error: no series '{args.measure}' for {args.service}; series: "
                     + ", ".join(sorted(k for k in group if k != "time_days")))
        values = group[args.measure][:]          # replication x time
        unit = text(group[args.measure].attrs.get("unit", ""))
        days = group["time_days"][:]
        capacity = group["capacity"][:] if "capacity" in group else None
        name = text(results["metadata"].attrs.get("scenario_name", ""))

    low, median, high = np.percentile(values, [5, 50, 95], axis=0)
    figure, axes = plt.subplots(figsize=(10, 5), dpi=120)
    axes.fill_between(days, low, high, color="tab:blue", alpha=0.25,
                      label="5th to 95th percentile")
    axes.plot(days, median, color="tab:blue", linewidth=1.8, label="median")
    if capacity is not None and args.measure == "occupancy":
        axes.plot(days, np.median(capacity, axis=0), color="tab:red", linestyle="--",
                  linewidth=1.2, label="capacity (median)")
    title = f"{name}: {args.service} {args.measure}"
    if args.variant:
        title += f" (variant {args.variant})"
    axes.set_title(f"{title}, {values.shape[0]} replications")
    axes.set_xlabel("days since the scenario's start date")
    axes.set_ylabel(f"{args.measure} ({unit})" if unit else args.measure)
    axes.grid(True, alpha=0.3)
    axes.legend(loc="best")
    figure.tight_layout()
    output = args.output or f"{args.service}_fanchart.png"
    figure.savefig(output)
    print(f"Wrote {output}")


if __name__ == "__main__":
    main()
