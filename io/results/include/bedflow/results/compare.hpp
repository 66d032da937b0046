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
#include <string>
#include <vector>

#include "bedflow/models/replication_result.hpp"

namespace bedflow::results {

struct MeasureDifference {
  std::string name;
  std::string unit;             // A's unit; `unit_mismatch` says when B's differs
  bool unit_mismatch = false;
  bool headline = false;
  double mean_a = 0.0;
  double mean_b = 0.0;
  double difference = 0.0;      // mean of B - A
  double half_width = 0.0;      // 95% interval is difference +/- half_width
  std::size_t n_a = 0;
  std::size_t n_b = 0;
  double lower() const noexcept { return difference - half_width; }
  double upper() const noexcept { return difference + half_width; }
  // The interval excludes zero.
  bool significant() const noexcept { return half_width > 0.0 && (lower() > 0.0 || upper() < 0.0); }
};

struct Comparison {
  bool paired = false;
  std::vector<MeasureDifference> measures;  // in A's order, headline first
  std::vector<std::string> only_in_a;
  std::vector<std::string> only_in_b;
};

Comparison compare_replications(const std::vector<model::ReplicationResult>& a,
                                const std::vector<model::ReplicationResult>& b, bool paired);

std::string format_comparison_table(const Comparison& comparison, const std::string& name_a,
                                    const std::string& name_b);
// measure,unit,mean_a,mean_b,difference,ci_lower,ci_upper,n_a,n_b,paired
std::string format_comparison_csv(const Comparison& comparison);

}  // namespace bedflow::results
