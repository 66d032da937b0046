#pragma once
// Differences between two sets of replications, measure by measure: B - A with a 95%
// confidence interval.
//
// Invariants:
//  - Paired (common random numbers): when both runs used the same seed, replication k of A
//    and of B saw the same random streams, so the interval is a Student-t interval on the
//    per-replication differences over the replications both have.
//  - Otherwise the samples are independent: Welch's interval (unequal variances,
//    Welch-Satterthwaite degrees of freedom), and `paired` is false so callers can warn.
//  - Only measures present in both are compared; the others are listed, by side.
//  - Like with like: a level (mean, share, duration) is differenced as it is; a total (sum
//    over the observed window) is differenced over the window only when both sides observed
//    the same window, and always as a rate per year (each side scaled by its own window), so
//    two scenarios observed over different periods still give a meaningful effect.
#include <optional>
#include <string>
#include <vector>

#include "bedflow/models/replication_result.hpp"

namespace bedflow::results {

// One B - A estimate with its 95% interval.
struct Difference {
  double mean_a = 0.0;
  double mean_b = 0.0;
  double difference = 0.0;  // mean of B - A
  double half_width = 0.0;  // 95% interval is difference +/- half_width; 0 when none
  // Paired only: the replications' own spread of B - A at the requested percentiles (the
  // range of plausible effects in one period); empty for independent samples.
  std::vector<double> percentiles;
  double lower() const noexcept { return difference - half_width; }
  double upper() const noexcept { return difference + half_width; }
  // The interval excludes zero.
  bool significant() const noexcept { return half_width > 0.0 && (lower() > 0.0 || upper() < 0.0); }
};

struct MeasureDifference {
  std::string name;
  std::string unit;             // A's unit; `unit_mismatch` says when B's differs
  bool unit_mismatch = false;
  bool headline = false;
  model::Accumulation accumulation = model::Accumulation::level;
  std::size_t n_a = 0;
  std::size_t n_b = 0;
  // Over the observed window, in `unit`: always for a level; for a total only when A and B
  // observed the same window (a total over different windows is not an effect).
  std::optional<Difference> over_window;
  // Totals only, in `unit` per year: each side's total x 365 / its own window's days.
  std::optional<Difference> per_year;
  // The figure to lead with: over the window when there is one, else per year.
  const Difference& effect() const noexcept { return over_window ? *over_window : *per_year; }
};

struct Comparison {
  bool paired = false;
  std::vector<double> percentiles;  // those each paired Difference carries
  model::ObservedWindow window_a;
  model::ObservedWindow window_b;
  std::vector<MeasureDifference> measures;  // in A's order, headline first
  std::vector<std::string> only_in_a;
  std::vector<std::string> only_in_b;
  // Counts over one calendar month (names ending _<yyyy>_<mm>) whose month the two windows
  // observe for different days (a month partly outside one window): not compared, since 17
  // days against 31 is no effect.
  std::vector<std::string> month_observed_differently;
  bool same_window() const noexcept { return window_a == window_b; }
};

// B - A for every measure both sides have. The windows are the replications' own (every
// replication of one side shares its window).
Comparison compare_replications(const std::vector<model::ReplicationResult>& a,
                                const std::vector<model::ReplicationResult>& b, bool paired,
                                const std::vector<double>& percentiles = {});

// The money in a comparison, per year: the cost components (measures named cost_* other
// than cost_total, GBP totals) that rose, those that fell, and the net change in
// cost_total. Empty (has_costs false) when the files share no cost_total.
struct CostChange {
  bool has_costs = false;
  double extra_cost_per_year = 0.0;  // sum of the components' rises (what the change costs)
  double saving_per_year = 0.0;      // sum of the components' falls, as a positive number
  Difference net_per_year;           // change in cost_total per year, with its interval
};
CostChange cost_change(const Comparison& comparison);

// Paired runs with different numbers of replications are compared over the first n of each
// (n the smaller count): a sentence saying so, naming both sides, or "" when the counts are
// equal or the runs are not paired (Welch uses every replication of each).
std::string unequal_replications_note(bool paired, const std::string& name_a, std::size_t n_a,
                                      const std::string& name_b, std::size_t n_b);

// The terminal table: both windows, then per measure A, B, B - A and its 95% CI over the
// window and per year; with `show_percentiles` (paired runs), the replications' spread of the
// effect (B - A) on the leading basis, after a second table header.
std::string format_comparison_table(const Comparison& comparison, const std::string& name_a,
                                    const std::string& name_b, bool show_percentiles = false);
// One row per measure: measure, unit, accumulation, headline, then the window-basis
// mean_a, mean_b, difference, ci_lower, ci_upper (empty for totals over different windows),
// the per-year ones (totals only), n_a, n_b, paired, window_a, window_b, then per requested
// percentile p<k>_difference and p<k>_difference_per_year (paired runs only).
std::string format_comparison_csv(const Comparison& comparison);

}  // namespace bedflow::results
