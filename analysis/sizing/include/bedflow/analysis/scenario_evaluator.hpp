#pragma once
// Runs the hospital scenario at a lever setting: the Evaluator that sizing calls, keeping
// every replication so the whole search can be written to a results file.
//
// Invariants:
//  - Every setting runs replications 0..n-1 with the same seed (common random numbers):
//    points differ only in the levers.
//  - A setting is loaded through the scenario loader with the request's --set overrides
//    first, then one override per lever; a refused value throws scenario::ScenarioError.
//  - variants() holds one results::Variant per call, in call order, labelled by
//    setting_label() (or the label given to run_labelled()).
//  - Progress lines count points against the most a search can need (the scenario as given,
//    plus per row of the first lever a bisection of the last: both ends and ceil(log2(n - 1))
//    middles) and estimate the time left from the mean time per point so far; a search
//    usually stops earlier, so the estimate is an upper bound (unless a two-lever row is
//    searched again after a non-monotone response; the count then grows with it).
//  - Every replication's observed window must be the same as the first one's, because a
//    yearly cost is a window total x 365 / window days; a lever that moves the window
//    throws AnalysisError when costs are annualised.
#include <chrono>
#include <cstdint>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "bedflow/analysis/evaluation.hpp"
#include "bedflow/analysis/sizing_request.hpp"
#include "bedflow/models/replication_result.hpp"
#include "bedflow/results/results_file.hpp"

namespace bedflow::analysis {

class ScenarioEvaluator {
 public:
  // Progress lines ("  point 3 of at most 12: ... -> measure mean ...; at most 1 min left")
  // go to `progress` when given.
  ScenarioEvaluator(const SizingRequest& request, std::uint32_t replications, std::uint64_t seed,
                    std::ostream* progress = nullptr);

  // Sizing's Evaluator: the per-replication values of every measure at `setting`.
  MeasureSamples operator()(const LeverSetting& setting);
  // The same, stored under `label` (e.g. the scenario as given, with an empty setting).
  MeasureSamples run_labelled(const LeverSetting& setting, const std::string& label);

  std::vector<results::Variant>& variants() noexcept { return variants_; }
  const std::string& source_text() const noexcept { return source_text_; }
  const std::string& scenario_name() const noexcept { return scenario_name_; }
  std::string unit_of(const std::string& measure) const;
  // The observed window of the runs so far (empty before the first).
  const std::optional<model::ObservedWindow>& window() const noexcept { return window_; }

 private:
  void report_progress(const std::string& label, const MeasureSamples& samples) const;

  const SizingRequest& request_;
  std::uint32_t replications_;
  std::uint64_t seed_;
  std::ostream* progress_;
  std::size_t most_points_ = 0;
  std::chrono::steady_clock::time_point started_ = std::chrono::steady_clock::now();
  std::vector<results::Variant> variants_;
  std::map<std::string, std::string> units_;
  std::optional<model::ObservedWindow> window_;
  std::string source_text_;
  std::string scenario_name_;
};

}  // namespace bedflow::analysis
