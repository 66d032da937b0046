// `bedflow size`: the smallest capacity (one lever) or the cheapest pair of capacities (two
// levers) that meets a target with a stated confidence, and what the answer costs a year
// against the scenario as given.
//
// Invariants:
//  - This file reads options into an analysis::SizingRequest and maps outcomes to exit
//    statuses; the search, the comparison, the report text and the file are
//    bedflow/analysis/sizing_run.hpp (and sizing_report.hpp, scenario_evaluator.hpp).
//  - Input is checked before any simulation: options, target syntax, lever ranges, the
//    scenario at both ends of each range, the measures' names, and the output path (refused
//    if it exists without --force). Bad input exits 2 with its messages and writes nothing.
//  - Exit 0 with an answer (including "even the lowest value meets"); exit 1 when no value in
//    the range meets the target (the evaluated points are still written, as evidence) or the
//    run failed; exit 2 when the input was refused.
#include <cstdint>
#include <filesystem>
#include <iostream>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/lever.hpp"
#include "bedflow/analysis/sizing_run.hpp"
#include "bedflow/analysis/target.hpp"
#include "bedflow/engine/replication_runner.hpp"
#include "bedflow/results/replication_executor.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/results_file.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "exit_status.hpp"
#include "output_path.hpp"

namespace bedflow::cli {
namespace {

namespace po = boost::program_options;

// Steps are checked by make_lever (positive, dividing the range), with its own message.
constexpr long long kAnyLow = std::numeric_limits<long long>::min();
constexpr long long kAnyHigh = std::numeric_limits<long long>::max();

constexpr const char* kCommand = "size";
constexpr const char* kUsage =
    "bedflow size SCENARIO --vary PATH --range LOW:HIGH --target \"MEASURE OP VALUE\" "
    "[--confidence C] [--vary2 PATH --range2 LOW:HIGH] [options]";

po::options_description size_options() {
  po::options_description options("Options");
  options.add_options()
      ("vary", po::value<std::string>(),
       "scenario path of the lever, e.g. services.reablement.capacity")
      ("range", po::value<std::string>(), "LOW:HIGH (or LOW:HIGH:STEP) values of the lever")
      ("step", po::value<long long>(), "step between values of the lever (default 1)")
      ("target", po::value<std::string>(),
       "e.g. \"delayed_bed_days_per_week <= 500\" or \"acute_occupancy_share <= 92%\"")
      ("confidence", po::value<double>()->default_value(0.9, "0.9"),
       "confidence of the decision, in [0.5, 1)")
      ("vary2", po::value<std::string>(), "second lever (cheapest combination of two)")
      ("range2", po::value<std::string>(), "LOW:HIGH values of the second lever")
      ("step2", po::value<long long>(), "step of the second lever (default 1)")
      ("cost-measure", po::value<std::string>()->default_value("cost_total"),
       "measure whose mean is a point's cost; a total over the window (cost_total: "
       "commissioned capacity (escalation beds included) plus activity, from the scenario's costs_gbp) is made yearly, "
       "x 365 / window days. To price a lever's places differently, --set its "
       "services.NAME.costs_gbp.place_day")
      ("set", po::value<std::vector<std::string>>()->composing(),
       "override PATH=VALUE before sizing (repeatable)")
      ("replications,n", po::value<std::string>(),
       "replications per point, 2 to 100000 (default: the scenario's)")
      ("seed", po::value<std::string>(),
       "master seed, 0 to 18446744073709551615 (default: the scenario's)")
      ("threads,t", po::value<long long>(), "threads (default: all cores)")
      ("output,o", po::value<std::string>(),
       "HDF5 file of every evaluated point (default results/<scenario name>-sizing.h5)")
      ("force", "overwrite an existing output file");
  return options;
}

// A whole-number option within [low, high] (see bounded_option), or nothing when absent.
template <class T>
std::optional<T> optional_value(const po::variables_map& values, const char* name,
                                long long low, long long high) {
  if (!values.count(name)) return std::nullopt;
  return bounded_option<T>(values, name, low, high);
}

std::string required(const po::variables_map& values, const char* name) {
  if (!values.count(name)) throw UsageError(fmt::format("--{} is required", name));
  return values[name].as<std::string>();
}

// Place costs are in the scenario now; the old per-unit options say where they went.
void refuse_unit_cost_options(const std::vector<std::string>& arguments) {
  for (const auto& argument : arguments) {
    if (argument.rfind("--unit-cost", 0) != 0) continue;
    throw UsageError(
        argument.substr(0, argument.find('=')) +
        " is no longer an option: each service's place cost is in the scenario "
        "(services.NAME.costs_gbp.place_day) and sizing minimises the yearly cost_total; "
        "override a place cost with --set services.NAME.costs_gbp.place_day=GBP");
  }
}

analysis::SizingRequest read_request(const po::variables_map& values) {
  analysis::SizingRequest request;
  request.scenario_path = values["SCENARIO"].as<std::string>();
  if (values.count("set")) {
    for (const auto& text : values["set"].as<std::vector<std::string>>()) {
      request.overrides.push_back(scenario::parse_override(text));
    }
  }
  request.levers.push_back(analysis::make_lever(required(values, "vary"), required(values, "range"),
                                                optional_value<std::int64_t>(values, "step", kAnyLow, kAnyHigh)));
  if (values.count("vary2") || values.count("range2") || values.count("step2")) {
    request.levers.push_back(analysis::make_lever(required(values, "vary2"),
                                                  required(values, "range2"),
                                                  optional_value<std::int64_t>(values, "step2", kAnyLow, kAnyHigh)));
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
  request.cost.measure = values["cost-measure"].as<std::string>();

  if (values.count("replications")) {
    request.replications =
        replications_option(values, "replications", 2, "a confidence bound needs at least 2");
  }
  if (values.count("seed")) request.seed = seed_option(values);
  request.threads = values.count("threads") ? bounded_option<unsigned>(values, "threads", 1, 4096)
                                            : engine::default_thread_count();
  if (values.count("output")) request.output = values["output"].as<std::string>();
  request.force = values.count("force") > 0;
  return request;
}

int print_scenario_error(const scenario::ScenarioError& error, const std::string& context) {
  for (const auto& diagnostic : error.diagnostics()) std::cerr << diagnostic.to_string() << "\n";
  if (error.diagnostics().empty()) std::cerr << error.what() << "\n";
  return context.empty() ? kBadInput : report_error(kCommand, context, kBadInput);
}

int run_size(const std::vector<std::string>& arguments) {
  const CommandSyntax syntax{
      kUsage,
      "Finds the smallest value of a capacity (--vary) that meets a target on a measure with\n"
      "the given confidence, by bisection under common random numbers (same seed and\n"
      "replications at every point); with a second lever (--vary2), the combination of least\n"
      "yearly cost that meets it. A point meets the target when the one-sided Student-t bound\n"
      "of its replication mean at the confidence level is on the target's side of the\n"
      "threshold. A point's cost is its yearly total cost, commissioned capacity plus\n"
      "activity (cost_total x 365 / observed days), from each service's costs_gbp.\n"
      "Prints the answer with its evidence (the measure and its interval at the answer and one\n"
      "step below), and its yearly cost against the scenario as given (run with the same seed\n"
      "and replications: the change is paired, with its interval); writes every evaluated\n"
      "point, and the scenario as given, to HDF5 (/variants, /summary, /sizing).\n"
      "Exit status: 0 answer found; 1 no value in the range meets the target (the points are\n"
      "still written) or the run failed; 2 input refused, nothing written.",
      {"SCENARIO"}};
  analysis::SizingRequest request;
  try {
    refuse_unit_cost_options(arguments);
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

  analysis::PreparedSizing prepared;
  try {
    prepared = analysis::prepare_sizing(request);
  } catch (const scenario::ScenarioError& error) {
    return print_scenario_error(error, "");
  } catch (const analysis::AnalysisError& error) {
    return report_error(kCommand, error.what(), kBadInput);
  }
  if (request.output.empty()) {
    request.output = default_output_path(prepared.scenario_name + "-sizing", request.scenario_path);
    // As `run` does: the default folder is made on demand (an -o folder must exist).
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(request.output).parent_path(),
                                        ignored);
  }
  std::optional<results::SafeOutputFile> output;
  try {
    output.emplace(request.output, request.force,
                   std::vector<std::string>{request.scenario_path});
    for (const auto& note : output->notes()) std::cerr << "note: " << note << "\n";
  } catch (const results::ResultsError& error) {
    return report_error(kCommand, error.what(), kBadInput);
  }

  const std::string started_at = results::utc_timestamp_now();
  std::cerr << fmt::format(
      "bedflow size: {} for {} with confidence {}; {} replications per point, seed {}, on {}\n",
      analysis::describe_levers(request.levers), request.target.describe(), request.confidence,
      *request.replications, *request.seed,
      results::replication_executor().describe(request.threads));
  analysis::ScenarioEvaluator evaluator(request, *request.replications, *request.seed, &std::cerr);
  analysis::SizingOutcome outcome;
  try {
    outcome = analysis::run_sizing(request, prepared, evaluator);
  } catch (const analysis::AnalysisError& error) {
    return report_error(kCommand, error.what(), kBadInput);
  } catch (const scenario::ScenarioError& error) {
    // The ends of the ranges loaded, but a value between them did not.
    return print_scenario_error(error, "the scenario was refused at a value inside the range");
  }

  try {
    analysis::write_sizing_file(request, evaluator, outcome.record, started_at, *output);
  } catch (const std::exception& error) {
    std::cout << outcome.report;
    return report_error(kCommand,
                        fmt::format("could not write {}: {}", request.output, error.what()),
                        kFailure);
  }
  std::cout << outcome.report
            << fmt::format("\nEvery evaluated point written to {}\n", request.output);
  return outcome.answered ? kSuccess : kFailure;
}

const CommandRegistration registration{Command{
    kCommand, "smallest capacity (or cheapest pair) that meets a target with confidence",
    run_size}};

}  // namespace
}  // namespace bedflow::cli
