// Table and CSV renderings of a Comparison.
#include <algorithm>

#include <fmt/format.h>

#include "bedflow/results/compare.hpp"
#include "csv_field.hpp"
#include "table_number.hpp"

namespace bedflow::results {

std::string format_comparison_table(const Comparison& comparison, const std::string& name_a,
                                    const std::string& name_b) {
  std::size_t width = 7;
  for (const auto& d : comparison.measures) width = std::max(width, d.name.size());
  std::string out = fmt::format("B - A, where A = {} and B = {}; 95% confidence intervals, {}\n",
                                name_a, name_b,
                                comparison.paired ? "paired by replication (common random numbers)"
                                                  : "Welch (independent samples)");
  out += fmt::format("  {:<{}}  {:>12}  {:>12}  {:>12}  {:>27}  {:>3}  {}\n", "measure", width,
                     "mean A", "mean B", "B - A", "95% CI", "", "unit");
  bool headline_section = true;
  for (const auto& d : comparison.measures) {
    if (headline_section && !d.headline) {
      headline_section = false;
      if (&d != &comparison.measures.front()) out += "  --\n";
    }
    const std::string interval =
        d.half_width > 0.0
            ? fmt::format("[{}, {}]", table_number(d.lower()), table_number(d.upper()))
            : (d.difference == 0.0 ? std::string("(identical)") : std::string("(no interval)"));
    std::string unit = d.unit;
    if (d.unit_mismatch) unit += " (units differ)";
    out += fmt::format("  {:<{}}  {:>12}  {:>12}  {:>12}  {:>27}  {:>3}  {}\n", d.name, width,
                       table_number(d.mean_a), table_number(d.mean_b),
                       table_number(d.difference), interval, d.significant() ? "*" : "", unit);
  }
  out += "  * the interval excludes zero\n";
  if (!comparison.only_in_a.empty()) {
    out += fmt::format("Only in A (not compared): {}\n", fmt::join(comparison.only_in_a, ", "));
  }
  if (!comparison.only_in_b.empty()) {
    out += fmt::format("Only in B (not compared): {}\n", fmt::join(comparison.only_in_b, ", "));
  }
  return out;
}

std::string format_comparison_csv(const Comparison& comparison) {
  std::string out = "measure,unit,headline,mean_a,mean_b,difference,ci_lower,ci_upper,n_a,n_b,paired\n";
  for (const auto& d : comparison.measures) {
    out += fmt::format("{},{},{},{:.17g},{:.17g},{:.17g},{:.17g},{:.17g},{},{},{}\n",
                       csv_field(d.name), csv_field(d.unit), d.headline ? 1 : 0, d.mean_a,
                       d.mean_b, d.difference, d.lower(), d.upper(), d.n_a, d.n_b,
                       comparison.paired ? 1 : 0);
  }
  return out;
}

}  // namespace bedflow::results
