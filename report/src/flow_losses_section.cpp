// Where beds and places are lost to the flow: waits for a discharge window, beds in
// turnaround, ward closures and patients turned away by services that do not queue. One table
// per mechanism, a row per service and a column per scenario; each table appears only when
// some scenario has its measures, the section only when some table does.
#include <algorithm>

#include "bedflow/results/observed_window.hpp"
#include "html.hpp"
#include "labels.hpp"
#include "measure_cell.hpp"
#include "sections.hpp"

namespace bedflow::report {
namespace {

// The services having a measure `prefix` + service, in the order the files list them.
std::vector<std::string> services_with(const ReportContext& context, const std::string& prefix) {
  std::vector<std::string> services;
  for (const auto& view : context.scenarios) {
    for (const auto& summary : view.summaries) {
      if (summary.name.rfind(prefix, 0) != 0) continue;
      const std::string name = summary.name.substr(prefix.size());
      if (std::find(services.begin(), services.end(), name) == services.end())
        services.push_back(name);
    }
  }
  return services;
}

// One row to show: its label, the measure and whether to show a total per day (else per
// year) or the level as measured.
struct Row {
  std::string label;
  std::string measure;
  enum class As { level, per_day, per_year } as = As::level;
};

void add_table(const ReportContext& context, const std::string& title,
               const std::vector<Row>& rows, const std::string& caption, std::string& body) {
  if (rows.empty()) return;
  std::vector<std::string> headers = {"Observed " + results::describe_window(
                                          context.scenarios.front().window)};
  for (const auto& view : context.scenarios) headers.push_back(view.name + " (95% CI)");
  std::vector<std::vector<std::string>> cells;
  for (const auto& row : rows) {
    std::vector<std::string> line = {html::escape(row.label)};
    for (const auto& view : context.scenarios) {
      line.push_back(measure_cell(row.as == Row::As::level
                                      ? view.find(row.measure)
                                      : view.find_rate(row.measure, row.as == Row::As::per_day)));
    }
    cells.push_back(std::move(line));
  }
  body += html::element("h3", title) + html::table(headers, cells, "numbers") +
          html::element("p", caption, "caption");
}

void windows(const ReportContext& context, std::string& body) {
  std::vector<Row> rows;
  bool any = false;
  for (const auto& view : context.scenarios) any = any || view.find("discharge_window_wait_mean_hours");
  if (any) rows.push_back({"Every service with a window (hours)", "discharge_window_wait_mean_hours",
                             Row::As::level});
  for (const auto& s : services_with(context, "window_wait_mean_hours_"))
    rows.push_back({service_label(s) + " (hours)", "window_wait_mean_hours_" + s, Row::As::level});
  add_table(context, "Waits for the discharge window", rows,
            "Mean hours a patient ready to leave waited for an hour that accepts discharges, "
            "keeping its bed or place (in an acute bed, a delayed discharge) and holding its "
            "next place. Over every discharge from a service with a window, those that left at "
            "once counting 0, and every wait still open at the end at its length so far.",
            body);
}

void turnaround(const ReportContext& context, std::string& body) {
  std::vector<Row> rows;
  for (const auto& s : services_with(context, "turnaround_beds_mean_"))
    rows.push_back({service_label(s) + " (beds, average)", "turnaround_beds_mean_" + s,
                    Row::As::level});
  add_table(context, "Beds in turnaround", rows,
            "Beds a patient has left that are being cleaned and prepared, neither occupied nor "
            "free: the average number over the observed window. Occupancy leaves them out; "
            "escalation and elective cancellations count them as beds in use.",
            body);
}

void closures(const ReportContext& context, std::string& body) {
  std::vector<Row> rows;
  for (const auto& s : services_with(context, "beds_closed_mean_")) {
    rows.push_back({service_label(s) + ": closures begun (a year)", "closures_" + s,
                    Row::As::per_year});
    rows.push_back({service_label(s) + ": beds closed (average)", "beds_closed_mean_" + s,
                    Row::As::level});
  }
  add_table(context, "Ward closures", rows,
            "Closures (infection outbreaks) begun in the observed window, as a rate a year, and "
            "the beds they kept closed on an average day (at most the places the service has). "
            "Closed beds are still paid for.",
            body);
}

void turned_away(const ReportContext& context, std::string& body) {
  std::vector<Row> rows;
  for (const auto& s : services_with(context, "blocking_share_")) {
    rows.push_back({service_label(s) + ": patients turned away (a day)", "turned_away_" + s,
                    Row::As::per_day});
    rows.push_back({service_label(s) + ": share of those offered turned away",
                    "blocking_share_" + s, Row::As::level});
  }
  add_table(context, "Patients turned away when full", rows,
            "Services that turn people away when full rather than queue them (and urgent "
            "community response out of visits for the day): patients turned away a day over "
            "the observed window, and their share of all offered to the service (the blocking "
            "probability). Those turned away go on to the service's alternative, or home.",
            body);
}

}  // namespace

void add_flow_losses(const ReportContext& context, PageParts& parts) {
  std::string body;
  windows(context, body);
  turnaround(context, body);
  closures(context, body);
  turned_away(context, body);
  if (body.empty()) return;  // none of these mechanisms in any file: no section
  parts.html += html::section("flow-losses",
                              "Discharge windows, bed turnaround, closures and patients turned away",
                              body);
}

}  // namespace bedflow::report
