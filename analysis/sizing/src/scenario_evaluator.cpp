#include "bedflow/analysis/scenario_evaluator.hpp"

#include <algorithm>
#include <cmath>
#include <ostream>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/sizing_record.hpp"
#include "bedflow/results/observed_window.hpp"
#include "bedflow/results/replication_executor.hpp"

namespace bedflow::analysis {
namespace {

std::string describe_seconds(double seconds) {
  if (seconds < 90.0) return fmt::format("{:.0f} s", seconds);
  if (seconds < 5400.0) return fmt::format("{:.0f} min", seconds / 60.0);
  return fmt::format("{:.1f} h", seconds / 3600.0);
}

}  // namespace

ScenarioEvaluator::ScenarioEvaluator(const SizingRequest& request, std::uint32_t replications,
                                     std::uint64_t seed, std::ostream* progress)
    : request_(request), replications_(replications), seed_(seed), progress_(progress) {
  // The most points the search can evaluate (see the header); the scenario as given is one.
  std::size_t rows = 1;
  for (std::size_t i = 0; i + 1 < request.levers.size(); ++i) rows *= request.levers[i].count();
  const std::size_t last = request.levers.empty() ? 1 : request.levers.back().count();
  const std::size_t middles =
      last > 2 ? static_cast<std::size_t>(std::ceil(std::log2(static_cast<double>(last - 1))))
               : 0;
  most_points_ = 1 + rows * (std::min<std::size_t>(last, 2) + middles);
}

MeasureSamples ScenarioEvaluator::operator()(const LeverSetting& setting) {
  return run_labelled(setting, setting_label(setting));
}

MeasureSamples ScenarioEvaluator::run_labelled(const LeverSetting& setting,
                                               const std::string& label) {
  const auto overrides = overrides_for(request_, setting);
  scenario::LoadedScenario loaded = scenario::load_scenario(request_.scenario_path, overrides);
  const model::Scenario& scenario = loaded.scenario;
  results::ReplicationJob job;
  job.scenario_path = request_.scenario_path;
  for (const auto& o : overrides) job.overrides.emplace_back(o.path, o.value);
  job.scenario = &scenario;
  job.seed = seed_;
  job.threads = request_.threads;
  auto runs = results::run_job_replications(job, 0, replications_);

  MeasureSamples samples;
  for (const auto& run : runs) {
    if (!window_) window_ = run.window;
    if (!(run.window == *window_) && request_.cost.scale != 1.0) {
      throw AnalysisError(fmt::format(
          "at {}: the observed window is {}, not {} as at the first point; a yearly cost "
          "needs the same window at every point (vary capacities, not the run's dates)",
          label, results::describe_window(run.window), results::describe_window(*window_)));
    }
    for (const auto& scalar : run.scalars) {
      samples[scalar.name].push_back(scalar.value);
      units_.emplace(scalar.name, scalar.unit);
    }
  }
  results::Variant variant;
  variant.label = label;
  for (const auto& [path, value] : setting) {
    if (!variant.override_text.empty()) variant.override_text += "\n";
    variant.override_text += fmt::format("{}={}", path, value);
  }
  variant.resolved_yaml = std::move(loaded.resolved_yaml);
  variant.replications = std::move(runs);
  if (source_text_.empty()) source_text_ = loaded.source_text;
  if (scenario_name_.empty()) scenario_name_ = scenario.run.name;
  variants_.push_back(std::move(variant));

  report_progress(label, samples);
  return samples;
}

std::string ScenarioEvaluator::unit_of(const std::string& measure) const {
  const auto found = units_.find(measure);
  return found == units_.end() ? std::string() : found->second;
}

void ScenarioEvaluator::report_progress(const std::string& label,
                                        const MeasureSamples& samples) const {
  if (progress_ == nullptr) return;
  const auto found = samples.find(request_.target.measure);
  if (found == samples.end()) return;  // the search reports the unknown measure
  double mean = 0.0;
  for (double v : found->second) mean += v;
  mean /= static_cast<double>(std::max<std::size_t>(1, found->second.size()));
  const std::size_t done = variants_.size();
  const std::size_t most = std::max(most_points_, done);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started_;
  const double left = elapsed.count() / static_cast<double>(done) * static_cast<double>(most - done);
  *progress_ << fmt::format("  point {} of at most {}: {} -> {} mean {:.4g}{}\n", done, most,
                            label, request_.target.measure, mean,
                            most == done ? std::string()
                                         : fmt::format("; at most {} left", describe_seconds(left)));
}

}  // namespace bedflow::analysis
