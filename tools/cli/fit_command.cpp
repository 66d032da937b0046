// `bedflow fit EXTRACT.csv [--mapping MAP.yaml] [--census-date D] -o FITTED.yaml`: a scenario
// fitted to a patient-level extract (library: fitting/, methods: docs/fitting.md).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "bedflow/fitting/extract.hpp"
#include "bedflow/fitting/fit_extract.hpp"
#include "bedflow/fitting/scenario_writer.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/safe_output.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "exit_status.hpp"

namespace bedflow::cli {
namespace {

namespace po = boost::program_options;
namespace fs = std::filesystem;

const CommandSyntax kSyntax{
    "bedflow fit EXTRACT.csv -o FITTED.yaml [--mapping MAP.yaml] [--census-date DATE] [--force]",
    "Fits a scenario to a patient-level extract (one row per hospital spell; format in\n"
    "docs/fitting.md): arrival rates with weekday, hour-of-day and monthly profiles per\n"
    "stream, cohort mixes, each cohort's acute stay (lognormal, gamma, Weibull or exponential\n"
    "by maximum likelihood with right-censoring, chosen by AIC; empirical when none fits),\n"
    "pathway shares, the delay from ready for discharge to leaving per pathway, community\n"
    "stays when the extract has them. With --census-date, also the patients in hospital (and\n"
    "in community services) at the start of that day, as a census CSV beside the scenario,\n"
    "which then starts from it.\n"
    "Refused input (a bad row, a missing column) is reported as FILE:LINE: column 'NAME':\n"
    "message with exit status 2 and nothing written; every bad row is found (the first 20\n"
    "shown, with the total and the count of each kind).",
    {"extract"}};

void write_file(const std::string& target, const std::string& text, bool force,
                const std::vector<std::string>& inputs) {
  results::SafeOutputFile output(target, force, inputs);
  {
    std::ofstream out(output.temporary_path(), std::ios::binary);
    out << text;
    out.close();
    if (!out) throw results::ResultsError("cannot write " + output.temporary_path());
  }
  output.commit();
}

int fit(const std::vector<std::string>& arguments) {
  po::options_description options("Options");
  options.add_options()
      ("output,o", po::value<std::string>()->required(), "scenario file to write (.yaml)")
      ("mapping", po::value<std::string>(), "column mapping file (YAML)")
      ("census-date", po::value<std::string>(), "write the census at the start of this day")
      ("force", po::bool_switch(), "overwrite existing output files");
  ParsedCommandLine parsed;
  try {
    parsed = parse_command_line(arguments, kSyntax, options);
  } catch (const UsageError& error) {
    return report_usage_error("fit", error.what(), kSyntax.usage);
  }
  if (parsed.help_shown) return kSuccess;
  const auto& values = parsed.values;
  const auto extract_path = values["extract"].as<std::string>();
  const auto target = values["output"].as<std::string>();
  const bool force = values["force"].as<bool>();
  std::optional<std::string> census_date;
  if (values.count("census-date")) census_date = values["census-date"].as<std::string>();

  fitting::FittedSystem fitted;
  try {
    const auto mapping = values.count("mapping")
                             ? fitting::read_mapping(values["mapping"].as<std::string>())
                             : fitting::ColumnMapping{};
    const auto extract = fitting::read_extract(extract_path, mapping);
    fitted = fitting::fit_extract(extract, census_date);
  } catch (const fitting::ExtractError& error) {
    return report_error("fit", error.what(), kBadInput);
  } catch (const std::invalid_argument& error) {
    return report_error("fit", error.what(), kBadInput);
  } catch (const std::exception& error) {
    return report_error("fit", std::string("the fit failed: ") + error.what(), kFailure);
  }

  fitting::ScenarioText settings;
  const fs::path target_path(target);
  settings.name = target_path.stem().string();
  std::string census_target;
  if (fitted.census_date) {
    settings.census_file = target_path.stem().string() + "-census-" + *fitted.census_date + ".csv";
    census_target = (target_path.parent_path() / settings.census_file).string();
  }
  // Both outputs are checked before either is written: never half an answer.
  for (const auto& path : {target, census_target}) {
    if (!path.empty() && !force && fs::exists(path)) {
      return report_error("fit", path + " exists (use --force to replace it)", kBadInput);
    }
  }
  const auto yaml = fitting::scenario_yaml(fitted, settings);
  try {
    if (!census_target.empty()) write_file(census_target, fitting::census_csv(fitted), force, {extract_path});
    try {
      write_file(target, yaml, force, {extract_path});
    } catch (const results::ResultsError&) {
      if (!census_target.empty()) fs::remove(census_target);
      throw;
    }
  } catch (const results::ResultsError& error) {
    return report_error("fit", error.what(), kBadInput);
  }
  for (const auto& warning : fitted.warnings) std::cerr << "bedflow fit: warning: " << warning << "\n";
  std::cout << fmt::format("Fitted {} spells ({} to {}): {} streams, {} cohorts; wrote {}{}\n",
                           fitted.rows, fitted.first_day, fitted.last_day, fitted.streams.size(),
                           fitted.cohorts.size(), target,
                           census_target.empty() ? "" : " and " + census_target);
  return kSuccess;
}

const CommandRegistration kRegistration{
    {"fit", "fit a scenario to a patient-level extract (CSV of hospital spells)", fit}};

}  // namespace
}  // namespace bedflow::cli
