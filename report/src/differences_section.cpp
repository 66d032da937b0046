// With two or more scenarios: each option minus the baseline, measure by measure, with the
// 95% confidence interval of the difference (paired when the seeds match), totals per year.
#include <fmt/format.h>

#include "bedflow/results/counted.hpp"
#include "bedflow/results/observed_window.hpp"
#include "format.hpp"
#include "html.hpp"
#include "labels.hpp"
#include "sections.hpp"

namespace bedflow::report {
namespace {

bool shown_first(const results::MeasureDifference& d) {
  return d.headline || d.name.rfind("cost_", 0) == 0 || d.name == "delayed_discharge_cost";
}

std::vector<std::string> row(const results::MeasureDifference& measure) {
  const auto [d, unit] = shown(measure);
  if (d == nullptr) {
    return {html::escape(measure_label(measure.name)), html::escape(unit_words(measure.unit)), "", "",
            "<span class=\"absent\">n/a</span>", ""};
  }
  std::string effect = html::escape(format_difference(d->difference, unit));
  if (d->significant()) effect = "<strong>" + effect + "</strong>";
  return {html::escape(measure_label(measure.name)), html::escape(unit_words(unit)),
          html::escape(format_value(d->mean_a, unit)), html::escape(format_value(d->mean_b, unit)),
          effect,
          d->half_width > 0.0 ? html::escape(format_difference_range(d->lower(), d->upper(), unit))
                              : "<span class=\"absent\">n/a</span>"};
}

std::string one_option(const ScenarioView& base, const ScenarioView& option) {
  const auto comparison = compare_views(base, option);
  std::string out = html::element("h3", option.name + " against " + base.name);
  out += fmt::format(
      "<p class=\"facts\">Baseline observed {} ({}); option observed {} ({}). {} {}</p>",
      html::escape(results::describe_window(base.window)),
      results::counted(base.variant->replications.size(), "replication"),
      html::escape(results::describe_window(option.window)),
      results::counted(option.variant->replications.size(), "replication"),
      comparison.paired
          ? "Same seed: paired by replication (common random numbers)."
          : "Different seeds: independent samples, Welch interval (wider than paired).",
      html::escape(results::unequal_replications_note(
          comparison.paired, "The baseline", base.variant->replications.size(), "the option",
          option.variant->replications.size())));
  const std::vector<std::string> headers = {"Measure", "Unit", "Baseline", "Option",
                                            "Effect (option − baseline)", "95% CI"};
  std::vector<std::vector<std::string>> first, rest;
  for (const auto& d : comparison.measures) (shown_first(d) ? first : rest).push_back(row(d));
  out += html::table(headers, first, "numbers");
  if (!rest.empty()) {
    out += "<details><summary>All other measures (" + std::to_string(rest.size()) +
           ")</summary>" + html::table(headers, rest, "numbers") + "</details>";
  }
  std::string only;
  for (const auto& name : comparison.only_in_a) only += (only.empty() ? "" : ", ") + name;
  if (!only.empty()) out += html::element("p", "Only in the baseline (not compared): " + only, "note");
  only.clear();
  for (const auto& name : comparison.only_in_b) only += (only.empty() ? "" : ", ") + name;
  if (!only.empty()) out += html::element("p", "Only in the option (not compared): " + only, "note");
  only.clear();
  for (const auto& name : comparison.month_observed_differently)
    only += (only.empty() ? "" : ", ") + name;
  if (!only.empty()) {
    out += html::element("p",
                         "Months the two windows observe for different days (not compared: a "
                         "count over part of a month is no effect): " + only,
                         "note");
  }
  return out;
}

}  // namespace

void add_differences(const ReportContext& context, PageParts& parts) {
  if (context.scenarios.size() < 2) return;
  std::string body;
  for (std::size_t i = 1; i < context.scenarios.size(); ++i) {
    body += one_option(context.scenarios.front(), context.scenarios[i]);
  }
  body += html::element(
      "p",
      "Totals are per year of each scenario's own window, so scenarios observed over different "
      "periods compare; averages and shares as measured. Bold effects have a 95% confidence "
      "interval that excludes zero.",
      "caption");
  parts.html += html::section("differences", "Differences from the baseline", body);
}

}  // namespace bedflow::report
