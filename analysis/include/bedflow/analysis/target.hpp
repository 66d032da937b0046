#pragma once
// A target on one measure: "delayed_bed_days_per_week <= 500", "ucr_2h_share >= 0.7",
// "acute_occupancy_share <= 92%".
//
// Invariants:
//  - A Target that exists has a non-empty measure name made of letters, digits and '_', one
//    of the four comparisons <=, <, >=, >, and a finite threshold. A trailing '%' divides
//    the threshold by 100 (shares are stored as fractions).
//  - parse_target() checks the text only; whether the measure exists is known once a run has
//    reported its measures (see names.hpp), so that check happens at the first evaluation.
//  - Malformed text throws AnalysisError quoting the text and saying what was expected.
#include <string>
#include <string_view>

namespace bedflow::analysis {

enum class Comparison { less, less_equal, greater, greater_equal };

std::string_view to_string(Comparison comparison) noexcept;

struct Target {
  std::string measure;
  Comparison comparison = Comparison::less_equal;
  double threshold = 0.0;

  // True for <= and <: the target asks the measure to be small enough.
  bool wants_low() const noexcept {
    return comparison == Comparison::less || comparison == Comparison::less_equal;
  }
  // Whether a value (a mean or a confidence bound) is on the right side of the threshold.
  bool satisfied_by(double value) const noexcept;
  std::string describe() const;  // "measure <= threshold"
};

Target parse_target(std::string_view text);

}  // namespace bedflow::analysis
