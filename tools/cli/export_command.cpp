// `bedflow export results.h5 --csv DIR`: the summary and series as CSV files.
#include <iostream>

#include <fmt/format.h>

#include "bedflow/results/csv_export.hpp"
#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "exit_status.hpp"

namespace bedflow::cli {
namespace {

namespace po = boost::program_options;

const CommandSyntax kSyntax{
    "bedflow export RESULTS.h5 --csv DIR",
    "Writes a results file as CSV for spreadsheets: DIR/summary.csv (one row per replication\n"
    "and measure) and DIR/timeseries_<group>_<measure>.csv (one row per sampling time, one\n"
    "column per replication). A sweep's series go to one subdirectory per variant.",
    {"results"}};

int export_results(const std::vector<std::string>& arguments) {
  po::options_description options("Options");
  options.add_options()("csv", po::value<std::string>()->required(),
                        "directory to write the CSV files to (created if missing)");
  ParsedCommandLine parsed;
  try {
    parsed = parse_command_line(arguments, kSyntax, options);
  } catch (const UsageError& error) {
    return report_usage_error("export", error.what(), kSyntax.usage);
  }
  if (parsed.help_shown) return kSuccess;
  const auto path = parsed.values["results"].as<std::string>();
  const auto directory = parsed.values["csv"].as<std::string>();
  results::ResultsFile file;
  try {
    file = results::read_results_file(path);
  } catch (const results::ResultsError& error) {
    return report_error("export", error.what(), kBadInput);
  }
  try {
    const auto written = results::export_csv(file, directory);
    std::cout << fmt::format("Wrote {} CSV files to {}\n", written.size(), directory);
  } catch (const results::ResultsError& error) {
    return report_error("export", error.what(), kFailure);
  }
  return kSuccess;
}

const CommandRegistration kRegistration{
    {"export", "write a results file's summary and series as CSV", export_results}};

}  // namespace
}  // namespace bedflow::cli
