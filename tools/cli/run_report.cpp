#include "run_report.hpp"

#include <iostream>

#include <fmt/format.h>

#include "bedflow/results/counted.hpp"
#include "bedflow/results/measure_summary.hpp"
#include "bedflow/results/observed_window.hpp"

namespace bedflow::cli {
namespace {

void print_precision_verdict(const std::vector<results::MeasureSummary>& summaries,
                             std::size_t replications, const RunReportOptions& options) {
  const auto check = results::check_precision(summaries, options.precision_target,
                                              options.precision_measures);
  std::cout << results::format_precision_verdict(check, options.precision_target, replications)
            << "\n";
}

}  // namespace

void print_run_report(const results::ResultsFile& file, const RunReportOptions& options) {
  const double precision_target = options.precision_target;
  std::vector<std::string> labels;
  std::vector<std::vector<results::MeasureSummary>> per_variant;
  for (const auto& variant : file.variants) {
    labels.push_back(variant.label);
    per_variant.push_back(
        results::summarise_measures(variant.replications, file.metadata.percentiles));
  }
  if (!file.is_sweep()) {
    std::cout << fmt::format("\n{}, seed {}\n",
                             results::counted(file.variants.front().replications.size(),
                                              "replication"),
                             file.metadata.seed);
    if (precision_target > 0.0) {
      print_precision_verdict(per_variant.front(), file.variants.front().replications.size(),
                              options);
    }
    results::SummaryTableOptions table;
    table.window = results::variant_window(file.variants.front());
    table.percentiles = file.metadata.percentiles;
    table.show_percentiles = options.show_percentiles;
    std::cout << results::format_summary_table(per_variant.front(), table);
    return;
  }
  // A sweep: one compact table across variants; every measure stays in the file.
  std::cout << fmt::format("\nSweep {} ({} variants), seed {} for every variant (common random "
                           "numbers)\n",
                           file.metadata.sweep, file.variants.size(), file.metadata.seed);
  std::cout << fmt::format("Observed {}; totals are over this window.\n",
                           results::describe_window(results::variant_window(file.variants.front())));
  for (std::size_t v = 0; v < file.variants.size(); ++v) {
    std::cout << fmt::format("  {}: {}\n", file.variants[v].override_text,
                             results::counted(file.variants[v].replications.size(), "replication"));
    if (precision_target > 0.0) {
      std::cout << "    ";
      print_precision_verdict(per_variant[v], file.variants[v].replications.size(), options);
    }
  }
  std::cout << "Headline measures, mean +/- 95% half-width, by swept value\n"
            << results::format_sweep_table(labels, per_variant)
            << "(all measures: bedflow export <file> --csv DIR, or bedflow compare with "
               "--variant-a/--variant-b)\n";
}

}  // namespace bedflow::cli
