#!/usr/bin/env python3
"""Reads a workbook written by `bedflow export --xlsx` back as its user's spreadsheet would
(openpyxl) and checks it against the results file(s) it came from (h5py):

  check_workbook.py BOOK.xlsx A.h5 [B.h5]

Exits 0 when every check passes; otherwise prints the first failure and exits 1.
Checks: the sheets present; header rows bold, frozen and as documented; figures stored as
numbers (never text) and dates as real dates, with the documented number formats; every
Summary mean, CI and percentile, every Daily mean and replication value, the cost breakdown,
the comparison (B - A), the sizing points and the ED waits per acute trust by month
(check_workbook_trusts.py) equal to what the HDF5 files hold.
"""
import datetime
import math
import re
import sys

import h5py
import numpy as np
import openpyxl

from check_workbook_trusts import check_trust_months, check_trusts_escalation


def fail(message):
    print("check_workbook: " + message, file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def close(a, b, rel=1e-12, what=""):
    check(isinstance(a, (int, float)) and not isinstance(a, bool),
          f"{what}: {a!r} is not a number cell")
    scale = max(abs(a), abs(b), 1e-300)
    check(abs(a - b) <= rel * scale + 1e-12, f"{what}: workbook {a!r} != file {b!r}")


def strings(column):
    return [v.decode() if isinstance(v, bytes) else str(v) for v in column[:]]


def read_results(path):
    """The summary rows, windows and series of one results file, with h5py alone."""
    with h5py.File(path, "r") as f:
        check(f["metadata"].attrs["complete"] == 1, f"{path}: not complete")
        s = f["summary"]
        rows = list(zip(strings(s["variant"]), s["replication"][:], strings(s["measure"]),
                        s["value"][:], strings(s["unit"]), strings(s["accumulation"])))
        percentiles = list(f["metadata/percentiles"][:])
        seed = int(f["metadata"].attrs["seed"])
        scenario = f["metadata"].attrs["scenario_name"]
        scenario = scenario.decode() if isinstance(scenario, bytes) else str(scenario)

        def body(group):
            attrs = group.attrs
            window = dict(first=attrs["window_first_date"], last=attrs["window_last_date"],
                          days=float(attrs["window_days"]))
            window = {k: (v.decode() if isinstance(v, bytes) else v) for k, v in window.items()}
            series = {}
            if "timeseries" in group:
                for name, g in group["timeseries"].items():
                    dates = strings(g["date"])
                    for measure, data in g.items():
                        if measure in ("time_days", "date"):
                            continue
                        series[(name, measure)] = (dates, data[:])
            return window, series

        variants = {}
        if "variants" in f:
            for name, g in f["variants"].items():
                label = g.attrs["label"]
                label = label.decode() if isinstance(label, bytes) else str(label)
                variants[label] = body(g)
        else:
            variants[""] = body(f)
        sizing = None
        if "sizing" in f:
            p = f["sizing/points"]
            sizing = dict(labels=strings(p["label"]), mean=p["target_mean"][:],
                          meets=p["meets"][:], status=f["sizing"].attrs["status"])
    return dict(rows=rows, percentiles=percentiles, seed=seed, scenario=scenario,
                variants=variants, sizing=sizing)


def table(sheet, first_header):
    """(header row number, headers, data rows as lists) of the table whose first header is
    `first_header`; data rows run to the first empty row."""
    for row in sheet.iter_rows(min_col=1, max_col=1):
        if row[0].value == first_header:
            header_row = row[0].row
            break
    else:
        fail(f"sheet {sheet.title}: no header '{first_header}'")
    headers = [c.value for c in sheet[header_row] if c.value is not None]
    for c in sheet[header_row][:len(headers)]:
        check(c.font.b, f"sheet {sheet.title}: header '{c.value}' is not bold")
    check(sheet.freeze_panes == f"A{header_row + 1}",
          f"sheet {sheet.title}: panes frozen at {sheet.freeze_panes}, not below row {header_row}")
    data = []
    for row in sheet.iter_rows(min_row=header_row + 1, max_col=len(headers)):
        if all(c.value is None for c in row):
            break
        data.append(row)
    return header_row, headers, data


def by_name(headers, row):
    return {h: c for h, c in zip(headers, row)}


def check_number_cell(cell, what, fmt=None):
    check(isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool),
          f"{what}: {cell.value!r} ({cell.coordinate}) is not a number cell")
    if fmt is not None:
        check(cell.number_format == fmt,
              f"{what}: format {cell.number_format!r} at {cell.coordinate}, expected {fmt!r}")


def check_date_cell(cell, iso, what):
    check(isinstance(cell.value, datetime.datetime),
          f"{what}: {cell.value!r} ({cell.coordinate}) is not a date cell")
    check(cell.number_format.startswith("yyyy-mm-dd"), f"{what}: date format {cell.number_format}")
    expected = datetime.datetime.fromisoformat(iso)
    check(cell.value == expected, f"{what}: date {cell.value} != {iso}")


def unit_format(unit):
    base = unit.split("/")[0]
    if base == "GBP":
        return "#,##0"
    if unit == "share":
        return "0.0%"
    return "#,##0.00"


def summary_statistics(results):
    """{(variant, measure): (unit, accumulation, values over replications)}."""
    out = {}
    for variant, _rep, measure, value, unit, accumulation in results["rows"]:
        out.setdefault((variant, measure), (unit, accumulation, []))[2].append(value)
    return out


MONTH_COUNT = re.compile(r"^ed_waits_over_.*_(\d{4})_(\d{2})$")


def month_part(window, measure):
    """(first date, last date, days) a measure covers: the window, or for a count over one
    calendar month (ed_waits_over_<h>h[_<acute>]_<yyyy>_<mm>) the window's days in it."""
    found = MONTH_COUNT.match(measure)
    if not found or not 1 <= int(found.group(2)) <= 12:
        return window["first"], window["last"], window["days"]
    year, month = int(found.group(1)), int(found.group(2))
    start = datetime.date(year, month, 1)
    end = datetime.date(year + month // 12, month % 12 + 1, 1)
    first = max(datetime.date.fromisoformat(window["first"][:10]), start)
    last = min(datetime.date.fromisoformat(window["last"][:10]), end - datetime.timedelta(days=1))
    return first.isoformat(), last.isoformat(), float((last - first).days + 1)


def check_summary(book, files, names):
    _, headers, data = table(book["Summary"], "File")
    percentiles = files[0]["percentiles"]
    expected = (["File", "Scenario", "Variant", "Measure", "Unit", "Accumulation", "First date",
                 "Last date", "Days", "Replications", "Mean", "95% CI low", "95% CI high"] +
                ["P%g" % p for p in percentiles] +
                ["Per day: mean", "Per day: 95% CI low", "Per day: 95% CI high",
                 "Per year: mean", "Per year: 95% CI low", "Per year: 95% CI high"])
    check(headers == expected, f"Summary headers {headers}")
    wanted = sum(len(summary_statistics(f)) for f in files)
    check(len(data) == wanted, f"Summary has {len(data)} rows, the files {wanted} measures")
    lookup = {name: summary_statistics(f) for name, f in zip(names, files)}
    for row in data:
        cells = by_name(headers, row)
        name, variant, measure = cells["File"].value, cells["Variant"].value or "", \
            cells["Measure"].value
        what = f"Summary {name} {variant} {measure}"
        f = files[names.index(name)]
        unit, accumulation, values = lookup[name][(variant, measure)]
        values = np.array(values)
        check(cells["Unit"].value == unit and cells["Accumulation"].value == accumulation,
              f"{what}: unit/accumulation")
        window = f["variants"][variant][0]
        first, last, days = month_part(window, measure)
        check_date_cell(cells["First date"], first, what)
        check_date_cell(cells["Last date"], last, what)
        close(cells["Days"].value, days, what=what + " days")
        close(cells["Replications"].value, len(values), what=what + " replications")
        check_number_cell(cells["Mean"], what, unit_format(unit))
        close(cells["Mean"].value, values.mean(), what=what + " mean")
        if len(values) > 1 and values.std() > 0:
            check(cells["95% CI low"].value < values.mean() < cells["95% CI high"].value,
                  f"{what}: CI does not hold the mean")
        for p in percentiles:
            close(cells["P%g" % p].value, float(np.percentile(values, p)),
                  what=f"{what} P{p:g}")
        if accumulation == "total":
            close(cells["Per year: mean"].value, values.mean() * 365.0 / window["days"],
                  what=what + " per year")
            close(cells["Per day: mean"].value, values.mean() / window["days"],
                  what=what + " per day")
        else:
            check(cells["Per year: mean"].value is None, f"{what}: a level has no rate")


def check_costs(book, files, names):
    if not any(unit == "GBP" for f in files for *_, unit, acc in f["rows"]):
        check("Costs" not in book.sheetnames, "a Costs sheet with no costs")
        return
    sheet = book["Costs"]
    _, headers, _ = table(sheet, "File")
    check(headers[:7] == ["File", "Scenario", "Variant", "Measure", "Kind", "Service",
                          "Replications"], f"Costs headers {headers}")
    # Read all rows (the table has blank rows between variants and an 'of which' part).
    rows = [by_name(headers, r) for r in sheet.iter_rows(min_row=2, max_col=len(headers))]
    for name, f in zip(names, files):
        stats = summary_statistics(f)
        for variant in f["variants"]:
            mine = [r for r in rows if r["File"].value == name and
                    (r["Variant"].value or "") == variant and r["Measure"].value]
            total = [r for r in mine if r["Kind"].value == "total"]
            check(len(total) == 1, f"Costs {name} {variant}: one cost_total row")
            parts = [r for r in mine if r["Kind"].value not in ("total", "of which")]
            check(parts, f"Costs {name} {variant}: no components")
            summed = sum(r["Window: mean (GBP)"].value for r in parts)
            close(summed, total[0]["Window: mean (GBP)"].value, rel=1e-9,
                  what=f"Costs {name} {variant}: components add up to cost_total")
            for r in mine:
                measure = r["Measure"].value
                check_number_cell(r["Window: mean (GBP)"], "Costs " + measure, "#,##0")
                values = np.array(stats[(variant, measure)][2])
                close(r["Window: mean (GBP)"].value, values.mean(), what="Costs " + measure)
                days = f["variants"][variant][0]["days"]
                close(r["Per year: mean (GBP/year)"].value, values.mean() * 365.0 / days,
                      what="Costs per year " + measure)
            of_which = [r for r in mine if r["Kind"].value == "of which"]
            if of_which:
                first = min(r["Measure"].row for r in of_which)
                check(first > total[0]["Measure"].row, "the 'of which' rows come after cost_total")


def check_daily(book, files, names):
    if not any(f["variants"][v][1] for f in files for v in f["variants"]):
        return
    _, headers, data = table(book["Daily"], "File")
    percentiles = files[0]["percentiles"]
    fixed = (["File", "Scenario", "Variant", "Date", "Days since start", "Group", "Measure",
              "Unit", "Mean"] + ["P%g" % p for p in percentiles])
    check(headers[:len(fixed)] == fixed, f"Daily headers {headers}")
    reps = headers[len(fixed):]
    check(reps == [f"Rep {r}" for r in range(len(reps))], f"Daily replication headers {reps}")
    wanted = sum(len(d) for f in files for v in f["variants"].values()
                 for d, _ in v[1].values())
    check(len(data) == wanted, f"Daily has {len(data)} rows, the files {wanted}")
    index = {}
    spread = {}  # per series: mean and percentiles across replications, per time
    for row in data:
        cells = by_name(headers, row)
        key = (cells["File"].value, cells["Variant"].value or "", cells["Group"].value,
               cells["Measure"].value)
        k = index.get(key, 0)
        index[key] = k + 1
        f = files[names.index(key[0])]
        dates, matrix = f["variants"][key[1]][1][(key[2], key[3])]
        if key not in spread:
            spread[key] = (matrix.mean(axis=0),
                           {p: np.percentile(matrix, p, axis=0) for p in percentiles})
        means, quantiles = spread[key]
        what = f"Daily {key} row {k}"
        check_date_cell(cells["Date"], dates[k], what)
        close(cells["Mean"].value, float(means[k]), rel=1e-12, what=what + " mean")
        for p in percentiles:
            close(cells["P%g" % p].value, float(quantiles[p][k]), what=f"{what} P{p:g}")
        for r in range(matrix.shape[0]):
            close(cells[f"Rep {r}"].value, float(matrix[r, k]), rel=0.0, what=f"{what} rep {r}")


def check_comparison(book, files, names):
    if len(files) < 2:
        check("Comparison" not in book.sheetnames, "a Comparison sheet from one file")
        return
    sheet = book["Comparison"]
    _, headers, data = table(sheet, "Measure")
    check(headers[:6] == ["Measure", "Unit", "Accumulation", "Headline", "Replications A",
                          "Replications B"], f"Comparison headers {headers}")
    a, b = (summary_statistics(f) for f in files)
    (va,), (vb,) = files[0]["variants"].keys(), files[1]["variants"].keys()
    days_a = files[0]["variants"][va][0]["days"]
    days_b = files[1]["variants"][vb][0]["days"]
    shared = {m for (v, m) in a} & {m for (v, m) in b}
    facts = {r[0].value: r[1].value for r in sheet.iter_rows(max_col=2) if r[0].value}
    months = facts.get("Months observed for different days (not compared)")
    shared -= set(months.split(", ")) if months else set()
    check(len(data) == len(shared), f"Comparison has {len(data)} rows for {len(shared)} measures")
    for row in data:
        cells = by_name(headers, row)
        measure = cells["Measure"].value
        check(isinstance(cells["Headline"].value, bool), f"{measure}: headline not a boolean")
        xa = np.array(a[(va, measure)][2])
        xb = np.array(b[(vb, measure)][2])
        n = min(len(xa), len(xb)) if files[0]["seed"] == files[1]["seed"] else None
        da = xa[:n] if n else xa
        db = xb[:n] if n else xb
        if cells["Window: B - A"].value is not None:
            close(cells["Window: B - A"].value, db.mean() - da.mean(), rel=1e-9,
                  what=f"Comparison {measure} over the window")
            close(cells["Window: mean A"].value, da.mean(), rel=1e-12, what=measure + " mean A")
        if cells["Accumulation"].value == "total":
            close(cells["Per year: B - A"].value,
                  db.mean() * 365.0 / days_b - da.mean() * 365.0 / days_a, rel=1e-9,
                  what=f"Comparison {measure} per year")
        else:
            check(cells["Per year: B - A"].value is None, f"{measure}: a level per year")
    labels = [r[0].value for r in sheet.iter_rows(max_col=1)]
    check("A (baseline)" in labels and "B" in labels, "Comparison names A and B")
    # Paired files with different replication counts say that the first n of each are used.
    counts = [len({rep for (variant, rep, *_) in f["rows"] if variant == v})
              for f, v in ((files[0], va), (files[1], vb))]
    paired = files[0]["seed"] == files[1]["seed"]
    facts = {r[0].value: r[1].value for r in sheet.iter_rows(max_col=2) if r[0].value}
    if paired and counts[0] != counts[1]:
        check(f"first {min(counts)} of each" in (facts.get("Replications") or ""),
              f"Comparison says the first {min(counts)} replications are used: "
              f"{facts.get('Replications')}")
    else:
        check("Replications" not in facts, "a Replications note with equal counts")
    if "cost_total" in shared:
        facts = {r[0].value: r[1].value for r in sheet.iter_rows(max_col=2) if r[0].value}
        net = facts.get("Net change in cost_total per year (GBP)")
        check(net is not None, "Comparison money block")
        xa = np.array(a[(va, "cost_total")][2])
        xb = np.array(b[(vb, "cost_total")][2])
        n = min(len(xa), len(xb))
        close(net, xb[:n].mean() * 365.0 / days_b - xa[:n].mean() * 365.0 / days_a, rel=1e-9,
              what="net change in cost_total per year")
        # The 'of which' figures are never added: extra cost - saving is the net change.
        close(facts["Extra cost per year (GBP)"] - facts["Saving per year (GBP)"], net, rel=1e-9,
              what="extra cost - saving")


def check_sizing(book, files):
    records = [f["sizing"] for f in files if f["sizing"] is not None]
    if not records:
        check("Sizing" not in book.sheetnames, "a Sizing sheet with no record")
        return
    sheet = book["Sizing"]
    _, headers, data = table(sheet, "Evaluation order")
    record = records[0]
    check(len(data) == len(record["labels"]), "Sizing: one row per evaluated point")
    for i, row in enumerate(data):
        cells = by_name(headers, row)
        check(cells["Label"].value == record["labels"][i], f"Sizing row {i} label")
        close(cells["Target: mean"].value, float(record["mean"][i]), what=f"Sizing row {i}")
        check(cells["Meets target"].value is bool(record["meets"][i]), f"Sizing row {i} meets")
        for lever in headers[2:headers.index("Replications")]:
            check_number_cell(cells[lever], f"Sizing row {i} {lever}")
    status = record["status"]
    status = status.decode() if isinstance(status, bytes) else str(status)
    facts = {r[0].value: r[1].value for r in sheet.iter_rows(max_col=2) if r[0].value}
    check(facts.get("Status") == status, f"Sizing status {facts.get('Status')} != {status}")


def check_about(book, files, names):
    sheet = book["About"]
    _, headers, _ = table(sheet, "Item")
    check(headers == ["Item", "Value"], f"About headers {headers}")
    facts = [(r[0].value, r[1].value) for r in sheet.iter_rows(max_col=2)]
    items = [k for k, _ in facts]
    for item in ("Scenario", "Window", "Seed", "Replications", "bedflow version", "Git commit"):
        check(item in items, f"About lacks '{item}'")
    seeds = [v for k, v in facts if k == "Seed"]
    check(seeds == [f["seed"] for f in files], f"About seeds {seeds}")


def main():
    if len(sys.argv) not in (3, 4):
        fail("usage: check_workbook.py BOOK.xlsx A.h5 [B.h5]")
    book = openpyxl.load_workbook(sys.argv[1])
    files = [read_results(p) for p in sys.argv[2:]]
    names = [p.rsplit("/", 1)[-1] for p in sys.argv[2:]]
    for sheet in ("About", "Summary"):
        check(sheet in book.sheetnames, f"no sheet {sheet} in {book.sheetnames}")
    check(book.sheetnames[0] == "About", "About comes first")
    check_about(book, files, names)
    check_summary(book, files, names)
    check_costs(book, files, names)
    check_daily(book, files, names)
    check_comparison(book, files, names)
    check_sizing(book, files)
    check_trust_months(book, files, names, check, close, table, by_name, summary_statistics)
    check_trusts_escalation(book, files, names, check, close, table, by_name, summary_statistics)
    print("workbook ok: " + ", ".join(book.sheetnames))


if __name__ == "__main__":
    main()
