// `bedflow compare A.h5 B.h5 [--csv]`: B - A for each measure both files have.
#include <iostream>

#include <fmt/format.h>

#include "bedflow/results/compare.hpp"
#include "bedflow/results/observed_window.hpp"
#include "bedflow/results/read_results.hpp"
#include "bedflow/results/results_error.hpp"
#include "command_line.hpp"
#include "command_registry.hpp"
#include "exit_status.hpp"

namespace bedflow::cli {
namespace {

namespace po = boost::program_options;

const CommandSyntax kSyntax{
    "bedflow compare A.h5 B.h5 [--csv] [--percentiles] [--variant-a LABEL] [--variant-b LABEL]",
    "For each measure in both results files, the difference B - A with its 95% confidence\n"
    "interval. Both observed windows are printed; totals (patients, bed-days, GBP) are compared\n"
    "over the window when both files observed the same one, and always per year; levels\n"
    "(means, shares, durations) as they are. Cost components give the extra cost, the saving\n"
    "and the net change per year. When both runs used the same seed (common random numbers)\n"
    "the difference is paired by replication, which removes the noise the two runs share;\n"
    "otherwise Welch's interval is used and a warning says so. Measures found in one file only are listed.\n"
    "For a file holding a sweep, pick the variant to compare with --variant-a/--variant-b.",
    {"a", "b"}};

int compare(const std::vector<std::string>& arguments) {
  po::options_description options("Options");
  options.add_options()
      ("csv", po::bool_switch(), "print CSV instead of a table")
      ("percentiles", po::bool_switch(),
       "also show the replications' spread of each difference (paired runs; the "
       "percentiles of A's outputs.percentiles)")
      ("variant-a", po::value<std::string>()->default_value(""), "variant of A (sweeps)")
      ("variant-b", po::value<std::string>()->default_value(""), "variant of B (sweeps)");
  ParsedCommandLine parsed;
  try {
    parsed = parse_command_line(arguments, kSyntax, options);
  } catch (const UsageError& error) {
    return report_usage_error("compare", error.what(), kSyntax.usage);
  }
  if (parsed.help_shown) return kSuccess;
  const auto& values = parsed.values;
  const auto path_a = values["a"].as<std::string>();
  const auto path_b = values["b"].as<std::string>();
  try {
    const auto a = results::read_results_file(path_a, {.patient_events = false});
    const auto b = results::read_results_file(path_b, {.patient_events = false});
    const auto& variant_a = results::find_variant(a, values["variant-a"].as<std::string>(), path_a);
    const auto& variant_b = results::find_variant(b, values["variant-b"].as<std::string>(), path_b);
    const bool paired = a.metadata.seed == b.metadata.seed;
    if (!paired) {
      std::cerr << fmt::format(
          "warning: {} and {} were run with different seeds ({} and {}): no common random "
          "numbers, so replications are not paired and intervals (Welch) are wider. Run both "
          "with the same --seed for a sharper comparison.\n",
          path_a, path_b, a.metadata.seed, b.metadata.seed);
    } else if (const auto note = results::unequal_replications_note(
                   paired, path_a, variant_a.replications.size(), path_b,
                   variant_b.replications.size());
               !note.empty()) {
      std::cerr << "note: " << note << "\n";
    }
    const auto comparison =
        results::compare_replications(variant_a.replications, variant_b.replications, paired,
                                      a.metadata.percentiles);
    if (!comparison.same_window()) {
      std::cerr << fmt::format(
          "warning: {} observed {} and {} observed {}: totals are compared per year only.\n",
          path_a, results::describe_window(comparison.window_a), path_b,
          results::describe_window(comparison.window_b));
    }
    if (values["csv"].as<bool>()) {
      std::cout << results::format_comparison_csv(comparison);
    } else {
      // A variant of a sweep is named with its file: "sweep.h5, services.acute.capacity=500".
      auto named = [](const std::string& path, const results::Variant& variant) {
        if (variant.label.empty()) return path;
        return path + ", " +
               (variant.override_text.empty() ? variant.label : variant.override_text);
      };
      std::cout << results::format_comparison_table(comparison, named(path_a, variant_a),
                                                    named(path_b, variant_b),
                                                    values["percentiles"].as<bool>());
    }
  } catch (const results::ResultsError& error) {
    return report_error("compare", error.what(), kBadInput);
  }
  return kSuccess;
}

const CommandRegistration kRegistration{
    {"compare", "difference B - A of two results files, with 95% confidence intervals",
     compare}};

}  // namespace
}  // namespace bedflow::cli
