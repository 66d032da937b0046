// Results per acute trust, for scenarios with more than one acute service: a table per
// scenario with a row per trust (in the scenario's order) and a row for all trusts together,
// from the per-acute measures (occupancy_share_<a>, ed_mean_wait_hours_<a>,
// ed_waits_over_<h>h_<a>, delayed_patients_mean_<a>, escalation_beds_mean_open_<a>) and the
// system's, then the waits in ED over each threshold by month, a column per trust
// (trust_months_table.cpp). Left out entirely
// when no scenario has those measures (one acute service: they would repeat the system's).
#include <algorithm>

#include <fmt/format.h>

#include "bedflow/results/observed_window.hpp"
#include "format.hpp"
#include "html.hpp"
#include "labels.hpp"
#include "measure_cell.hpp"
#include "sections.hpp"

namespace bedflow::report {
namespace {

// The acute services with per-acute measures, in the order the file lists their measures
// (the scenario's order).
std::vector<std::string> trusts_of(const ScenarioView& view) {
  std::vector<std::string> trusts;
  const std::string prefix = "ed_mean_wait_hours_";
  for (const auto& summary : view.summaries) {
    if (summary.name.rfind(prefix, 0) != 0) continue;
    const std::string name = summary.name.substr(prefix.size());
    const auto kind = view.service_kinds.find(name);
    if (kind != view.service_kinds.end() && kind->second != "acute") continue;
    trusts.push_back(name);
  }
  return trusts;
}

// The system's ED wait thresholds as they appear in measure names ("4", "12", "4p5").
std::vector<std::string> thresholds_of(const ScenarioView& view) {
  std::vector<std::string> found;
  for (const auto& summary : view.summaries) {
    if (!ed_wait_threshold(summary.name).empty())
      found.push_back(summary.name.substr(14, summary.name.size() - 15));  // ed_waits_over_<h>h
  }
  return found;
}

std::string hours_text(std::string raw) {
  std::replace(raw.begin(), raw.end(), 'p', '.');
  return raw;
}

void trust_table(const ScenarioView& view, const std::vector<std::string>& trusts,
                 bool several_scenarios, std::string& body) {
  const std::vector<std::string> thresholds = thresholds_of(view);
  std::vector<std::string> headers = {"Acute trust", "Beds occupied (share of open beds)",
                                      "Mean wait in ED for a bed (hours)"};
  for (const auto& h : thresholds)
    headers.push_back(fmt::format("Waits in ED over {} hours (patients a day)", hours_text(h)));
  headers.push_back("Medically fit patients still in a bed (average)");
  // Escalation beds open: a column only when the trusts have escalation levels.
  const bool escalation = view.find("escalation_beds_mean_open_" + trusts.front()) != nullptr;
  if (escalation) headers.push_back("Escalation beds open (average)");
  const auto row_of = [&](const std::string& label, const std::string& suffix,
                          const std::string& occupancy, const std::string& ed_wait,
                          const std::string& delayed) {
    std::vector<std::string> row = {html::escape(label), measure_cell(view.find(occupancy)),
                                    measure_cell(view.find(ed_wait))};
    for (const auto& h : thresholds)
      row.push_back(measure_cell(view.find_rate("ed_waits_over_" + h + "h" + suffix, true)));
    row.push_back(measure_cell(view.find(delayed)));
    if (escalation) {
      const std::string name = suffix.empty() ? "escalation_beds_mean_open"
                                              : "escalation_beds_mean_open" + suffix;
      row.push_back(measure_cell(view.find(name)));
    }
    return row;
  };
  std::vector<std::vector<std::string>> rows;
  for (const auto& trust : trusts) {
    const std::string suffix = "_" + trust;
    rows.push_back(row_of(service_label(trust), suffix, "occupancy_share" + suffix,
                          "ed_mean_wait_hours" + suffix, "delayed_patients_mean" + suffix));
  }
  rows.push_back(row_of("All trusts together", "", "acute_occupancy_share", "ed_mean_wait_hours",
                        "delayed_patients_mean"));
  if (several_scenarios) body += html::element("h3", view.name);
  body += html::element("p", "Observed " + results::describe_window(view.window) + ".", "facts");
  body += html::table(headers, rows, "numbers");
}

}  // namespace

void add_trusts(const ReportContext& context, PageParts& parts) {
  bool any = false;
  for (const auto& view : context.scenarios) any = any || trusts_of(view).size() >= 2;
  if (!any) return;
  std::string body = html::element(
      "p",
      "Each acute trust's own results: its beds, its ED line and its medically fit patients "
      "(who wait for their trust's discharge pathways, or for services the trusts share, first "
      "come first served). The "
      "last row is all trusts together, as the headline figures above.");
  for (const auto& view : context.scenarios) {
    const auto trusts = trusts_of(view);
    if (trusts.size() < 2) {
      if (context.scenarios.size() > 1)
        body += html::element("h3", view.name) +
                html::element("p", "One acute service: its results are the headline figures.");
      continue;
    }
    trust_table(view, trusts, context.scenarios.size() > 1, body);
    std::string note;
    const std::string months =
        trust_months_tables(view, trusts, context.scenarios.size() > 1, note);
    if (!note.empty()) {
      body += html::missing(note);
      parts.notes.push_back(note);
    }
    body += months;
  }
  body += html::element(
      "p",
      "Mean over replications with its 95% confidence interval (clipped to what the measure "
      "can be). Occupancy is occupied beds over open beds (escalation beds included when open; "
      "beds closed or in turnaround are not occupied), averaged over the observed window. An ED "
      "wait runs from the decision to admit to a bed; the mean counts every admission (0 when a "
      "bed was free) and every patient still waiting at the end at the wait so far. Waits over "
      "a threshold are patients a day over the window; the trusts' counts add up to the "
      "system's. By month, they are patients in the month (a wait counts in the month it "
      "passed the threshold, at the trust the patient waited for, whether admitted then, later "
      "or still waiting at the end): each trust's months add up to its count over the window, and each month's trusts to all trusts together. A month only partly "
      "observed counts its days in the window alone.",
      "caption");
  parts.html += html::section("trusts", "Results by acute trust", body);
}

}  // namespace bedflow::report
