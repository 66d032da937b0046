#pragma once
// What every section of the report works from: the scenarios to present (one per plain file,
// one per variant of a sweep, the answer of a sizing run), their summaries, and the parts of
// the page being built.
//
// Invariants:
//  - scenarios[0] is the baseline; every scenario points into a ReportSource that outlives
//    the context.
//  - summaries are over the scenario's own replications, as measured (window totals);
//    per_year() turns a total into a rate per year of its own window.
//  - charts holds one JSON object per chart placeholder in `html`, in page order.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bedflow/report/report.hpp"
#include "bedflow/results/compare.hpp"
#include "bedflow/results/measure_summary.hpp"

namespace bedflow::report {

struct ScenarioView {
  std::string name;   // display name
  std::string path;   // the file it came from
  std::string label;  // variant label, empty for a plain run
  const ReportSource* source = nullptr;
  const results::Variant* variant = nullptr;
  model::ObservedWindow window;
  std::vector<results::MeasureSummary> summaries;
  std::map<std::string, std::string> service_kinds;  // services.<name>.kind of the scenario

  const results::RunMetadata& metadata() const { return source->file.metadata; }
  const results::MeasureSummary* find(const std::string& measure) const;
  // The summary as presented: totals per year of this window (per day when `per_day`),
  // levels unchanged. Null when the measure is absent.
  const results::MeasureSummary* find_rate(const std::string& measure, bool per_day) const;
  std::vector<results::MeasureSummary> per_year;
  std::vector<results::MeasureSummary> per_day;
};

struct PageParts {
  std::string html;
  nlohmann::json charts = nlohmann::json::array();
  nlohmann::json dates = nlohmann::json::object();  // shared date axes, by key
  std::vector<std::string> notes;
  std::string next_chart_id() const { return "chart-" + std::to_string(charts.size() + 1); }
};

struct ReportContext {
  std::vector<ScenarioView> scenarios;
  std::vector<const ReportSource*> sizing_sources;
  ReportOptions options;
};

// Scenarios of the sources, in order; sweeps expand to one per variant. Notes what it skips.
std::vector<ScenarioView> scenario_views(const std::vector<ReportSource>& sources,
                                         std::vector<std::string>& notes);

// Colours for scenarios and pathways (Okabe-Ito, distinguishable with colour blindness).
std::string scenario_colour(std::size_t index);

}  // namespace bedflow::report

namespace bedflow::report {

// B - A for every measure both have; paired when the seeds match.
results::Comparison compare_views(const ScenarioView& a, const ScenarioView& b);

// A difference as the report shows it: per year for a total (unit + "/year"), over the
// window for a level. Null when the comparison has neither.
struct ShownDifference {
  const results::Difference* difference = nullptr;
  std::string unit;
};
ShownDifference shown(const results::MeasureDifference& measure);

}  // namespace bedflow::report
