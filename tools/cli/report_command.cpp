// `bedflow report RESULTS.h5 [MORE.h5 ...] [-o report.html]`: one self-contained HTML page.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "bedflow/report/report.hpp"
#include "bedflow/report/report_error.hpp"
#include "bedflow/results/results_error.hpp"
#include "bedflow/results/safe_output.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "exit_status.hpp"

namespace bedflow::cli {
namespace {

namespace po = boost::program_options;

const CommandSyntax kSyntax{
    "bedflow report RESULTS.h5 [MORE.h5 ...] [-o report.html] [--force]",
    "Writes one self-contained HTML page (opens offline, prints on A4) presenting results\n"
    "files: the question and the answer first (headline figures with 95% confidence\n"
    "intervals and the range across replications), charts over time, money, and how the\n"
    "model was run. With two or more files (or a sweep) the first is the baseline and the\n"
    "others are compared with it; a file written by `bedflow size -o` adds its sizing record.\n"
    "Without -o the page goes beside the first file, named after it (.html).",
    {"results"},
    {},
    "more"};

std::string default_output(const std::string& first) {
  return std::filesystem::path(first).replace_extension(".html").string();
}

void write_text(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  out.close();
  if (!out) throw results::ResultsError(fmt::format("{}: cannot write the report", path));
}

int report(const std::vector<std::string>& arguments) {
  po::options_description options("Options");
  options.add_options()
      ("output,o", po::value<std::string>(), "the HTML file to write (default: beside the first file)")
      ("force", po::bool_switch(), "replace the output file if it exists")
      ("max-points", po::value<long long>()->default_value(400),
       "longest series drawn (at least 2); longer ones are thinned to every k-th point");
  ParsedCommandLine parsed;
  std::size_t max_points = 0;
  try {
    parsed = parse_command_line(arguments, kSyntax, options);
    // Read as a signed number: "-1" must be refused, not wrapped to a huge count; a line
    // needs two points.
    if (!parsed.help_shown) {
      max_points = bounded_option<std::size_t>(parsed.values, "max-points", 2, 10'000'000);
    }
  } catch (const UsageError& error) {
    return report_usage_error("report", error.what(), kSyntax.usage);
  }
  if (parsed.help_shown) return kSuccess;
  const auto& values = parsed.values;
  std::vector<std::string> paths = {values["results"].as<std::string>()};
  if (values.count("more")) {
    for (const auto& path : values["more"].as<std::vector<std::string>>()) paths.push_back(path);
  }
  const std::string target =
      values.count("output") ? values["output"].as<std::string>() : default_output(paths.front());
  const auto started = std::chrono::steady_clock::now();
  std::optional<results::SafeOutputFile> output;
  try {
    output.emplace(target, values["force"].as<bool>(), paths);
    for (const auto& note : output->notes()) std::cerr << "note: " << note << "\n";
  } catch (const results::ResultsError& error) {
    return report_error("report", error.what(), kBadInput);
  }
  std::vector<report::ReportSource> sources;
  try {
    for (const auto& path : paths) sources.push_back(report::load_report_source(path));
  } catch (const report::ReportError& error) {
    return report_error("report", error.what(), kBadInput);
  }
  try {
    report::ReportOptions report_options;
    report_options.max_points_per_series = max_points;
    const auto page = report::build_report(sources, report_options);
    write_text(output->temporary_path(), page.html);
    output->commit();
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    for (const auto& note : page.notes) std::cerr << "note: " << note << "\n";
    std::cout << fmt::format("Wrote {} ({:.1f} MB, {} charts) in {:.2f} s.\n", target,
                             static_cast<double>(page.html.size()) / 1e6, page.charts,
                             elapsed.count());
  } catch (const std::exception& error) {
    return report_error("report", error.what(), kFailure);  // `output` removes the temporary file
  }
  return kSuccess;
}

const CommandRegistration kRegistration{
    {"report", "write a self-contained HTML report of one or more results files", report}};

}  // namespace
}  // namespace bedflow::cli
