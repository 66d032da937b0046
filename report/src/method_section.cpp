// How the model was run (after STRESS-DES): the scenario's own account of its question and
// sources, the assumptions with their sources, warm-up or census start, replications and
// how the intervals were made, and the software that produced the files.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include "assumptions.hpp"
#include "bedflow/results/counted.hpp"
#include "bedflow/results/observed_window.hpp"
#include "format.hpp"
#include "html.hpp"
#include "scenario_text.hpp"
#include "sections.hpp"

namespace bedflow::report {
namespace {

std::string resolved_of(const ScenarioView& view) {
  return view.variant->resolved_yaml.empty() ? view.metadata().scenario_resolved
                                             : view.variant->resolved_yaml;
}

std::string start_text(const ScenarioView& view) {
  std::string start, warmup, census;
  try {
    const YAML::Node root = YAML::Load(resolved_of(view));
    if (root["scenario"]) {
      if (root["scenario"]["start"]) start = root["scenario"]["start"].Scalar();
      if (root["scenario"]["warmup_days"]) warmup = root["scenario"]["warmup_days"].Scalar();
    }
    if (root["initial_state"] && root["initial_state"]["census_csv"]) {
      census = root["initial_state"]["census_csv"].Scalar();
    }
  } catch (const YAML::Exception&) {
  }
  const std::string window = results::describe_window(view.window);
  if (!census.empty()) {
    return fmt::format("Started on {} from a census of the patients in place ({}), so no "
                       "warm-up is needed{}; observed {}.",
                       start, census, warmup.empty() || warmup == "0" ? "" : " (warm-up " + warmup + " days)",
                       window);
  }
  if (warmup.empty() || warmup == "0") {
    return fmt::format("Started empty on {} with no warm-up: beds and community services "
                       "start empty, so the first days are quieter than usual. Observed {}.",
                       start.empty() ? "the start date" : start, window);
  }
  return fmt::format("Started empty on {} and run for a {}-day warm-up so that beds and "
                     "community services fill to their usual level; every statistic is reset at "
                     "its end. Observed {}.",
                     start.empty() ? "the start date" : start, warmup, window);
}

std::string assumptions_table(const std::vector<AssumptionRow>& rows) {
  std::vector<std::vector<std::string>> cells;
  std::string last_section;
  for (const auto& row : rows) {
    const std::string section = row.section == last_section ? "" : section_title(row.section);
    last_section = row.section;
    cells.push_back({html::escape(section), html::escape(row.item), html::escape(row.setting),
                     "<code>" + html::escape(row.value) + "</code>",
                     row.source.empty() ? "" : html::escape(row.source)});
  }
  return html::table({"Area", "Item", "Setting", "Value", "Source or note (from the scenario file)"},
                     cells, "assumptions");
}

std::string run_facts(const ScenarioView& view) {
  const auto& meta = view.metadata();
  std::string replications = results::counted(view.variant->replications.size(), "replication");
  if (meta.precision_target > 0.0) {
    replications += fmt::format(" (precision mode: run until each headline 95% CI was within "
                                "{}% of its mean, at most {}{})",
                                format_number(meta.precision_target * 100.0), meta.max_replications,
                                view.variant->precision_reached ? "" : "; the cap was reached first");
  }
  std::vector<std::vector<std::string>> rows = {
      {"Scenario file", html::escape(meta.scenario_file)},
      {"Results file", html::escape(view.path)},
      {"Warm-up or census start", html::escape(start_text(view))},
      {"Replications", html::escape(replications)},
      {"Seed", html::escape(std::to_string(meta.seed))},
  };
  if (!meta.overrides.empty()) rows.push_back({"Overrides (--set)", "<code>" + html::escape(meta.overrides) + "</code>"});
  if (!meta.sweep.empty()) rows.push_back({"Sweep", "<code>" + html::escape(meta.sweep) + "</code>"});
  rows.push_back({"Software", html::escape(fmt::format("bedflow {} (commit {})", meta.bedflow_version,
                                                       meta.git_commit))});
  rows.push_back({"Run", html::escape(meta.started_at + " to " + meta.finished_at)});
  return html::table({"", ""}, rows, "facts-table");
}

}  // namespace

void add_method(const ReportContext& context, PageParts& parts) {
  if (context.scenarios.empty()) return;
  std::string body;
  const auto& base = context.scenarios.front();
  const auto& percentiles = base.metadata().percentiles;
  body += html::element(
      "p",
      fmt::format(
          "Each scenario was simulated patient by patient (discrete-event simulation) several "
          "times with different random numbers (replications). Confidence intervals are Student-t "
          "95% intervals of the mean over replications (mean ± t(n−1, 0.975) × sd / √n). Ranges "
          "are the {:g}th to {:g}th percentiles of the replications' values: how much one "
          "simulated period differs from another, not how well the mean is known. Scenarios run "
          "with the same seed share their random numbers (common random numbers), so their "
          "differences are paired by replication.",
          percentiles.size() >= 2 ? percentiles.front() : 5.0,
          percentiles.size() >= 2 ? percentiles.back() : 95.0));
  std::vector<AssumptionRow> base_rows;
  for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
    const auto& view = context.scenarios[i];
    body += html::element("h3", view.name);
    body += run_facts(view);
    const std::string opening = opening_comment(view.metadata().scenario_given);
    if (!opening.empty()) {
      body += "<details open><summary>The scenario file's opening comment</summary><pre class=\"comment\">" +
              html::escape(opening) + "</pre></details>";
    }
    const auto rows = assumption_rows(resolved_of(view), trailing_comments(view.metadata().scenario_given));
    if (rows.empty()) {
      body += html::missing("The resolved scenario could not be read, so its assumptions are not listed.");
      continue;
    }
    if (i == 0) {
      base_rows = rows;
      body += html::element("h4", "Assumptions");
      body += assumptions_table(rows);
      continue;
    }
    std::vector<AssumptionRow> changed;
    for (const auto& row : rows) {
      bool same = false;
      for (const auto& b : base_rows) same = same || (b.same_place(row) && b.value == row.value);
      if (!same) changed.push_back(row);
    }
    body += html::element("h4", "Assumptions that differ from the baseline");
    body += changed.empty() ? html::element("p", "None.") : assumptions_table(changed);
  }
  body += html::element(
      "p",
      "Sources are the comments the scenario's author wrote in the file given to bedflow; "
      "values inherited through extends: are listed, but their comments stay in the file they "
      "come from.",
      "caption");
  parts.html += html::section("method", "How the model was run", body);
}

}  // namespace bedflow::report
