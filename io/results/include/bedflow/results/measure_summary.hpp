#pragma once
// Across-replication summaries of scalar measures, and the precision test built on them.
//
// Invariants:
//  - Measures keep the order of the first replication; headline measures are marked, and
//    sort_headline_first() moves them to the front without reordering within each class.
//  - Confidence intervals are Student-t 95% intervals over replications (engine statistics).
//  - A measure whose mean is exactly 0 has no relative precision: precision checks skip it
//    (it is listed as skipped), rather than demanding an impossible zero half-width.
#include <cstdint>
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
  engine::ConfidenceInterval ci;
};

std::vector<MeasureSummary> summarise_measures(
    std::span<const model::ReplicationResult> replications);
std::vector<MeasureSummary> sort_headline_first(std::vector<MeasureSummary> summaries);

// A table for the terminal: headline measures, then the others.
std::string format_summary_table(const std::vector<MeasureSummary>& summaries);

// A sweep at a glance: one row per headline measure, one column per variant, each cell
// "mean +/- 95% half-width". `labels` and `per_variant` run in parallel.
std::string format_sweep_table(const std::vector<std::string>& labels,
                               const std::vector<std::vector<MeasureSummary>>& per_variant);

struct PrecisionCheck {
  bool reached = false;
  double worst_ratio = 0.0;  // max over assessed measures of half-width / (target * |mean|)
  std::vector<std::string> not_reached;  // headline measures still too wide
  std::vector<std::string> skipped;      // headline measures with mean 0
};

// Checks every headline measure's relative half-width against `relative_target`.
// Fewer than two replications never reach a target.
PrecisionCheck check_precision(const std::vector<MeasureSummary>& summaries,
                               double relative_target);

}  // namespace bedflow::results
