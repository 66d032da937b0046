#pragma once
// A results file as tidy CSV files (long format: one observation per row, one value column,
// every figure with its unit and the period it covers).
//
// Files written to `directory`:
//  - summary.csv: one row per (variant, replication, measure):
//      scenario, variant, replication, measure, unit, accumulation, window_first_date,
//      window_last_date, window_days, value, per_year
//    `value` is the replication's figure over the observed window, in `unit`; `per_year` is
//    value x 365 / window_days for totals (accumulation = total: patients, bed-days, GBP)
//    and empty for levels (means, shares, durations), which have no rate.
//  - statistics.csv: one row per (variant, measure), across replications:
//      scenario, variant, measure, unit, accumulation, window_first_date, window_last_date,
//      window_days, replications, mean, sd, ci_lower, ci_upper, p<P>... (one column per
//      requested percentile, named as in /summary_statistics: p5, p50, p95, p97_5),
//      per_day_mean, per_day_ci_lower, per_day_ci_upper, per_year_mean, per_year_ci_lower,
//      per_year_ci_upper
//    (sd of the replications; 95% Student-t interval of the mean; percentiles are of the
//    replications' values; the per-day and per-year columns are empty for levels).
//  - timeseries.csv: one row per (variant, replication, series, sampling time):
//      scenario, variant, replication, group, measure, unit, date, time_days, value
//    `date` is ISO 8601 (2026-10-01, or 2026-10-01T06:00 for sub-daily sampling);
//    `time_days` counts days since the scenario's start date.
//  Dates are ISO 8601; `variant` is empty for a plain run.
//
// Invariants:
//  - Numbers are written with 17 significant digits: a CSV reads back to the same doubles.
//  - The directory is created if missing; each file is written beside its target under a
//    hidden temporary name and renamed when complete, replacing a file of the same name.
//  - Returns the paths written, in the order written. Throws ResultsError naming the path
//    that could not be written.
#include <string>
#include <vector>

#include "bedflow/results/results_file.hpp"

namespace bedflow::results {

std::vector<std::string> export_csv(const ResultsFile& file, const std::string& directory);

}  // namespace bedflow::results
