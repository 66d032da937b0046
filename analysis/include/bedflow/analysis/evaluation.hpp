#pragma once
// Evaluating a combination of lever values: the caller's function runs the replications, this
// file weighs them against the target and remembers every point.
//
// Invariants:
//  - The Evaluator is a pure function of the lever setting as far as sizing is concerned: it
//    must use the same seed and the same replication indices for every setting (common
//    random numbers), so that differences between points come from the levers, not from
//    luck. PointEvaluator calls it at most once per distinct setting (results are memoised).
//  - Every evaluation reports, per measure name, one value per replication; all measures of
//    one point have the same number of values. A missing target (or cost) measure throws
//    AnalysisError with a did-you-mean suggestion at the first evaluation.
//  - points() lists the evaluated points in the order they were first evaluated; references
//    returned by evaluate() stay valid for the PointEvaluator's lifetime.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bedflow/analysis/decision.hpp"
#include "bedflow/analysis/target.hpp"

namespace bedflow::analysis {

using LeverSetting = std::map<std::string, std::int64_t>;          // lever path -> value
using MeasureSamples = std::map<std::string, std::vector<double>>;  // measure -> replications
using Evaluator = std::function<MeasureSamples(const LeverSetting&)>;

// What a combination costs. With `per_unit` empty the cost is the mean of `measure` x
// `scale` (e.g. cost_total, which the model computes from the scenario's commissioned
// capacity and activity, x 365 / window days for a yearly cost); otherwise it is the sum over
// levers of value x per_unit[lever] (a price per unit of each lever) and needs no measure.
struct CostSource {
  std::string measure = "cost_total";
  std::map<std::string, double> per_unit;
  double scale = 1.0;  // applied to every replication's value of `measure`
};

struct EvaluatedPoint {
  LeverSetting setting;
  MeasureSamples samples;
  Evidence target;
  std::optional<Evidence> cost;  // present when a cost source was given
};

class PointEvaluator {
 public:
  PointEvaluator(Evaluator evaluator, Target target, double confidence,
                 std::optional<CostSource> cost = std::nullopt);

  const EvaluatedPoint& evaluate(const LeverSetting& setting);
  const std::deque<EvaluatedPoint>& points() const noexcept { return points_; }
  const Target& target() const noexcept { return target_; }
  double confidence() const noexcept { return confidence_; }
  // Index in points() of a setting already evaluated.
  std::optional<std::size_t> index_of(const LeverSetting& setting) const;

 private:
  Evaluator evaluator_;
  Target target_;
  double confidence_;
  std::optional<CostSource> cost_;
  std::deque<EvaluatedPoint> points_;
  std::map<LeverSetting, std::size_t> index_;
};

}  // namespace bedflow::analysis
