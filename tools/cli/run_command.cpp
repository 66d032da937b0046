// `bedflow run SCENARIO [options]`: load, run replications, write the results file safely.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "bedflow/engine/did_you_mean.hpp"
#include "bedflow/models/simulate.hpp"
#include "bedflow/results/event_spool.hpp"
#include "bedflow/results/replication_executor.hpp"
#include "bedflow/results/replication_plan.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/safe_output.hpp"
#include "bedflow/results/write_results.hpp"
#include "command_registry.hpp"
#include "exit_status.hpp"
#include "output_path.hpp"
#include "progress_bar.hpp"
#include "run_options.hpp"
#include "run_report.hpp"
#include "scenario_input.hpp"

namespace bedflow::cli {
namespace {

struct LoadedVariant {
  std::string label;
  std::string override_text;
  std::vector<scenario::Override> overrides;  // every override applied, `--set` first
  scenario::LoadedScenario loaded;
};

// Loads the scenario once per variant (once for a plain run). Empty on any error, which has
// then been reported.
std::optional<std::vector<LoadedVariant>> load_variants(const RunOptions& options) {
  const auto overrides = parse_overrides_or_report(options.set);
  if (!overrides) return std::nullopt;
  // Loaded with -n as the replication count, so that the loader's limits (the time series'
  // memory) count the replications this run will make; not recorded as an override.
  const auto with_count = [&options](std::vector<scenario::Override> list) {
    if (options.replications) {
      list.push_back({"scenario.replications", std::to_string(*options.replications), "-n"});
    }
    return list;
  };
  std::vector<LoadedVariant> variants;
  if (options.sweep.empty()) {
    auto loaded = load_scenario_or_report(options.scenario_path, with_count(*overrides));
    if (!loaded) return std::nullopt;
    variants.push_back({"", "", *overrides, std::move(*loaded)});
    return variants;
  }
  const auto values = expand_sweep_or_report(options.sweep);
  if (!values) return std::nullopt;
  for (const auto& value : *values) {
    auto with_value = *overrides;
    with_value.push_back(value);
    auto loaded = load_scenario_or_report(options.scenario_path, with_count(with_value));
    if (!loaded) return std::nullopt;
    variants.push_back(
        {value.value, value.path + "=" + value.value, with_value, std::move(*loaded)});
  }
  return variants;
}

std::string joined_lines(const std::vector<std::string>& lines) {
  std::string text;
  for (const auto& line : lines) text += line + "\n";
  return text;
}

// What the model noticed during the run (e.g. a gridlock): the first replication's words,
// and in how many replications it happened. To stderr, like the scenario's warnings.
void report_run_warnings(const std::string& label,
                         const std::vector<model::ReplicationResult>& replications) {
  const model::ReplicationResult* first = nullptr;
  std::size_t with = 0;
  for (const auto& replication : replications) {
    if (replication.warnings.empty()) continue;
    if (first == nullptr) first = &replication;
    ++with;
  }
  if (first == nullptr) return;
  for (const auto& warning : first->warnings) {
    std::cerr << "WARNING: " << (label.empty() ? "" : label + ": ") << "replication "
              << first->replication << ": " << warning << " (in " << with << " of "
              << replications.size() << " replications)\n";
  }
}

// `spool`, when given, takes the patient log as replications finish (bounded memory).
results::Variant run_variant(const LoadedVariant& variant, const RunOptions& options,
                             std::uint64_t seed, std::uint32_t replications,
                             results::EventSpool* spool) {
  const model::Scenario& scenario = variant.loaded.scenario;
  results::ReplicationJob job;
  job.scenario_path = options.scenario_path;
  for (const auto& o : variant.overrides) job.overrides.emplace_back(o.path, o.value);
  job.scenario = &scenario;
  job.seed = seed;
  job.options.patient_events = options.events || scenario.outputs.patient_events;
  job.threads = options.threads;
  std::optional<std::size_t> spooled;
  if (spool != nullptr && job.options.patient_events) {
    spooled = spool->begin_variant();
    job.patient_events = spool;
  }
  results::ReplicationPlan plan;
  plan.replications = replications;
  plan.precision = options.precision;
  plan.precision_measures = options.precision_measures;
  plan.max_replications = options.max_replications;
  ProgressBar bar(variant.label.empty() ? "" : variant.label + " ");
  auto outcome = results::run_replication_plan(
      plan, job, [&](const results::ProgressUpdate& update) { bar.update(update); });
  bar.finish();
  report_run_warnings(variant.label, outcome.replications);
  results::Variant result;
  result.label = variant.label;
  result.override_text = variant.override_text;
  result.resolved_yaml = variant.loaded.resolved_yaml;
  result.precision_reached = outcome.precision_reached;
  result.replications = std::move(outcome.replications);
  if (spooled) {
    spool->finish_variant();
    result.event_spool = spool;
    result.event_spool_variant = *spooled;
  }
  return result;
}

int run(const std::vector<std::string>& arguments) {
  RunOptions options;
  try {
    const auto parsed = parse_command_line(arguments, kRunSyntax, run_options_description());
    if (parsed.help_shown) return kSuccess;
    options = parse_run_options(parsed.values);
  } catch (const UsageError& error) {
    return report_usage_error("run", error.what(), kRunSyntax.usage);
  }
  const auto variants = load_variants(options);
  if (!variants) return kBadInput;
  const auto& first = variants->front().loaded;
  if (!options.precision_measures.empty()) {
    const auto names = model::measure_names(first.scenario);
    for (const auto& name : options.precision_measures) {
      if (std::find(names.begin(), names.end(), name) != names.end()) continue;
      const auto hint = engine::closest_match(name, names, 2);
      return report_error("run",
                          fmt::format("--precision-measures: this scenario has no measure '{}'{}",
                                      name, hint ? " (did you mean '" + *hint + "'?)"
                                                 : std::string("; the measures are listed in "
                                                               "models/README.md")),
                          kBadInput);
    }
  }
  const std::uint64_t seed = options.seed.value_or(first.scenario.run.seed);
  const std::uint32_t replications =
      options.replications.value_or(std::max<std::uint32_t>(first.scenario.run.replications, 1));

  std::string target = options.output_path;
  if (target.empty()) {
    target = default_output_path(first.scenario.run.name, options.scenario_path);
    std::error_code ignored;
    std::filesystem::create_directories(std::filesystem::path(target).parent_path(), ignored);
  }
  std::optional<results::SafeOutputFile> output;
  try {
    output.emplace(target, options.force, std::vector<std::string>{options.scenario_path});
    for (const auto& note : output->notes()) std::cerr << "note: " << note << "\n";
  } catch (const results::ResultsError& error) {
    return report_error("run", error.what(), kBadInput);
  }

  // The patient log streams to a spool beside the temporary file, removed when the run ends.
  bool log_events = options.events;
  for (const auto& variant : *variants) log_events |= variant.loaded.scenario.outputs.patient_events;
  std::optional<results::EventSpool> spool;
  if (log_events) {
    try {
      spool.emplace(output->scratch_path());
    } catch (const results::ResultsError& error) {
      return report_error("run", error.what(), kFailure);
    }
  }

  results::ResultsFile file;
  auto& meta = file.metadata;
  meta.scenario_name = first.scenario.run.name;
  meta.scenario_file = options.scenario_path;
  meta.scenario_given = first.source_text;
  meta.scenario_resolved = first.resolved_yaml;
  meta.overrides = joined_lines(options.set);
  meta.sweep = options.sweep;
  meta.seed = seed;
  meta.replications = replications;
  meta.precision_target = options.precision;
  meta.max_replications = options.precision > 0.0 ? options.max_replications : replications;
  meta.percentiles = first.scenario.outputs.percentiles;
  meta.bedflow_version = results::build_version();
  meta.git_commit = results::build_commit();
  meta.started_at = results::utc_timestamp_now();
  const auto started = std::chrono::steady_clock::now();
  try {
    for (const auto& variant : *variants) {
      file.variants.push_back(
          run_variant(variant, options, seed, replications, spool ? &*spool : nullptr));
    }
    meta.finished_at = results::utc_timestamp_now();
    results::write_results_file(output->temporary_path(), file);
    output->commit();
  } catch (const std::exception& error) {
    return report_error("run", error.what(), kFailure);  // `output` removes the temporary file
  }
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
  print_run_report(file, {options.precision, options.precision_measures,
                          options.show_percentiles});
  std::cout << fmt::format("\nWrote {} in {:.1f} s on {}.\n", target, elapsed.count(),
                           results::replication_executor().describe(options.threads));
  return kSuccess;
}

const CommandRegistration kRegistration{
    {"run", "run a scenario's replications and write an HDF5 results file", run}};

}  // namespace
}  // namespace bedflow::cli
