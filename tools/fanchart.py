#!/usr/bin/python3
"""Occupancy fan chart from a bedflow results file.

Reads any bedflow results file with h5py alone (no bedflow code), takes one service's
occupancy series (replication x time) and draws its 5th, 50th and 95th percentiles against
calendar dates, with the service's capacity when the file has it, titled in plain words with
the observed window. This doubles as proof that the file layout (docs/outputs.md) is usable
without bedflow. For the whole picture (every chart, costs, assumptions) use `bedflow report`.

    tools/fanchart.py results/baseline.h5 --service acute -o acute.png
    tools/fanchart.py sweep.h5 --variant 650 --service reablement

Needs Debian's python3-h5py, python3-matplotlib and python3-numpy.
"""
import argparse
import datetime
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


# What a planner calls each series; anything else is shown as its name with underscores
# turned into spaces.
SERIES_WORDS = {
    "occupancy": "patients in {service}",
    "capacity": "places open in {service}",
    "queue": "patients waiting for {service}",
    "ed_queue": "patients in ED waiting for a bed",
    "escalation_beds_open": "escalation beds open",
    "delayed_total": "medically fit patients still in an acute bed",
    "delayed_P1": "medically fit patients waiting for pathway 1 (reablement at home)",
    "delayed_P2": "medically fit patients waiting for pathway 2 (a community bed)",
    "delayed_P3": "medically fit patients waiting for pathway 3 (a care home)",
}


def words(measure, service):
    label = SERIES_WORDS.get(measure, measure.replace("_", " "))
    return label.format(service=service.replace("_", " "))


def dates_of(group, location, days):
    """Calendar dates of the series columns: /timeseries/<group>/date when present, else the
    calendar start plus time_days."""
    if "date" in group:
        return [datetime.datetime.fromisoformat(text(d)) for d in group["date"][:]]
    start = datetime.date.fromisoformat(text(location.attrs["calendar_start"]))
    origin = datetime.datetime(start.year, start.month, start.day)
    return [origin + datetime.timedelta(days=float(d)) for d in days]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", help="a bedflow results file (.h5)")
    parser.add_argument("--service", default="acute", help="service (timeseries group)")
    parser.add_argument("--measure", default="occupancy", help="series to chart")
    parser.add_argument("--variant", default="", help="variant label, for sweep files")
    parser.add_argument("-o", "--output", help="PNG to write (default <service>_fanchart.png)")
    parser.add_argument("--describe", action="store_true",
                        help="also print the chart's title and axes")
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
                     + ", ".join(sorted(k for k in group if k not in ("time_days", "date"))))
        values = group[args.measure][:]          # replication x time
        unit = text(group[args.measure].attrs.get("unit", ""))
        days = group["time_days"][:]
        dates = dates_of(group, location, days)
        capacity = group["capacity"][:] if "capacity" in group else None
        name = text(results["metadata"].attrs.get("scenario_name", ""))
        first = text(location.attrs.get("window_first_date", ""))
        last = text(location.attrs.get("window_last_date", ""))

    low, median, high = np.percentile(values, [5, 50, 95], axis=0)
    figure, axes = plt.subplots(figsize=(10, 5), dpi=120)
    axes.fill_between(dates, low, high, color="tab:blue", alpha=0.25,
                      label="5 in 100 to 95 in 100 of the replications")
    axes.plot(dates, median, color="tab:blue", linewidth=1.8, label="median replication")
    if capacity is not None and args.measure == "occupancy":
        axes.plot(dates, np.median(capacity, axis=0), color="tab:red", linestyle="--",
                  linewidth=1.2, label="places open (with any escalation beds)")
    what = words(args.measure, args.service)
    title = f"{what[0].upper()}{what[1:]}"
    if args.variant:
        title += f" (variant {args.variant})"
    period = f", {first} to {last}" if first and last else ""
    axes.set_title(f"{title}\n{name}{period}, {values.shape[0]} replications")
    axes.set_xlabel("date")
    axes.set_ylabel(f"{unit}" if unit else args.measure)
    figure.autofmt_xdate()
    axes.grid(True, alpha=0.3)
    axes.legend(loc="best")
    figure.tight_layout()
    output = args.output or f"{args.service}_fanchart.png"
    figure.savefig(output)
    if args.describe:
        print(f"title: {axes.get_title()}")
        print(f"x axis: date from {dates[0]:%Y-%m-%d} to {dates[-1]:%Y-%m-%d}")
        print(f"y axis: {axes.get_ylabel()}")
    print(f"Wrote {output}")


if __name__ == "__main__":
    main()
