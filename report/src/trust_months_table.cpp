// Waits in ED per acute trust by calendar month, for the section of results by acute trust: a
// table per threshold, a row per month the window touches, a column per trust
// (ed_waits_over_<h>h_<acute>_<yyyy>_<mm>) and one for all trusts together (the system's
// month, ed_waits_over_<h>h_<yyyy>_<mm>). Each cell is a count over its month (a level), the
// mean over replications with its clipped 95% CI, as the other tables show theirs.
#include <algorithm>

#include <fmt/format.h>

#include "bedflow/results/ed_wait_names.hpp"
#include "html.hpp"
#include "labels.hpp"
#include "measure_cell.hpp"
#include "sections.hpp"

namespace bedflow::report {
namespace {

// The thresholds (as names write them: "4", "4p5") and months of the system's monthly
// counts in this scenario, thresholds in the file's order, months as dates sort.
struct Months {
  std::vector<std::string> thresholds;
  std::vector<std::string> months;
};

Months months_of(const ScenarioView& view) {
  Months found;
  for (const auto& summary : view.summaries) {
    EdWaitCount count;
    if (!ed_wait_count(summary.name, count) || !count.service.empty() || count.month.empty())
      continue;
    if (std::find(found.thresholds.begin(), found.thresholds.end(), count.hours) ==
        found.thresholds.end())
      found.thresholds.push_back(count.hours);
    if (std::find(found.months.begin(), found.months.end(), count.month) == found.months.end())
      found.months.push_back(count.month);
  }
  std::sort(found.months.begin(), found.months.end());  // yyyy_mm sorts as dates do
  return found;
}

std::string hours_text(std::string raw) {
  std::replace(raw.begin(), raw.end(), 'p', '.');
  return raw;
}

bool never(const results::MeasureSummary* s) {
  return s == nullptr || (s->ci.mean == 0.0 && s->ci.sd == 0.0);
}

}  // namespace

std::string trust_months_tables(const ScenarioView& view, const std::vector<std::string>& trusts,
                                bool several_scenarios, std::string& note) {
  const Months found = months_of(view);
  bool any = false;
  for (const auto& h : found.thresholds)
    for (const auto& trust : trusts)
      for (const auto& month : found.months)
        any = any || view.find(results::ed_wait_count_name(h, trust, month));
  if (!any) {
    note = fmt::format("{}: the file holds no waits in ED per acute trust by month (written before "
                       "bedflow measured them), so that table is left out.",
                       view.name);
    return {};
  }
  const char* heading = several_scenarios ? "h4" : "h3";
  std::string out;
  for (const auto& h : found.thresholds) {
    const std::string title =
        fmt::format("Waits in ED over {} hours by month and trust (patients in the month)",
                    hours_text(h));
    out += html::element(heading, title);
    std::vector<std::string> headers = {"Month"};
    for (const auto& trust : trusts) headers.push_back(service_label(trust));
    headers.push_back("All trusts together");
    std::vector<std::vector<std::string>> rows;
    bool all_never = true;
    for (const auto& month : found.months) {
      std::string label = month_words(month);
      const auto [observed, length] = month_days_observed(view, month);
      if (observed < length) label += fmt::format(" ({} of {} days)", observed, length);
      std::vector<std::string> row = {html::escape(label)};
      for (const auto& trust : trusts) {
        const auto* s = view.find(results::ed_wait_count_name(h, trust, month));
        all_never = all_never && never(s);
        row.push_back(measure_cell(s));
      }
      const auto* system = view.find(results::ed_wait_count_name(h, "", month));
      all_never = all_never && never(system);
      row.push_back(measure_cell(system));
      rows.push_back(std::move(row));
    }
    if (all_never) {
      out += html::element("p", fmt::format("No patient waited more than {} hours in ED for a "
                                            "bed at any trust in any month, in any replication.",
                                            hours_text(h)));
      continue;
    }
    out += html::table(headers, rows, "numbers");
  }
  return out;
}

}  // namespace bedflow::report
