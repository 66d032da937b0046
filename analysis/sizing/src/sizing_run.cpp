#include "bedflow/analysis/sizing_run.hpp"

#include <optional>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/names.hpp"
#include "bedflow/analysis/sizing_report.hpp"
#include "bedflow/models/simulate.hpp"
#include "bedflow/results/observed_window.hpp"
#include "bedflow/results/write_results.hpp"

namespace bedflow::analysis {
namespace {

// The measures a scenario reports depend on its structure (services, streams, cohorts), not
// on its length, so one replication of one observed day names them in a moment. Returns
// nothing when that short run is not possible; the search then checks names at its first
// point instead.
std::optional<model::ReplicationResult> probe(model::Scenario scenario, std::uint64_t seed) {
  scenario.run.horizon_days = scenario.run.warmup_days + 1.0;
  try {
    return model::simulate_replication(scenario, seed, 0);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Values of the cost measure x the cost scale, one per replication.
std::vector<double> scaled_costs(const MeasureSamples& samples, const CostSource& cost) {
  std::vector<double> values = samples.at(cost.measure);
  for (double& value : values) value *= cost.scale;
  return values;
}

}  // namespace

PreparedSizing prepare_sizing(SizingRequest& request) {
  LeverSetting low;
  LeverSetting high;
  for (const auto& lever : request.levers) {
    low[lever.path] = lever.low;
    high[lever.path] = lever.high;
  }
  scenario::LoadedScenario loaded =
      scenario::load_scenario(request.scenario_path, overrides_for(request, low));
  if (high != low) (void)scenario::load_scenario(request.scenario_path, overrides_for(request, high));
  const model::Scenario& scenario = loaded.scenario;

  const std::uint32_t replications = request.replications.value_or(scenario.run.replications);
  if (replications < 2) {
    throw AnalysisError(fmt::format("{}: scenario.replications is {}; sizing needs at least 2 "
                                    "(give -n/--replications, or set scenario.replications)",
                                    request.scenario_path, replications));
  }
  request.replications = replications;
  request.seed = request.seed.value_or(scenario.run.seed);

  PreparedSizing prepared;
  prepared.scenario_name = scenario.run.name;
  const auto probed = probe(scenario, *request.seed);
  if (probed) {
    std::vector<std::string> names;
    for (const auto& scalar : probed->scalars) names.push_back(scalar.name);
    require_name(request.target.measure, "target measure", names);
    if (request.cost.per_unit.empty()) require_name(request.cost.measure, "cost measure", names);
  }

  if (request.cost.per_unit.empty()) {
    // A total over the window (GBP) becomes a yearly figure; a level is taken as it is.
    bool total = request.cost.measure.rfind("cost_", 0) == 0;
    std::string unit = "GBP";
    if (probed) {
      for (const auto& scalar : probed->scalars) {
        if (scalar.name != request.cost.measure) continue;
        total = scalar.accumulation == model::Accumulation::total;
        unit = scalar.unit;
      }
    }
    const model::ObservedWindow window{scenario.run.start, scenario.run.warmup_days,
                                       scenario.run.horizon_days};
    if (total) {
      request.cost.scale = results::per_year_factor(window);
      prepared.cost_unit = unit + "/year";
      prepared.cost_description = fmt::format(
          "{} x 365 / {:g} days observed ({} to {}), a yearly figure{}; mean over replications",
          request.cost.measure, window.days(), results::window_first_date(window),
          results::window_last_date(window),
          request.cost.measure == "cost_total" ? " of commissioned capacity (escalation beds included) plus activity" : "");
    } else {
      request.cost.scale = 1.0;
      prepared.cost_unit = unit;
      prepared.cost_description = "mean of the measure " + request.cost.measure;
    }
  } else {
    prepared.cost_description = "sum over levers of value x unit cost";
    for (const auto& [path, price] : request.cost.per_unit) {
      prepared.cost_description += fmt::format("; {}: {} per unit", path, price);
    }
  }

  try {
    (void)scenario::load_scenario(request.scenario_path, request.overrides);
  } catch (const scenario::ScenarioError& error) {
    prepared.as_given_problem =
        error.diagnostics().empty() ? error.what() : error.diagnostics().front().to_string();
  }
  return prepared;
}

SizingOutcome run_sizing(const SizingRequest& request, const PreparedSizing& prepared,
                         ScenarioEvaluator& evaluator) {
  SizingOutcome outcome;
  SizingRecord& record = outcome.record;
  record.levers = request.levers;
  record.target = request.target;
  record.confidence = request.confidence;
  record.cost_description = prepared.cost_description;
  record.cost_unit = prepared.cost_unit;

  const Evaluator evaluate = [&](const LeverSetting& setting) { return evaluator(setting); };
  std::ostringstream out;
  if (request.levers.size() == 1) {
    const auto result = size_one_lever(request.levers[0], request.target, request.confidence,
                                       evaluate, request.cost);
    outcome.answered = report_one_lever(out, request, result,
                                        evaluator.unit_of(request.target.measure));
    record.status = result.status;
    if (result.answer) record.answer = LeverSetting{{request.levers[0].path, *result.answer}};
    record.points = result.points;
    if (result.answer_point) {
      record.comparison = CostComparison{};
      record.comparison->answer = *result.points[*result.answer_point].cost;
    }
  } else {
    const auto result = size_two_levers(request.levers[0], request.levers[1], request.target,
                                        request.confidence, request.cost, evaluate);
    outcome.answered = report_two_levers(out, request, result,
                                         evaluator.unit_of(request.target.measure));
    record.status = result.status;
    if (result.cheapest) {
      record.answer = result.points[*result.cheapest].setting;
      record.comparison = CostComparison{};
      record.comparison->answer = *result.points[*result.cheapest].cost;
    }
    record.points = result.points;
    record.frontier = result.frontier;
  }
  for (const auto& point : record.points) record.labels.push_back(setting_label(point.setting));
  record.measure_unit = evaluator.unit_of(request.target.measure);

  // The answer against the scenario as given, paired by replication.
  std::string missing;
  if (!record.comparison) {
    missing = "there is no answer";
  } else if (!request.cost.per_unit.empty()) {
    missing = "unit costs of the levers are not counted in the scenario";
    record.comparison.reset();
  } else if (!prepared.as_given_problem.empty()) {
    missing = "it does not load (" + prepared.as_given_problem + ")";
    record.comparison.reset();
  } else {
    const MeasureSamples as_given = evaluator.run_labelled({}, kAsGivenLabel);
    const EvaluatedPoint* answer = nullptr;
    for (const auto& point : record.points)
      if (point.setting == *record.answer) answer = &point;
    const std::vector<double> a = scaled_costs(answer->samples, request.cost);
    const std::vector<double> g = scaled_costs(as_given, request.cost);
    std::vector<double> change(a.size());
    for (std::size_t r = 0; r < a.size(); ++r) change[r] = a[r] - g[r];
    CostComparison& c = *record.comparison;
    c.as_given_label = kAsGivenLabel;
    c.as_given = describe_values(g, request.confidence, "cost of the scenario as given");
    c.change = describe_values(change, request.confidence, "cost change");
  }
  report_cost_comparison(out, record, missing);
  outcome.report = out.str();
  return outcome;
}

void write_sizing_file(const SizingRequest& request, ScenarioEvaluator& evaluator,
                       const SizingRecord& record, const std::string& started_at,
                       results::SafeOutputFile& output) {
  results::ResultsFile file;
  auto& meta = file.metadata;
  meta.scenario_name = evaluator.scenario_name();
  meta.scenario_file = request.scenario_path;
  meta.scenario_given = evaluator.source_text();
  if (!evaluator.variants().empty()) {
    meta.scenario_resolved = evaluator.variants().front().resolved_yaml;
  }
  for (const auto& override_ : request.overrides) {
    meta.overrides += fmt::format("{}={}\n", override_.path, override_.value);
  }
  meta.sweep = fmt::format("size: {} for {} with confidence {}", describe_levers(request.levers),
                           request.target.describe(), request.confidence);
  meta.seed = *request.seed;
  meta.replications = *request.replications;
  meta.bedflow_version = results::build_version();
  meta.git_commit = results::build_commit();
  meta.started_at = started_at;
  meta.finished_at = results::utc_timestamp_now();
  file.variants = std::move(evaluator.variants());
  results::write_results_file(output.temporary_path(), file);
  write_sizing_record(output.temporary_path(), record, RecordMode::append);
  output.commit();
}

}  // namespace bedflow::analysis
