#include "run_report.hpp"

#include <iostream>

#include <fmt/format.h>

#include "bedflow/results/measure_summary.hpp"

namespace bedflow::cli {

void print_run_report(const results::ResultsFile& file, double precision_target) {
  for (const auto& variant : file.variants) {
    const auto summaries = results::summarise_measures(variant.replications);
    std::cout << "\n";
    if (!variant.label.empty()) {
      std::cout << fmt::format("== Variant {} ({})\n", variant.label, variant.override_text);
    }
    std::cout << fmt::format("{} replications, seed {}\n", variant.replications.size(),
                             file.metadata.seed);
    if (precision_target > 0.0) {
      const auto check = results::check_precision(summaries, precision_target);
      if (check.reached) {
        std::cout << fmt::format(
            "Precision reached: every headline 95% CI is within {:g}% of its mean after {} "
            "replications.\n",
            100.0 * precision_target, variant.replications.size());
      } else {
        std::cout << fmt::format(
            "Precision NOT reached within the cap of {} replications; still too wide: {}\n",
            variant.replications.size(), fmt::join(check.not_reached, ", "));
      }
      if (!check.skipped.empty()) {
        std::cout << fmt::format("(not assessed, mean 0: {})\n", fmt::join(check.skipped, ", "));
      }
    }
    std::cout << results::format_summary_table(summaries);
  }
}

}  // namespace bedflow::cli
