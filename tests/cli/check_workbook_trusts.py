"""The workbook's "Trusts by month" sheet read back (for check_workbook.py): present exactly
when some variant has several acute trusts with ED waits counted by month; every cell equal
to the results file's mean; each month's trusts adding up to all together and each trust's
months to its count over the window, as the model counts them.
"""
import datetime
import re

import numpy as np

THRESHOLD = re.compile(r"ed_waits_over_([0-9p.]+)h$")
SYSTEM_MONTH = re.compile(r"ed_waits_over_([0-9p.]+)h_(\d{4})_(\d{2})$")
FIXED = ["File", "Scenario", "Variant", "Month", "Days observed", "Days in month", "Acute trust"]


def trust_months_of(statistics, variant):
    """(trusts in file order, thresholds, months) of a variant that has per-trust months;
    None when it has none."""
    measures = [m for (v, m) in statistics if v == variant]
    trusts = [m[len("ed_mean_wait_hours_"):] for m in measures
              if m.startswith("ed_mean_wait_hours_")]
    thresholds = [THRESHOLD.match(m).group(1) for m in measures if THRESHOLD.match(m)]
    months = sorted({(int(x.group(2)), int(x.group(3))) for x in map(SYSTEM_MONTH.match, measures)
                     if x and 1 <= int(x.group(3)) <= 12})
    if len(trusts) < 2:
        return None
    names = set(measures)
    if not any(f"ed_waits_over_{h}h_{t}_{y:04d}_{m:02d}" in names
               for h in thresholds for t in trusts for (y, m) in months):
        return None
    return trusts, thresholds, months


def check_trust_months(book, files, names, check, close, table, by_name, summary_statistics):
    expected = []  # (file name, variant, stats, trusts, thresholds, months, window days)
    for name, f in zip(names, files):
        stats = summary_statistics(f)
        for variant in f["variants"]:
            found = trust_months_of(stats, variant)
            if found:
                expected.append((name, variant, stats, *found, f["variants"][variant][0]["days"]))
    if not expected:
        check("Trusts by month" not in book.sheetnames, "a Trusts by month sheet with no trusts")
        return
    check("Trusts by month" in book.sheetnames, f"no Trusts by month sheet in {book.sheetnames}")
    _, headers, data = table(book["Trusts by month"], "File")
    check(headers[:len(FIXED)] == FIXED, f"Trusts by month headers {headers}")
    thresholds = expected[0][4]
    for h in thresholds:
        shown = h.replace("p", ".")
        for part in ("mean", "95% CI low", "95% CI high"):
            column = f"ED waits over {shown}h (patients in the month): {part}"
            check(column in headers, f"Trusts by month lacks '{column}'")
    wanted = sum(len(months) * (len(trusts) + 1) for *_, trusts, _, months, _ in expected)
    check(len(data) == wanted, f"Trusts by month has {len(data)} rows, the files {wanted}")
    means = {}
    for row in data:
        cells = by_name(headers, row)
        month = cells["Month"]
        what = f"Trusts by month row {month.row}"
        check(isinstance(month.value, datetime.datetime), f"{what}: month is not a date cell")
        check(month.number_format == "yyyy-mm", f"{what}: month format {month.number_format}")
        check(month.value.day == 1, f"{what}: a month is dated by its first day")
        key = (cells["File"].value, cells["Variant"].value or "", month.value.year,
               month.value.month, cells["Acute trust"].value)
        entry = next(e for e in expected if e[0] == key[0] and e[1] == key[1])
        stats = entry[2]
        trust = "" if key[4] == "All trusts together" else key[4]
        check(trust == "" or trust in entry[3], f"{what}: unknown trust {key[4]}")
        for h in thresholds:
            shown = h.replace("p", ".")
            measure = f"ed_waits_over_{h}h_{trust + '_' if trust else ''}{key[2]:04d}_{key[3]:02d}"
            unit, accumulation, values = stats[(key[1], measure)]
            check(accumulation == "level", f"{measure}: {accumulation}, not a level")
            mean = cells[f"ED waits over {shown}h (patients in the month): mean"]
            close(mean.value, float(np.mean(values)), what=f"{what} {measure}")
            if len(values) > 1 and np.std(values) > 0:
                low = cells[f"ED waits over {shown}h (patients in the month): 95% CI low"].value
                high = cells[f"ED waits over {shown}h (patients in the month): 95% CI high"].value
                check(low <= mean.value <= high, f"{what} {measure}: CI does not hold the mean")
            means[key[:4] + (trust, h)] = mean.value
    for name, variant, stats, trusts, _, months, days in expected:
        observed = 0.0
        for (y, m) in months:
            row = next(r for r in data if r[0].value == name and (r[2].value or "") == variant
                       and r[3].value.year == y and r[3].value.month == m)
            observed += by_name(headers, row)["Days observed"].value
        close(observed, days, rel=1e-9, what=f"Trusts by month {name} {variant}: days observed")
        for h in thresholds:
            for (y, m) in months:
                together = means[(name, variant, y, m, "", h)]
                summed = sum(means[(name, variant, y, m, t, h)] for t in trusts)
                close(summed, together, rel=1e-9,
                      what=f"{name} {variant} {h}h {y}-{m:02d}: the trusts add up to all together")
            for t in trusts:
                summed = sum(means[(name, variant, y, m, t, h)] for (y, m) in months)
                window = float(np.mean(stats[(variant, f"ed_waits_over_{h}h_{t}")][2]))
                close(summed, window, rel=1e-9,
                      what=f"{name} {variant} {h}h {t}: the months add up to the window's count")


def check_trusts_escalation(book, files, names, check, close, table, by_name, summary_statistics):
    """The Trusts sheet's escalation column: each trust's escalation_beds_mean_open_<trust>
    and, for all trusts together, the system's escalation_beds_mean_open."""
    if "Trusts" not in book.sheetnames:
        return
    _, headers, data = table(book["Trusts"], "File")
    column = "Escalation beds open (beds, mean): mean"
    check(column in headers, f"Trusts headers lack '{column}': {headers}")
    for row in data:
        cells = by_name(headers, row)
        name, variant = cells["File"].value, cells["Variant"].value or ""
        stats = summary_statistics(files[names.index(name)])
        trust = cells["Acute trust"].value
        measure = ("escalation_beds_mean_open" if trust == "All trusts together"
                   else f"escalation_beds_mean_open_{trust}")
        if (variant, measure) not in stats:  # a trust without an escalation ladder
            check(cells[column].value is None, f"Trusts {name} {trust}: escalation without a measure")
            continue
        close(cells[column].value, float(np.mean(stats[(variant, measure)][2])), rel=1e-9,
              what=f"Trusts {name} {trust}: escalation beds open")
