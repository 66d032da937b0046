// `bedflow export RESULTS.h5 [MORE.h5] (--csv DIR | --xlsx BOOK.xlsx)`: results as tidy CSV
// files or as an Excel workbook (with a comparison when two files are given).
#include <iostream>
#include <optional>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/results/sizing_csv.hpp"
#include "bedflow/results/csv_folder.hpp"
#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/results_file.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "exit_status.hpp"
#include "workbook/export_workbook.hpp"

namespace bedflow::cli {
namespace {

namespace po = boost::program_options;

const CommandSyntax kSyntax{
    "bedflow export RESULTS.h5 [B.h5] (--csv DIR | --xlsx BOOK.xlsx) [--force] "
    "[--variant-a LABEL] [--variant-b LABEL]",
    "Writes a results file for spreadsheets.\n"
    "--csv DIR: tidy CSV (one value per row, each with its unit and window): summary.csv (one\n"
    "row per replication and measure), statistics.csv (mean, 95% CI, percentiles, per day and\n"
    "per year, one row per measure) and timeseries.csv (one row per replication, series and\n"
    "date); for a sizing file also sizing.csv (every evaluated point, one column per lever)\n"
    "and, with two levers, sizing_frontier.csv. The files appear together when all are\n"
    "complete; a DIR that already holds files is refused unless --force.\n"
    "--xlsx BOOK.xlsx: an Excel workbook (About, Summary, Costs, Daily; Trusts and Trusts by\n"
    "month when a scenario has several acute services; Sizing when the file holds a sizing\n"
    "record). Given a second file B.h5, it adds a Comparison sheet: B - A with\n"
    "the first file as the baseline A (pick sweep variants with --variant-a/--variant-b; with\n"
    "one file they are refused: give a sweep file twice to compare two of its variants). The\n"
    "workbook appears only when complete; an existing one is kept unless --force.",
    {"results"},
    {"second"}};

int export_results(const std::vector<std::string>& arguments) {
  po::options_description options("Options");
  options.add_options()
      ("csv", po::value<std::string>(), "directory to write the CSV files to (created if missing)")
      ("xlsx", po::value<std::string>(), "workbook to write (.xlsx)")
      ("force", po::bool_switch(),
       "overwrite an existing workbook, or the CSV files in a folder that holds files")
      ("variant-a", po::value<std::string>()->default_value(""), "variant of the first file (sweeps)")
      ("variant-b", po::value<std::string>()->default_value(""), "variant of the second file (sweeps)");
  ParsedCommandLine parsed;
  try {
    parsed = parse_command_line(arguments, kSyntax, options);
    if (!parsed.help_shown && parsed.values.count("csv") + parsed.values.count("xlsx") != 1) {
      throw UsageError("give exactly one of --csv DIR and --xlsx BOOK.xlsx");
    }
    if (!parsed.help_shown && parsed.values.count("csv") && parsed.values.count("second")) {
      throw UsageError("--csv exports one results file; two files make a workbook (--xlsx)");
    }
    if (!parsed.help_shown) {
      const std::size_t files = parsed.values.count("second") ? 2 : 1;
      for (const char* option : {"variant-a", "variant-b"}) {
        if (parsed.values[option].as<std::string>().empty()) continue;
        const auto problem = results::variant_option_problem(std::string("--") + option, files);
        if (!problem.empty()) throw UsageError(problem);
      }
    }
  } catch (const UsageError& error) {
    return report_usage_error("export", error.what(), kSyntax.usage);
  }
  if (parsed.help_shown) return kSuccess;
  const auto& values = parsed.values;
  const auto path = values["results"].as<std::string>();

  if (values.count("csv")) {
    const auto directory = values["csv"].as<std::string>();
    results::ResultsFile file;
    std::optional<analysis::StoredSizingRecord> sizing;
    try {
      file = results::read_results_file(path, {.patient_events = false});
      sizing = analysis::read_sizing_record(path);
      results::check_csv_folder(directory, values["force"].as<bool>());
    } catch (const results::ResultsError& error) {
      return report_error("export", error.what(), kBadInput);
    } catch (const analysis::AnalysisError& error) {
      return report_error("export", error.what(), kBadInput);
    }
    try {
      results::MoreCsvFiles more;
      if (sizing) {
        more = [&](const std::string& folder) { return results::write_sizing_csv(*sizing, folder); };
      }
      const auto written = results::export_csv_folder(file, directory, more);
      for (const auto& note : written.notes) std::cerr << "bedflow export: " << note << "\n";
      std::cout << fmt::format("Wrote {} CSV files to {}\n", written.files.size(), directory);
    } catch (const results::ResultsError& error) {
      return report_error("export", error.what(), kFailure);
    } catch (const analysis::AnalysisError& error) {
      return report_error("export", error.what(), kFailure);
    }
    return kSuccess;
  }

  return export_workbook(arguments, values);
}

const CommandRegistration kRegistration{
    {"export", "write results as tidy CSV or an Excel workbook (with a comparison)",
     export_results}};

}  // namespace
}  // namespace bedflow::cli
