#pragma once
// Reading back the /sizing group written by write_sizing_record(), as plain stored values
// (strings and numbers as in the file), for presenting a sizing run without re-running it.
//
// Invariants:
//  - read_sizing_record() returns nothing when the file has no /sizing group (an ordinary
//    results file), and throws AnalysisError naming the file when the group is there but
//    unfinished (no `complete` attribute) or unreadable.
//  - points keep the file's evaluation order; lever_values[k] is the value of levers[k]
//    (-1 when the point did not set it); cost fields are NaN when the run had no cost.
//  - frontier is empty for one lever; second is empty when no value of the second lever met
//    the target on that row.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bedflow::analysis {

struct StoredLever {
  std::string path;
  std::int64_t low = 0;
  std::int64_t high = 0;
  std::int64_t step = 0;
};

struct StoredPoint {
  std::int64_t evaluation_order = 0;
  std::string label;
  std::vector<std::int64_t> lever_values;
  std::int64_t replications = 0;
  double target_mean = 0.0;
  double target_sd = 0.0;
  double target_half_width = 0.0;
  double target_bound = 0.0;
  bool meets = false;
  double cost_mean = 0.0;
  double cost_half_width = 0.0;
};

struct StoredFrontierRow {
  std::int64_t first = 0;
  std::optional<std::int64_t> second;
  double cost_mean = 0.0;
};

struct StoredSizingRecord {
  std::string target;       // "acute_occupancy_share <= 0.92"
  std::string measure;
  std::string measure_unit;
  std::string comparison;   // "<=", "<", ">=", ">"
  double threshold = 0.0;
  double confidence = 0.0;
  std::string decision_rule;
  std::string status;       // "found", "smallest_meets", "none_meets"
  std::string answer;       // "path=value[,path=value]", empty when none
  std::string cost;         // how cost was measured, empty when none
  std::string cost_unit;    // e.g. "GBP/year"; empty in records that do not say
  // The answer against the scenario as given (no lever overrides), when the run compared
  // them: the as-given variant's label, both costs and the paired change with its 95% half-width.
  std::string as_given_label;
  double as_given_cost_mean = 0.0;
  double answer_cost_mean = 0.0;
  double cost_change_mean = 0.0;
  double cost_change_half_width = 0.0;
  double cost_change_level = 0.95;  // confidence level of that half-width
  bool has_comparison() const noexcept { return !as_given_label.empty(); }
  std::vector<StoredLever> levers;
  std::vector<StoredPoint> points;
  std::vector<StoredFrontierRow> frontier;
  bool has_cost() const noexcept { return !cost.empty(); }
};

std::optional<StoredSizingRecord> read_sizing_record(const std::string& path);

}  // namespace bedflow::analysis
