#pragma once
// Every figure the exports give per (variant, measure): the window's summary and, for totals,
// the same as rates per day and per year; and per (variant, series, time) the spread across
// replications. One computation shared by the CSV export and the workbook, so both print the
// same numbers.
//
// Invariants:
//  - Variants and measures keep the file's order (measures in the first replication's order).
//  - `window` is the summary over the observed window, in the measure's own unit; `per_day`
//    and `per_year` exist exactly for totals and are `window` times per_day_factor() and
//    per_year_factor() of the variant's window (units "<unit>/day", "<unit>/year").
//  - Percentiles are those the file asked for (RunMetadata::percentiles), Hyndman-Fan 7 over
//    the replications, in the same order.
//  - A variant with no replications is skipped.
#include <optional>
#include <string>
#include <vector>

#include "bedflow/results/measure_summary.hpp"
#include "bedflow/results/results_file.hpp"

namespace bedflow::results {

struct MeasureStatistics {
  MeasureSummary window;                   // over the observed window
  std::optional<MeasureSummary> per_day;   // totals only
  std::optional<MeasureSummary> per_year;  // totals only
};

struct VariantStatistics {
  const Variant* variant = nullptr;
  model::ObservedWindow window;
  std::size_t replications = 0;
  std::vector<MeasureStatistics> measures;
};

std::vector<VariantStatistics> variant_statistics(const ResultsFile& file);

// The column name of a percentile, as /summary_statistics names it: 5 -> "p5", 97.5 -> "p97_5".
std::string percentile_name(double percentile);

// Across-replication figures of one series at each sampling time: mean and the requested
// percentiles (mean[k], percentiles[j][k]).
struct SeriesSpread {
  std::vector<double> mean;
  std::vector<std::vector<double>> percentiles;
};
SeriesSpread series_spread(const Variant& variant, std::size_t series,
                           const std::vector<double>& percentiles);

// The sampling time of a variant's series column k, in days since the start date.
double series_time_days(const Variant& variant, std::size_t k);

}  // namespace bedflow::results
