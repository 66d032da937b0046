#pragma once
// One or two results files as an Excel workbook (.xlsx) for finance analysts, written with
// libxlsxwriter. Opens in Excel and LibreOffice; every figure is a number cell (never text),
// every date a real date cell, and each table's header row is bold and frozen.
//
// Sheets, in order (columns are documented in docs/outputs.md):
//  - About: what the workbook holds, each file's scenario, window, seed, replications,
//    percentiles, bedflow version and commit; the conventions (CI, percentiles, per year).
//  - Summary: one row per (file, variant, measure), headline measures first: file, scenario,
//    variant, measure, unit,
//    accumulation, window first and last date, days, replications, mean, 95% CI low/high,
//    one column per requested percentile (P5, P50, P95 by default), and for totals the mean
//    and CI per day and per year (blank for levels).
//  - Costs: per cost component (measures cost_*; kind capacity, activity, escalation or
//    component; service), then cost_total (their exact sum), each over the window and per
//    year with CI; below them, apart and never added, the "of which" figures (other GBP
//    totals such as delayed_discharge_cost). Omitted when no file has GBP measures.
//  - Daily: the series in long form, one row per (file, variant, series, sampling time):
//    date (a date cell; date and time when sampling is sub-daily), days since the start
//    date, group, measure, unit, mean and percentiles across replications, then one column
//    per replication (Rep 0, Rep 1, ...) when there are at most kMaxReplicationColumns.
//  - Comparison (two files only): B - A per measure, the first file being the baseline A;
//    paired by replication when the seeds match, else Welch; over the window (levels, and
//    totals when both windows agree) and per year (totals); above it, the money per year:
//    extra cost, saving and the net change in cost_total with its CI.
//  - Sizing (and Sizing frontier for two levers): for each file holding a /sizing record,
//    the question, the answer and every evaluated point.
//
// Units and formats: GBP as #,##0; shares as 0.0% (the cell holds the fraction);
// dates as yyyy-mm-dd; other figures as #,##0.00. Per-day and per-year figures are the
// window totals times 1 / days and 365 / days of their own variant's window.
//
// Errors: read_workbook_source() throws ResultsError naming the file when it is not a
// finished bedflow results file (or its sizing record is unfinished). check_workbook()
// throws ResultsError for a request the sources cannot answer (more than two files, an
// ambiguous or unknown variant for the comparison, more rows than a worksheet holds): the
// caller's input is at fault. write_workbook() calls it, then throws ResultsError naming
// the path when the file cannot be written. The file at `path` is created or replaced:
// callers that must not clobber a user's file write to a temporary path and rename
// (SafeOutputFile).
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "bedflow/analysis/sizing_record.hpp"
#include "bedflow/results/results_file.hpp"

namespace bedflow::results {

inline constexpr std::size_t kMaxReplicationColumns = 100;

struct WorkbookSource {
  std::string path;  // as given on the command line; named in the workbook
  ResultsFile file;
  std::optional<analysis::StoredSizingRecord> sizing;
};

WorkbookSource read_workbook_source(const std::string& path);

struct WorkbookOptions {
  std::string variant_a;  // the comparison's variants, for sweep files (as `compare`)
  std::string variant_b;
};

void check_workbook(const std::vector<WorkbookSource>& sources, const WorkbookOptions& options);

// Returns the names of the sheets written, in order.
std::vector<std::string> write_workbook(const std::string& path,
                                        const std::vector<WorkbookSource>& sources,
                                        const WorkbookOptions& options);

}  // namespace bedflow::results
