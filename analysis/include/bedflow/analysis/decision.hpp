#pragma once
// Does a measure meet its target "with confidence c"? The decision rule of sizing.
//
// Rule: the replication values x_1..x_n (n >= 2, independent across replications) meet a
// target "measure <= T" with confidence c when the one-sided Student-t upper bound
//     mean + t_{n-1, c} * sd / sqrt(n)
// is <= T (and < T for "<"); for ">=" and ">" the lower bound mean - t_{n-1, c} sd / sqrt(n)
// must be on the right side. That is a one-sided test of the hypothesis "the expected value
// misses the target" at level 1 - c: a point is declared to meet the target only when the
// replications leave at most a (1 - c) chance that its true mean misses it. Sizing with it
// errs towards more capacity, never less, which is the safe side for planners.
//
// Invariants:
//  - c is in [0.5, 1): at 0.5 the bound is the mean itself; c = 1 would need infinitely many
//    replications.
//  - Fewer than two values, or a value that is not finite, throws AnalysisError (nothing can
//    be said about a mean from one replication).
//  - `half_width` is the usual two-sided interval at level c, reported as evidence next to
//    the one-sided bound that decided.
#include <cstddef>
#include <span>
#include <string_view>

#include "bedflow/analysis/target.hpp"

namespace bedflow::analysis {

struct Evidence {
  std::size_t n = 0;
  double mean = 0.0;
  double sd = 0.0;
  double level = 0.9;
  double half_width = 0.0;  // two-sided Student-t at `level`
  double bound = 0.0;       // one-sided bound at `level` on the side the target tests
  bool meets = false;
  double lower() const noexcept { return mean - half_width; }
  double upper() const noexcept { return mean + half_width; }
};

// Throws AnalysisError unless 0.5 <= confidence < 1.
void check_confidence(double confidence);

Evidence weigh(std::span<const double> values, const Target& target, double confidence);

// Mean and two-sided interval of any measure (used for costs, which have no target).
Evidence describe_values(std::span<const double> values, double confidence,
                         std::string_view measure);

}  // namespace bedflow::analysis
