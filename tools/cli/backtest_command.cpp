// `bedflow backtest FITTED.yaml EXTRACT.csv --from D --to D -o BACKTEST.csv [--report PAGE.html]`:
// runs a fitted scenario from the extract's census on D and compares it day by day with the
// extract (comparison: fitting/include/bedflow/fitting/backtest.hpp; the CSV and page:
// backtest_output.hpp; methods: docs/fitting.md).
#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "bedflow/fitting/backtest.hpp"
#include "bedflow/fitting/extract.hpp"
#include "bedflow/fitting/fit_extract.hpp"
#include "bedflow/fitting/scenario_writer.hpp"
#include "bedflow/engine/replication_runner.hpp"
#include "bedflow/models/simulate.hpp"
#include "bedflow/results/replication_executor.hpp"
#include "bedflow/results/results_error.hpp"
#include "backtest_output.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "exit_status.hpp"
#include "scenario_input.hpp"

namespace bedflow::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

const CommandSyntax kSyntax{
    "bedflow backtest FITTED.yaml EXTRACT.csv --from DATE --to DATE -o BACKTEST.csv "
    "[--report PAGE.html] [--mapping MAP.yaml] [--replications N] [--threads T] [--burn-in-days B] [--force]",
    "Runs the fitted scenario from the extract's census B days (default 28) before --from to\n"
    "the end of --to, and compares from --from on, at each midnight, the model's patients in\n"
    "acute beds and medically fit patients still in them with the extract's counts: the mean\n"
    "absolute percentage error of the model's mean, and the share of days on which the actual\n"
    "count is inside the model's 90% band (5th to 95th percentile of the replications).\n"
    "Writes one CSV row per day; with --report, also an HTML page charting each day's count\n"
    "against the model's mean and band (self-contained, prints on A4; docs/report.md). The B\n"
    "days let the run settle: a census patient already medically fit leaves at once when the\n"
    "pathway has no queue (the model takes the assessment as done).",
    {"scenario", "extract"}};

// The series a replication keeps, by group and measure; throws if the scenario has none.
std::vector<double> series(const model::ReplicationResult& r, const char* group, const char* measure) {
  for (const auto& s : r.series) {
    if (s.group == group && s.measure == measure) return s.values;
  }
  throw std::invalid_argument(fmt::format("the scenario has no series {}/{}", group, measure));
}

// The loader's errors and warnings as folded lines: a census the scenario cannot take would
// otherwise print one problem per row.
void print_folded(const std::vector<scenario::Diagnostic>& diagnostics, const char* kind) {
  std::vector<fitting::Problem> problems;
  for (const auto& d : diagnostics) {
    const auto where = fmt::format("{}:{}:{}", d.file, d.line, d.column);
    auto text = d.to_string();
    if (text.rfind(where + ": ", 0) == 0) text = text.substr(where.size() + 2);
    problems.push_back({where, text});
  }
  for (const auto& line : fitting::fold_problems(problems)) {
    std::cerr << fmt::format("bedflow backtest: {}: {}\n", kind, line);
  }
}

std::optional<scenario::LoadedScenario> load_folded(const std::string& path,
                                                    const std::vector<scenario::Override>& overrides) {
  try {
    auto loaded = scenario::load_scenario(path, overrides);
    print_folded(loaded.warnings, "warning");
    return loaded;
  } catch (const scenario::ScenarioError& error) {
    print_folded(error.diagnostics(), "error");
    if (error.diagnostics().empty()) report_error("backtest", error.what(), kBadInput);
  } catch (const std::exception& error) {
    report_error("backtest", error.what(), kBadInput);
  }
  return std::nullopt;
}

int backtest(const std::vector<std::string>& arguments) {
  po::options_description options("Options");
  options.add_options()
      ("from", po::value<std::string>()->required(), "first day compared")
      ("to", po::value<std::string>()->required(), "last day compared")
      ("output,o", po::value<std::string>()->required(), "CSV file to write")
      ("report", po::value<std::string>(), "HTML page of the comparison to write as well")
      ("mapping", po::value<std::string>(), "column mapping file (YAML)")
      ("replications,n", po::value<std::string>()->default_value("100"), "replications to run")
      ("threads,t", po::value<long long>(), "threads (default: all cores)")
      ("burn-in-days", po::value<long long>()->default_value(28),
       "days run from the census before --from, not compared")
      ("force", po::bool_switch(), "overwrite an existing output file");
  ParsedCommandLine parsed;
  std::uint32_t replications = 0, burn_in_days = 0;
  unsigned threads = engine::default_thread_count();
  try {
    parsed = parse_command_line(arguments, kSyntax, options);
    if (!parsed.help_shown) {
      replications = replications_option(parsed.values, "replications", 2,
                                         "a band of outcomes needs at least 2");
      burn_in_days = bounded_option<std::uint32_t>(parsed.values, "burn-in-days", 0, 3650);
      if (parsed.values.count("threads")) {
        threads = bounded_option<unsigned>(parsed.values, "threads", 1, 1024);
      }
    }
  } catch (const UsageError& error) {
    return report_usage_error("backtest", error.what(), kSyntax.usage);
  }
  if (parsed.help_shown) return kSuccess;
  const auto& values = parsed.values;
  const auto scenario_path = values["scenario"].as<std::string>();
  const auto extract_path = values["extract"].as<std::string>();
  const auto target = values["output"].as<std::string>();
  const auto from_text = values["from"].as<std::string>();
  const auto to_text = values["to"].as<std::string>();

  fitting::Extract extract;
  fitting::FittedSystem census;
  double from = 0, to = 0;
  const auto burn_in = static_cast<double>(burn_in_days);
  try {
    from = fitting::parse_date_time(from_text);
    to = fitting::parse_date_time(to_text);
    if (to < from) throw std::invalid_argument("--to is before --from");
    const auto mapping = values.count("mapping")
                             ? fitting::read_mapping(values["mapping"].as<std::string>())
                             : fitting::ColumnMapping{};
    extract = fitting::read_extract(extract_path, mapping);
    if (to >= std::floor(extract.end)) {
      throw std::invalid_argument(fmt::format("--to {} is not before the extract's last day {}",
                                              to_text, fitting::format_date(extract.end)));
    }
    if (from - burn_in < std::floor(extract.start)) {
      throw std::invalid_argument(fmt::format(
          "--from {} less {} burn-in days is before the extract's first day {}", from_text,
          burn_in, fitting::format_date(extract.start)));
    }
    census = fitting::fit_extract(extract, fitting::format_date(from - burn_in));
  } catch (const fitting::ExtractError& error) {
    return report_error("backtest", error.what(), kBadInput);
  } catch (const std::invalid_argument& error) {
    return report_error("backtest", error.what(), kBadInput);
  }
  const auto page = values.count("report") ? std::optional(values["report"].as<std::string>())
                                            : std::nullopt;
  std::error_code ignored;  // a path that cannot be resolved is compared as written
  if (page && fs::weakly_canonical(*page, ignored) == fs::weakly_canonical(target, ignored)) {
    return report_error("backtest", "--report and -o name the same file " + target, kBadInput);
  }
  for (const auto& path : {std::optional(target), page}) {
    if (path && !values["force"].as<bool>() && fs::exists(fs::symlink_status(*path))) {
      return report_error("backtest", *path + " exists (use --force to replace it)", kBadInput);
    }
  }
  // Census patients of cohorts the scenario lacks, checked before anything is written: one
  // line per cohort with its count, not one per patient.
  {
    const auto plain = load_scenario_or_report(scenario_path, {});
    if (!plain) return kBadInput;
    std::vector<std::string> cohorts;
    for (const auto& c : plain->scenario.cohorts) cohorts.push_back(c.name);
    const auto unknown = fitting::unknown_census_cohorts(census, cohorts, scenario_path);
    for (const auto& line : fitting::fold_problems(unknown)) report_error("backtest", line, kBadInput);
    if (!unknown.empty()) return kBadInput;
  }

  // The census at --from, in a temporary file the scenario is pointed at, removed on return.
  const auto census_path = fs::absolute(fs::path(target).parent_path() /
                                        fmt::format(".{}.census.csv", fs::path(target).filename().string()));
  struct Remove {
    fs::path path;
    ~Remove() { std::error_code ignored; fs::remove(path, ignored); }
  } remove_census{census_path};
  std::ofstream(census_path) << fitting::census_csv(census);
  const auto days = static_cast<long>(to - from) + 1;
  const auto skip = static_cast<std::ptrdiff_t>(burn_in);
  const auto overrides = parse_overrides_or_report(
      {"scenario.start=" + fitting::format_date(from - burn_in),
       fmt::format("scenario.horizon_days={}", days + skip),
       "scenario.warmup_days=0", "outputs.timeseries_every_hours=24",
       "initial_state.census_csv=" + census_path.string()});
  if (!overrides) return kBadInput;
  const auto loaded = load_folded(scenario_path, *overrides);
  if (!loaded) return kBadInput;

  std::vector<std::vector<double>> occupancy, medically_fit;
  fitting::BacktestSummary summary;
  try {
    results::ReplicationJob job;  // on threads, or on MPI ranks under bedflow-mpi
    job.scenario_path = scenario_path;
    for (const auto& o : *overrides) job.overrides.emplace_back(o.path, o.value);
    job.scenario = &loaded->scenario;
    job.seed = loaded->scenario.run.seed;
    job.threads = threads;
    for (const auto& result : results::run_job_replications(job, 0, replications)) {
      for (auto* runs : {&occupancy, &medically_fit}) {
        const auto all = runs == &occupancy ? series(result, "acute", "occupancy")
                                            : series(result, "system", "delayed_total");
        runs->emplace_back(all.begin() + std::min<std::ptrdiff_t>(skip, std::ssize(all)), all.end());
      }
    }
    summary = fitting::compare_backtest(fitting::daily_counts(extract, from, to), occupancy, medically_fit);
  } catch (const std::invalid_argument& error) {
    return report_error("backtest", error.what(), kBadInput);
  }
  auto view = backtest_view(summary);
  view.scenario_name = loaded->scenario.run.name;
  view.scenario_path = scenario_path;
  view.extract_path = extract_path;
  view.csv_path = target;
  view.census_date = fitting::format_date(from - burn_in);
  view.burn_in_days = burn_in_days;
  view.replications = replications;
  view.seed = loaded->scenario.run.seed;
  try {
    write_backtest_outputs(summary, view,
                           {target, page, values["force"].as<bool>(), {extract_path, scenario_path}});
  } catch (const std::exception& error) {
    return report_error("backtest", error.what(), kFailure);
  }
  std::cout << fmt::format(
      "Backtest {} to {} ({} days, {} replications): acute occupancy MAPE {:.1f}%, {:.0f}% of "
      "days inside the model's 90% band; medically fit in hospital MAPE {:.1f}%, {:.0f}% of days "
      "inside. Wrote {}{}\n",
      fitting::format_date(from), fitting::format_date(to), days, replications,
      summary.occupancy_mape, 100 * summary.occupancy_inside_share, summary.medically_fit_mape,
      100 * summary.medically_fit_inside_share, target, page ? " and " + *page : "");
  return kSuccess;
}

const CommandRegistration kRegistration{
    {"backtest", "compare a fitted scenario's runs with the extract it was fitted to", backtest}};

}  // namespace
}  // namespace bedflow::cli
