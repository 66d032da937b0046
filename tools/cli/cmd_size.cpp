// `bedflow size`: the smallest capacity (one lever) or the cheapest pair of capacities (two
// levers) that meets a target with a stated confidence.
//
// Invariants:
//  - Every evaluated point runs the same replications with the same seed (common random
//    numbers): points differ only in the levers. The search itself is bedflow::analysis; this
//    file turns options into a scenario evaluator and results into text and a file.
//  - Input is checked before any simulation: options, target syntax, lever ranges, the output
//    path (refused if it exists without --force) and the scenario at both ends of each range.
//    Bad input exits 2 with a one-line message and writes nothing.
//  - The output file (every evaluated point's replications as /variants, plus /sizing, see
//    bedflow/analysis/sizing_record.hpp) is written to a temporary file and renamed at the
//    end, so an interrupted run leaves no complete-looking file.
//  - Exit 0 with an answer (including "even the lowest value meets"); exit 1 when no value in
//    the range meets the target (the evaluated points are still written, as evidence) or the
//    run failed; exit 2 when the input was refused.
#include <algorithm>
#include <cstdint>
#include <iostream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/lever.hpp"
#include "bedflow/analysis/names.hpp"
#include "bedflow/analysis/one_lever.hpp"
#include "bedflow/analysis/sizing_record.hpp"
#include "bedflow/analysis/target.hpp"
#include "bedflow/analysis/two_levers.hpp"
#include "bedflow/engine/replication_runner.hpp"
#include "bedflow/models/simulate.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/results_file.hpp"
#include "bedflow/results/safe_output.hpp"
#include "bedflow/results/write_results.hpp"
#include "bedflow/scenario/load.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "exit_status.hpp"
#include "output_path.hpp"
#include "scenario_input.hpp"

namespace bedflow::cli {
namespace {

namespace po = boost::program_options;
using analysis::EvaluatedPoint;
using analysis::Lever;
using analysis::LeverSetting;
using analysis::MeasureSamples;

constexpr const char* kCommand = "size";
constexpr const char* kUsage =
    "bedflow size SCENARIO --vary PATH --range LOW:HIGH --target \"MEASURE OP VALUE\" "
    "[--confidence C] [--vary2 PATH --range2 LOW:HIGH] [options]";

// What the user asked for, checked.
struct SizingRequest {
  std::string scenario_path;
  std::vector<scenario::Override> overrides;  // --set, applied before the levers
  std::vector<Lever> levers;                  // one or two
  analysis::Target target;
  double confidence = 0.9;
  analysis::CostSource cost;
  std::string cost_description;
  std::optional<std::uint32_t> replications;
  std::optional<std::uint64_t> seed;
  unsigned threads = 1;
  std::string output;
  bool force = false;
};

// The --set overrides, then one override per lever.
std::vector<scenario::Override> overrides_for(const SizingRequest& request,
                                              const LeverSetting& setting) {
  std::vector<scenario::Override> overrides = request.overrides;
  for (const auto& [path, value] : setting) overrides.push_back({path, std::to_string(value)});
  return overrides;
}

// Runs the scenario at each lever setting and keeps every replication for the output file.
class ScenarioEvaluator {
 public:
  ScenarioEvaluator(const SizingRequest& request, std::uint32_t replications, std::uint64_t seed)
      : request_(request), replications_(replications), seed_(seed) {}

  MeasureSamples operator()(const LeverSetting& setting) {
    scenario::LoadedScenario loaded = scenario::load_scenario(request_.scenario_path,
                                                              overrides_for(request_, setting));
    const model::Scenario& scenario = loaded.scenario;
    auto runs = engine::run_replications<model::ReplicationResult>(
        0, replications_, request_.threads, [&](std::size_t r) {
          return model::simulate_replication(scenario, seed_, static_cast<std::uint32_t>(r));
        });

    MeasureSamples samples;
    for (const auto& run : runs) {
      for (const auto& scalar : run.scalars) {
        samples[scalar.name].push_back(scalar.value);
        units_.emplace(scalar.name, scalar.unit);
      }
    }
    results::Variant variant;
    variant.label = analysis::setting_label(setting);
    for (const auto& [path, value] : setting) {
      if (!variant.override_text.empty()) variant.override_text += "\n";
      variant.override_text += fmt::format("{}={}", path, value);
    }
    variant.resolved_yaml = std::move(loaded.resolved_yaml);
    variant.replications = std::move(runs);
    if (source_text_.empty()) source_text_ = loaded.source_text;
    if (scenario_name_.empty()) scenario_name_ = scenario.run.name;
    variants_.push_back(std::move(variant));

    report_progress(setting, samples);
    return samples;
  }

  std::vector<results::Variant>& variants() noexcept { return variants_; }
  const std::string& source_text() const noexcept { return source_text_; }
  const std::string& scenario_name() const noexcept { return scenario_name_; }
  std::string unit_of(const std::string& measure) const {
    const auto found = units_.find(measure);
    return found == units_.end() ? std::string() : found->second;
  }

 private:
  void report_progress(const LeverSetting& setting, const MeasureSamples& samples) const {
    const auto found = samples.find(request_.target.measure);
    if (found == samples.end()) return;  // the search reports the unknown measure
    double mean = 0.0;
    for (double v : found->second) mean += v;
    mean /= static_cast<double>(std::max<std::size_t>(1, found->second.size()));
    std::cerr << fmt::format("  point {}: {} -> {} mean {:.4g}\n", variants_.size(),
                             analysis::setting_label(setting), request_.target.measure, mean);
  }

  const SizingRequest& request_;
  std::uint32_t replications_;
  std::uint64_t seed_;
  std::vector<results::Variant> variants_;
  std::map<std::string, std::string> units_;
  std::string source_text_;
  std::string scenario_name_;
};

// ---- reading the options -------------------------------------------------------------

po::options_description size_options() {
  po::options_description options("Options");
  options.add_options()
      ("vary", po::value<std::string>(),
       "scenario path of the lever, e.g. services.reablement.capacity")
      ("range", po::value<std::string>(), "LOW:HIGH (or LOW:HIGH:STEP) values of the lever")
      ("step", po::value<std::int64_t>(), "step between values of the lever (default 1)")
      ("target", po::value<std::string>(),
       "e.g. \"delayed_bed_days_per_week <= 500\" or \"acute_occupancy_share <= 92%\"")
      ("confidence", po::value<double>()->default_value(0.9, "0.9"),
       "confidence of the decision, in [0.5, 1)")
      ("vary2", po::value<std::string>(), "second lever (cheapest combination of two)")
      ("range2", po::value<std::string>(), "LOW:HIGH values of the second lever")
      ("step2", po::value<std::int64_t>(), "step of the second lever (default 1)")
      ("cost-measure", po::value<std::string>()->default_value("cost_total"),
       "measure whose mean is the cost of a point")
      ("unit-cost", po::value<double>(),
       "cost of one unit of the first lever (GBP); with it (and --unit-cost2 for two "
       "levers) cost = sum of value x unit cost instead of --cost-measure")
      ("unit-cost2", po::value<double>(), "cost of one unit of the second lever (GBP)")
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override PATH=VALUE before sizing (repeatable)")
      ("replications,n", po::value<std::uint32_t>(),
       "replications per point (default: the scenario's; at least 2)")
      ("seed", po::value<std::uint64_t>(), "master seed (default: the scenario's)")
      ("threads,t", po::value<unsigned>(), "threads (default: all cores)")
      ("output,o", po::value<std::string>(),
       "HDF5 file of every evaluated point (default results/<scenario name>-sizing.h5)")
      ("force", "overwrite an existing output file");
  return options;
}

template <class T>
std::optional<T> optional_value(const po::variables_map& values, const char* name) {
  if (!values.count(name)) return std::nullopt;
  return values[name].as<T>();
}

std::string required(const po::variables_map& values, const char* name) {
  if (!values.count(name)) throw UsageError(fmt::format("--{} is required", name));
  return values[name].as<std::string>();
}

SizingRequest read_request(const po::variables_map& values) {
  SizingRequest request;
  request.scenario_path = values["SCENARIO"].as<std::string>();
  if (values.count("set")) {
    for (const auto& text : values["set"].as<std::vector<std::string>>()) {
      request.overrides.push_back(scenario::parse_override(text));
    }
  }
  request.levers.push_back(analysis::make_lever(required(values, "vary"), required(values, "range"),
                                                optional_value<std::int64_t>(values, "step")));
  const bool two = values.count("vary2") || values.count("range2") || values.count("step2") ||
                   values.count("unit-cost2");
  if (two) {
    request.levers.push_back(analysis::make_lever(required(values, "vary2"),
                                                  required(values, "range2"),
                                                  optional_value<std::int64_t>(values, "step2")));
    if (request.levers[0].path == request.levers[1].path) {
      throw UsageError("--vary and --vary2 name the same path " + request.levers[0].path);
    }
  }
  for (const auto& lever : request.levers) {
    for (const auto& override_ : request.overrides) {
      if (override_.path == lever.path) {
        throw UsageError(fmt::format("--set {} conflicts with the lever of the same path",
                                     override_.path));
      }
    }
  }
  request.target = analysis::parse_target(required(values, "target"));
  request.confidence = values["confidence"].as<double>();
  analysis::check_confidence(request.confidence);

  const auto unit_cost = optional_value<double>(values, "unit-cost");
  const auto unit_cost2 = optional_value<double>(values, "unit-cost2");
  if (unit_cost || unit_cost2) {
    if (!unit_cost || (two && !unit_cost2)) {
      throw UsageError("give a unit cost for every lever (--unit-cost and --unit-cost2)");
    }
    request.cost.per_unit[request.levers[0].path] = *unit_cost;
    if (two) request.cost.per_unit[request.levers[1].path] = *unit_cost2;
    request.cost_description = "sum over levers of value x unit cost";
    for (const auto& [path, price] : request.cost.per_unit) {
      request.cost_description += fmt::format("; {}: {} per unit", path, price);
    }
  } else {
    request.cost.measure = values["cost-measure"].as<std::string>();
    request.cost_description = "mean of the measure " + request.cost.measure;
  }

  request.replications = optional_value<std::uint32_t>(values, "replications");
  if (request.replications && *request.replications < 2) {
    throw UsageError("--replications must be at least 2 (a confidence bound needs two values)");
  }
  request.seed = optional_value<std::uint64_t>(values, "seed");
  request.threads = values.count("threads") ? values["threads"].as<unsigned>()
                                            : engine::default_thread_count();
  if (request.threads == 0) throw UsageError("--threads must be at least 1");
  if (values.count("output")) request.output = values["output"].as<std::string>();
  request.force = values.count("force") > 0;
  return request;
}

// ---- reporting ---------------------------------------------------------------------------

std::string format_number(double value) { return fmt::format("{:.4g}", value); }

std::string describe_evidence(const EvaluatedPoint& point, const analysis::Target& target,
                              const std::string& unit) {
  const auto& e = point.target;
  return fmt::format("{} {}{} ({:g}% CI {} to {}); one-sided {:g}% bound {} {} {}: {}",
                     target.measure, format_number(e.mean), unit.empty() ? "" : " " + unit,
                     e.level * 100.0, format_number(e.lower()), format_number(e.upper()),
                     e.level * 100.0, format_number(e.bound),
                     analysis::to_string(target.comparison), format_number(target.threshold),
                     e.meets ? "meets" : "misses");
}

// One row per evaluated point, ordered by lever values: the target measure's mean, its
// two-sided interval, the one-sided bound that decided, and the cost.
void print_points_table(std::ostream& out, const std::vector<EvaluatedPoint>& points,
                        const std::vector<Lever>& levers) {
  std::vector<std::size_t> order(points.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return points[a].setting < points[b].setting;
  });
  std::vector<std::size_t> widths;
  std::string header;
  for (const auto& lever : levers) {
    widths.push_back(std::max<std::size_t>(8, lever.path.size()));
    header += fmt::format("{:>{}}  ", lever.path, widths.back());
  }
  out << fmt::format("{}{:>12} {:>12} {:>12} {:>12}  {:<6} {:>14}\n", header, "mean", "ci_low",
                     "ci_high", "bound", "meets", "cost_mean");
  for (std::size_t i : order) {
    const auto& p = points[i];
    std::string row;
    for (std::size_t k = 0; k < levers.size(); ++k) {
      row += fmt::format("{:>{}}  ", p.setting.at(levers[k].path), widths[k]);
    }
    out << fmt::format("{}{:>12} {:>12} {:>12} {:>12}  {:<6} {:>14}\n", row,
                       format_number(p.target.mean), format_number(p.target.lower()),
                       format_number(p.target.upper()), format_number(p.target.bound),
                       p.target.meets ? "yes" : "no",
                       p.cost ? format_number(p.cost->mean) : std::string("-"));
  }
}

int report_one_lever(std::ostream& out, const SizingRequest& request,
                     const analysis::OneLeverResult& result, const std::string& unit) {
  const Lever& lever = request.levers.front();
  out << "\n";
  switch (result.status) {
    case analysis::SizingStatus::found: {
      out << fmt::format("Answer: {} = {}\n", lever.path, *result.answer);
      out << fmt::format("  at {:>8}: {}\n", *result.answer,
                         describe_evidence(result.points[*result.answer_point], request.target,
                                           unit));
      const auto& below = result.points[*result.below_point];
      out << fmt::format("  at {:>8}: {}\n", below.setting.at(lever.path),
                         describe_evidence(below, request.target, unit));
      break;
    }
    case analysis::SizingStatus::smallest_meets:
      out << fmt::format(
          "Answer: {} = {}, the lowest value of the range: even it meets the target, so the "
          "smallest sufficient value may lie below the range (lower LOW to look further).\n",
          lever.path, *result.answer);
      out << fmt::format("  at {:>8}: {}\n", *result.answer,
                         describe_evidence(result.points[*result.answer_point], request.target,
                                           unit));
      break;
    case analysis::SizingStatus::none_meets: {
      out << fmt::format(
          "No value of {} in {}..{} meets {} with confidence {}: raise HIGH or relax the "
          "target.\n",
          lever.path, lever.low, lever.high, request.target.describe(), request.confidence);
      for (const auto& point : result.points) {
        out << fmt::format("  at {:>8}: {}\n", point.setting.at(lever.path),
                           describe_evidence(point, request.target, unit));
      }
      break;
    }
  }
  out << fmt::format("\nPoints evaluated ({} of {} values):\n", result.points.size(),
                     lever.count());
  print_points_table(out, result.points, request.levers);
  if (!result.monotone) {
    out << "\nWarning: the target measure did not move one way with the lever across the "
           "points evaluated; the search assumes it does, so check the answer with a sweep.\n";
  }
  return result.status == analysis::SizingStatus::none_meets ? kFailure : kSuccess;
}

int report_two_levers(std::ostream& out, const SizingRequest& request,
                      const analysis::TwoLeverResult& result, const std::string& unit) {
  const Lever& first = request.levers[0];
  const Lever& second = request.levers[1];
  out << "\nSmallest " << second.path << " meeting the target, for each " << first.path << ":\n";
  const std::size_t w1 = std::max<std::size_t>(8, first.path.size());
  const std::size_t w2 = std::max<std::size_t>(8, second.path.size());
  out << fmt::format("{:>{}}  {:>{}}  {:>14}\n", first.path, w1, second.path, w2, "cost_mean");
  for (const auto& row : result.frontier) {
    out << fmt::format("{:>{}}  {:>{}}  {:>14}\n", row.first, w1,
                       row.second ? std::to_string(*row.second) : std::string("none"), w2,
                       row.point ? format_number(result.points[*row.point].cost->mean)
                                 : std::string("-"));
  }
  out << "\n";
  if (result.cheapest) {
    const auto& point = result.points[*result.cheapest];
    out << fmt::format("Cheapest combination: {} = {}, {} = {} (cost {} by {})\n", first.path,
                       point.setting.at(first.path), second.path, point.setting.at(second.path),
                       format_number(point.cost->mean), request.cost_description);
    out << fmt::format("  {}\n", describe_evidence(point, request.target, unit));
    for (const Lever* lever : {&first, &second}) {
      if (point.setting.at(lever->path) == lever->low) {
        out << fmt::format("  {} is at the lowest value of its range: a smaller value may also "
                           "meet the target, and cost less.\n",
                           lever->path);
      }
    }
  } else {
    out << fmt::format(
        "No combination in {} {}..{} x {} {}..{} meets {} with confidence {}: raise the ranges "
        "or relax the target.\n",
        first.path, first.low, first.high, second.path, second.low, second.high,
        request.target.describe(), request.confidence);
  }
  out << fmt::format("\nPoints evaluated ({} of {} combinations):\n", result.points.size(),
                     first.count() * second.count());
  print_points_table(out, result.points, request.levers);
  if (!result.monotone) {
    out << "\nWarning: the target measure did not move one way with the second lever on some "
           "row; the search assumes it does, so check the answer with a sweep.\n";
  }
  if (!result.cost_monotone) {
    out << "\nWarning: cost fell as the second lever rose on some row; the cheapest point of "
           "that row may lie above the smallest value that meets the target.\n";
  }
  return result.cheapest ? kSuccess : kFailure;
}

// ---- the command ---------------------------------------------------------------------------

// Loads the scenario at both ends of every range, so a bad path or value is refused (its
// diagnostics printed) before any simulation. Returns the scenario at the lowest values.
std::optional<model::Scenario> check_scenario(const SizingRequest& request) {
  LeverSetting low;
  LeverSetting high;
  for (const auto& lever : request.levers) {
    low[lever.path] = lever.low;
    high[lever.path] = lever.high;
  }
  auto loaded = load_scenario_or_report(request.scenario_path, overrides_for(request, low));
  if (!loaded) return std::nullopt;
  if (high != low &&
      !load_scenario_or_report(request.scenario_path, overrides_for(request, high))) {
    return std::nullopt;
  }
  return std::move(loaded->scenario);
}

// The measures a scenario reports depend on its structure (services, streams, cohorts), not
// on its length, so one replication of one observed day names them in a moment. Returns
// nothing when that short run is not possible; the search then checks names at its first
// point instead.
std::optional<std::vector<std::string>> probe_measure_names(model::Scenario scenario,
                                                            std::uint64_t seed) {
  scenario.run.horizon_days = scenario.run.warmup_days + 1.0;
  try {
    const model::ReplicationResult probe = model::simulate_replication(scenario, seed, 0);
    std::vector<std::string> names;
    for (const auto& scalar : probe.scalars) names.push_back(scalar.name);
    return names;
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// Writes every evaluated point (as /variants of a results file) and the /sizing record into
// the temporary file, then renames it onto the target. Throws on failure; the temporary file
// is then removed by SafeOutputFile.
void write_sizing_file(const SizingRequest& request, ScenarioEvaluator& evaluator,
                       const analysis::SizingRecord& record, const std::string& description,
                       const std::string& started_at, results::SafeOutputFile& output) {
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
  meta.sweep = "size: " + description;
  meta.seed = *request.seed;
  meta.replications = *request.replications;
  meta.bedflow_version = results::build_version();
  meta.git_commit = results::build_commit();
  meta.started_at = started_at;
  meta.finished_at = results::utc_timestamp_now();
  file.variants = std::move(evaluator.variants());
  results::write_results_file(output.temporary_path(), file);
  analysis::write_sizing_record(output.temporary_path(), record, analysis::RecordMode::append);
  output.commit();
}

int run_size(const std::vector<std::string>& arguments) {
  const CommandSyntax syntax{
      kUsage,
      "Finds the smallest value of a capacity (--vary) that meets a target on a measure with\n"
      "the given confidence, by bisection under common random numbers (same seed and\n"
      "replications at every point); with a second lever (--vary2), the cheapest combination\n"
      "that meets it. A point meets the target when the one-sided Student-t bound of its\n"
      "replication mean at the confidence level is on the target's side of the threshold.\n"
      "Prints the answer with its evidence (the measure and its interval at the answer and one\n"
      "step below) and writes every evaluated point to HDF5 (/variants, /summary, /sizing).\n"
      "Exit status: 0 answer found; 1 no value in the range meets the target (the points are\n"
      "still written) or the run failed; 2 input refused, nothing written.",
      {"SCENARIO"}};
  SizingRequest request;
  try {
    const ParsedCommandLine parsed = parse_command_line(arguments, syntax, size_options());
    if (parsed.help_shown) return kSuccess;
    request = read_request(parsed.values);
  } catch (const UsageError& error) {
    return report_usage_error(kCommand, error.what(), kUsage);
  } catch (const analysis::AnalysisError& error) {
    return report_usage_error(kCommand, error.what(), kUsage);
  } catch (const scenario::ScenarioError& error) {
    return report_usage_error(kCommand, error.what(), kUsage);
  }

  std::optional<results::SafeOutputFile> output;
  std::unique_ptr<ScenarioEvaluator> evaluator;
  {
    const std::optional<model::Scenario> scenario = check_scenario(request);
    if (!scenario) return kBadInput;
    const std::uint32_t replications = request.replications.value_or(scenario->run.replications);
    if (replications < 2) {
      return report_error(kCommand,
                          fmt::format("{}: run.replications is {}; sizing needs at least 2 "
                                      "(give --replications)",
                                      request.scenario_path, replications),
                          kBadInput);
    }
    request.replications = replications;
    request.seed = request.seed.value_or(scenario->run.seed);
    if (const auto names = probe_measure_names(*scenario, *request.seed)) {
      try {
        analysis::require_name(request.target.measure, "target measure", *names);
        if (request.cost.per_unit.empty()) {
          analysis::require_name(request.cost.measure, "cost measure", *names);
        }
      } catch (const analysis::AnalysisError& error) {
        return report_error(kCommand, error.what(), kBadInput);
      }
    }
    if (request.output.empty()) {
      request.output = default_output_path(scenario->run.name + "-sizing", request.scenario_path);
    }
    try {
      output.emplace(request.output, request.force);
    } catch (const results::ResultsError& error) {
      return report_error(kCommand, error.what(), kBadInput);
    }
    evaluator = std::make_unique<ScenarioEvaluator>(request, replications, *request.seed);
  }

  const std::string started_at = results::utc_timestamp_now();
  std::string lever_text;
  for (const auto& lever : request.levers) {
    lever_text += fmt::format("{}{} in {}..{} step {}", lever_text.empty() ? "" : " and ",
                              lever.path, lever.low, lever.high, lever.step);
  }
  std::cerr << fmt::format(
      "bedflow size: {} for {} with confidence {}; {} replications per point, seed {}, {} "
      "thread(s)\n",
      lever_text, request.target.describe(), request.confidence, *request.replications,
      *request.seed, request.threads);

  analysis::SizingRecord record;
  record.levers = request.levers;
  record.target = request.target;
  record.confidence = request.confidence;
  record.cost_description = request.cost_description;
  int status = kSuccess;
  std::string report;
  try {
    const analysis::Evaluator evaluate = [&](const LeverSetting& setting) {
      return (*evaluator)(setting);
    };
    std::ostringstream out;
    if (request.levers.size() == 1) {
      const auto result = analysis::size_one_lever(request.levers[0], request.target,
                                                   request.confidence, evaluate, request.cost);
      status = report_one_lever(out, request, result, evaluator->unit_of(request.target.measure));
      record.status = result.status;
      if (result.answer) record.answer = LeverSetting{{request.levers[0].path, *result.answer}};
      record.points = result.points;
    } else {
      const auto result = analysis::size_two_levers(request.levers[0], request.levers[1],
                                                    request.target, request.confidence,
                                                    request.cost, evaluate);
      status = report_two_levers(out, request, result, evaluator->unit_of(request.target.measure));
      record.status = result.status;
      if (result.cheapest) record.answer = result.points[*result.cheapest].setting;
      record.points = result.points;
      record.frontier = result.frontier;
    }
    report = out.str();
  } catch (const analysis::AnalysisError& error) {
    return report_error(kCommand, error.what(), kBadInput);
  } catch (const scenario::ScenarioError& error) {
    // The ends of the ranges loaded, but a value between them did not.
    for (const auto& diagnostic : error.diagnostics()) std::cerr << diagnostic.to_string() << "\n";
    return report_error(kCommand, "the scenario was refused at a value inside the range",
                        kBadInput);
  }
  for (const auto& point : record.points) {
    record.labels.push_back(analysis::setting_label(point.setting));
  }
  record.measure_unit = evaluator->unit_of(request.target.measure);

  try {
    write_sizing_file(request, *evaluator, record,
                      fmt::format("{} for {} with confidence {}", lever_text,
                                  request.target.describe(), request.confidence),
                      started_at, *output);
  } catch (const std::exception& error) {
    std::cout << report;
    return report_error(kCommand,
                        fmt::format("could not write {}: {}", request.output, error.what()),
                        kFailure);
  }
  std::cout << report << fmt::format("\nEvery evaluated point written to {}\n", request.output);
  return status;
}

const CommandRegistration registration{Command{
    kCommand, "smallest capacity (or cheapest pair) that meets a target with confidence",
    run_size}};

}  // namespace
}  // namespace bedflow::cli
