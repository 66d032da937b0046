#pragma once
// Across-replication summaries of scalar measures, and the precision test built on them.
//
// Invariants:
//  - Measures keep the order of the first replication; headline measures are marked, and
//    sort_headline_first() moves them to the front without reordering within each class.
//  - Confidence intervals are Student-t 95% intervals over replications (engine statistics).
//  - A measure whose mean is exactly 0 has no relative precision: precision checks skip it
//    (it is listed as skipped), rather than demanding an impossible zero half-width.
#include <cmath>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "bedflow/engine/statistics.hpp"
#include "bedflow/models/replication_result.hpp"

namespace bedflow::results {

struct MeasureSummary {
  std::string name;
  std::string unit;
  bool headline = false;
  engine::ConfidenceInterval ci;  // of the mean over replications, Student-t 95%
  model::Accumulation accumulation = model::Accumulation::level;
  bool precision = false;         // in precision mode's default list
  // The replications' own spread: percentiles[k] is the sample percentile (Hyndman-Fan
  // definition 7) at the k-th requested percentile. Not a CI: the range of plausible
  // outcomes of one period ("a bad winter"), where the CI says how well the mean is known.
  std::vector<double> percentiles;
  bool is_total() const noexcept { return accumulation == model::Accumulation::total; }
};

// One summary per measure, in the first replication's order; `percentiles` (each in 0..100)
// chooses which replication percentiles each summary carries.
std::vector<MeasureSummary> summarise_measures(
    std::span<const model::ReplicationResult> replications,
    std::span<const double> percentiles = {});

// A total as a rate: mean, CI, sd and percentiles times `factor`, and `per` appended to the
// unit ("GBP" -> "GBP/year"). Levels are returned unchanged. Use per_year_factor() or
// per_day_factor() of the window the replications observed.
MeasureSummary as_rate(MeasureSummary summary, double factor, const std::string& per);
std::vector<MeasureSummary> sort_headline_first(std::vector<MeasureSummary> summaries);

// The values a measure can take, from its unit (a rate's unit, "patients/year", as its
// base's): a share lies in [0, 1]; counts and means of patients, beds, places, closures,
// bed-days, hours, days and GBP are never negative; any other unit is unbounded.
struct PossibleRange {
  double low = -HUGE_VAL;
  double high = HUGE_VAL;
};
PossibleRange possible_range(const std::string& unit);

// The 95% CI as tables and pages show it: the Student-t interval mean +/- half-width clipped
// to the measure's possible range (a count's interval never goes below 0, a share's never
// above 100%). The summary's statistics (mean, half-width, sd) are stored unclipped: this is
// for display only, and a clipped interval is no longer symmetric about the mean.
struct ShownInterval {
  double lower = 0.0;
  double upper = 0.0;
};
ShownInterval shown_interval(const MeasureSummary& summary);

struct SummaryTableOptions {
  // Heads the table with the observed window and adds each total's rate per year.
  std::optional<model::ObservedWindow> window;
  // The percentiles (0..100) the summaries carry, in order: shown as columns when
  // `show_percentiles` (the replications' spread: "in 90% of periods between P5 and P95").
  std::vector<double> percentiles;
  bool show_percentiles = false;
};

// A table for the terminal: headline measures, then the others; each row's mean, 95% CI,
// relative half-width and unit, per year for totals (with a window), percentiles on request.
std::string format_summary_table(const std::vector<MeasureSummary>& summaries,
                                 const SummaryTableOptions& options = {});

// "P5", "P50", "P97.5": a percentile's column name.
std::string percentile_label(double percentile);

// A sweep at a glance: one row per headline measure, one column per variant, each cell
// "mean +/- 95% half-width". `labels` and `per_variant` run in parallel.
std::string format_sweep_table(const std::vector<std::string>& labels,
                               const std::vector<std::vector<MeasureSummary>>& per_variant);

struct PrecisionCheck {
  bool reached = false;
  double worst_ratio = 0.0;  // max over assessed measures of half-width / (target * |mean|)
  std::vector<std::string> assessed;     // aimed-at measures judged (mean not 0)
  std::vector<std::string> not_reached;  // of those, the ones still too wide
  std::vector<std::string> skipped;      // aimed-at measures with mean 0 (not assessed)
};

// Precision mode's smallest sample: the sequential procedure for a relative precision
// starts from n0 >= 10 replications (Law, "Simulation Modeling and Analysis", 5th ed., 2015,
// section 9.4.1), so that its first variance estimate is not a matter of luck (two equal
// counts of a rare event give a zero-wide interval). Its first batch is at least this many
// (unless capped lower), and fewer never reach a target.
inline constexpr std::uint32_t kPilotReplications = 10;

// Checks the relative 95% half-width of the measures named in `measures` (empty: those
// marked `precision`, the model's default short list) against `relative_target`. Fewer than
// kPilotReplications replications never reach a target. Names not among the summaries are
// ignored: callers check them against the measures first (results::unknown_measures).
PrecisionCheck check_precision(const std::vector<MeasureSummary>& summaries,
                               double relative_target,
                               const std::vector<std::string>& measures = {});

// Precision mode's verdict on one line (no newline) after `replications`: reached for the
// measures assessed, or which are still too wide at the cap; measures not assessed (mean 0)
// are named apart with the reason, and never counted as having reached the target.
std::string format_precision_verdict(const PrecisionCheck& check, double relative_target,
                                     std::size_t replications);

}  // namespace bedflow::results
