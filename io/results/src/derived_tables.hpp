#pragma once
// Tables derived from the replications and written beside them, so that readers without
// bedflow get the figures a planner quotes: per-measure statistics and percentile bands of
// every series (docs/outputs.md, "Derived tables").
//
// Invariants:
//  - Derived tables are functions of the stored replications and the requested percentiles
//    only: bedflow recomputes them on reading and never reads them back.
//  - Percentiles are Hyndman-Fan definition 7 (engine::sample_percentile), so numpy's and
//    R's defaults reproduce them from /summary and /timeseries.
#include <hdf5.h>

#include <vector>

#include "bedflow/results/results_file.hpp"

namespace bedflow::results::derived {

// /summary_statistics: one row per (variant, measure) with n, mean, sd, 95% CI, one column
// per percentile (p5, p50, ...), and for totals per-day and per-year mean and CI (NaN for
// levels).
void write_summary_statistics(hid_t root, const ResultsFile& file);

// <location>/timeseries_percentiles/<group>/<measure>: float64 [percentile, time], row k at
// percentiles[k], with the time axis and dates of /timeseries.
void write_series_percentiles(hid_t location, const Variant& variant,
                              const std::vector<double>& percentiles);

}  // namespace bedflow::results::derived
