// Table and CSV renderings of a Comparison.
#include <algorithm>

#include <fmt/format.h>

#include "bedflow/results/compare.hpp"
#include "bedflow/results/measure_summary.hpp"
#include "bedflow/results/observed_window.hpp"
#include "csv_field.hpp"
#include "table_number.hpp"

namespace bedflow::results {
namespace {

std::string interval_text(const Difference& d) {
  if (d.half_width > 0.0) {
    return fmt::format("[{}, {}]", table_number(d.lower()), table_number(d.upper()));
  }
  return d.difference == 0.0 ? std::string("(identical)") : std::string("(no interval)");
}

// "mean A  mean B  B - A  [CI]  *" for one basis, or blanks when the basis does not apply.
std::string columns_text(const std::optional<Difference>& d, const char* absent) {
  if (!d) return fmt::format("{:>12}  {:>12}  {:>12}  {:>27}  {:>1}", absent, "", "", "", "");
  return fmt::format("{:>12}  {:>12}  {:>12}  {:>27}  {:>1}", table_number(d->mean_a),
                     table_number(d->mean_b), table_number(d->difference), interval_text(*d),
                     d->significant() ? "*" : "");
}

std::string windows_text(const Comparison& c, const std::string& name_a,
                         const std::string& name_b) {
  std::string out = fmt::format("A = {}: observed {}\nB = {}: observed {}\n", name_a,
                                describe_window(c.window_a), name_b,
                                describe_window(c.window_b));
  if (c.same_window()) {
    out += fmt::format("Totals are compared over the common window and per year (x 365/{:g}); "
                       "levels (means, shares, durations) as they are.\n",
                       c.window_a.days());
  } else {
    out += "The windows DIFFER: totals are compared per year only (each file's total x 365 / "
           "its own window's days), never as totals; levels as they are.\n";
  }
  return out;
}

std::string money_text(const Comparison& c) {
  const CostChange money = cost_change(c);
  if (!money.has_costs) return {};
  return fmt::format(
      "Money per year (GBP): the components that rose add {}, those that fell save {}; net "
      "change in cost_total {} {}{}.\n",
      table_number(money.extra_cost_per_year), table_number(money.saving_per_year),
      table_number(money.net_per_year.difference), interval_text(money.net_per_year),
      money.net_per_year.significant() ? " *" : "");
}

// The replications' spread of each effect: one row per measure, one column per percentile.
std::string spread_text(const Comparison& c, std::size_t width) {
  if (c.percentiles.empty()) {
    return "Spread of B - A: only for paired runs (the same seed in both files).\n";
  }
  std::string out = "Spread of B - A across replications (the range of plausible effects in "
                    "one period, not a CI), over the window or else per year:\n";
  out += fmt::format("  {:<{}}", "measure", width);
  for (const double p : c.percentiles) out += fmt::format("  {:>12}", percentile_label(p));
  out += "\n";
  for (const auto& d : c.measures) {
    const Difference& effect = d.effect();
    out += fmt::format("  {:<{}}", d.name, width);
    for (const double value : effect.percentiles) out += fmt::format("  {:>12}", table_number(value));
    out += fmt::format("  {}{}\n", d.unit, d.over_window ? "" : "/year");
  }
  return out;
}

}  // namespace

std::string format_comparison_table(const Comparison& comparison, const std::string& name_a,
                                    const std::string& name_b, bool show_percentiles) {
  std::size_t width = 7;
  for (const auto& d : comparison.measures) width = std::max(width, d.name.size());
  std::string out = windows_text(comparison, name_a, name_b);
  out += fmt::format("B - A with 95% confidence intervals, {}\n",
                     comparison.paired ? "paired by replication (common random numbers)"
                                       : "Welch (independent samples)");
  out += fmt::format("  {:<{}}  {:>12}  {:>12}  {:>12}  {:>27}  {:>1}  {:<14}|  {:>12}  {:>12}  "
                     "{:>12}  {:>27}\n",
                     "measure", width, "A", "B", "B - A", "95% CI", "", "unit", "A per year",
                     "B per year", "B - A /year", "95% CI");
  bool headline_section = true;
  for (const auto& d : comparison.measures) {
    if (headline_section && !d.headline) {
      headline_section = false;
      if (&d != &comparison.measures.front()) out += "  --\n";
    }
    std::string unit = d.unit;
    if (d.unit_mismatch) unit += " (units differ)";
    std::string line = fmt::format("  {:<{}}  {}  {:<14}|  {}", d.name, width,
                                   columns_text(d.over_window, "(windows differ)"), unit,
                                   d.per_year ? columns_text(d.per_year, "") : std::string());
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
  }
  out += "  * the interval excludes zero\n";
  out += money_text(comparison);
  if (show_percentiles) out += spread_text(comparison, width);
  if (!comparison.only_in_a.empty()) {
    out += fmt::format("Only in A (not compared): {}\n", fmt::join(comparison.only_in_a, ", "));
  }
  if (!comparison.month_observed_differently.empty()) {
    out += fmt::format("Months the windows observe for different days (not compared): {}\n",
                       fmt::join(comparison.month_observed_differently, ", "));
  }
  if (!comparison.only_in_b.empty()) {
    out += fmt::format("Only in B (not compared): {}\n", fmt::join(comparison.only_in_b, ", "));
  }
  return out;
}

std::string format_comparison_csv(const Comparison& comparison) {
  std::string out =
      "measure,unit,accumulation,headline,mean_a,mean_b,difference,ci_lower,ci_upper,"
      "mean_a_per_year,mean_b_per_year,difference_per_year,ci_lower_per_year,"
      "ci_upper_per_year,n_a,n_b,paired,window_a,window_b\n";
  auto cells = [](const std::optional<Difference>& d) {
    if (!d) return std::string(",,,,");
    return fmt::format("{:.17g},{:.17g},{:.17g},{:.17g},{:.17g}", d->mean_a, d->mean_b,
                       d->difference, d->lower(), d->upper());
  };
  const std::string windows = fmt::format("{},{}", csv_field(describe_window(comparison.window_a)),
                                          csv_field(describe_window(comparison.window_b)));
  out.pop_back();
  for (const double p : comparison.percentiles) {
    const std::string name = percentile_label(p);
    out += fmt::format(",{}_difference,{}_difference_per_year", name, name);
  }
  out += "\n";
  auto spread = [&comparison](const MeasureDifference& d) {
    std::string text;
    for (std::size_t k = 0; k < comparison.percentiles.size(); ++k) {
      for (const auto* basis : {&d.over_window, &d.per_year}) {
        text.push_back(',');
        if (*basis && k < (*basis)->percentiles.size()) {
          text.append(fmt::format("{:.17g}", (*basis)->percentiles[k]));
        }
      }
    }
    return text;
  };
  for (const auto& d : comparison.measures) {
    out += fmt::format("{},{},{},{},{},{},{},{},{},{}{}\n", csv_field(d.name), csv_field(d.unit),
                       d.accumulation == model::Accumulation::total ? "total" : "level",
                       d.headline ? 1 : 0, cells(d.over_window), cells(d.per_year), d.n_a,
                       d.n_b, comparison.paired ? 1 : 0, windows, spread(d));
  }
  return out;
}

}  // namespace bedflow::results
