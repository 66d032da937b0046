// ED waits for a bed by calendar month (the waits over each threshold counted in the month of
// admission: a table per threshold and a chart) and by hour of the day of the decision to
// admit (a chart, its table folded), one column or series per scenario.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "bedflow/engine/calendar.hpp"
#include "format.hpp"
#include "html.hpp"
#include "labels.hpp"
#include "sections.hpp"

namespace bedflow::report {
namespace {

using nlohmann::json;

// The thresholds ("4", "12") and months ("2027_01") the scenarios count waits by, in order.
struct MonthlyMeasures {
  std::vector<std::string> thresholds;
  std::vector<std::string> months;
};

MonthlyMeasures monthly_measures(const ReportContext& context) {
  MonthlyMeasures found;
  for (const auto& view : context.scenarios) {
    for (const auto& summary : view.summaries) {
      std::string hours, month;
      if (!ed_wait_month(summary.name, hours, month)) continue;
      if (std::find(found.thresholds.begin(), found.thresholds.end(), hours) == found.thresholds.end())
        found.thresholds.push_back(hours);
      if (std::find(found.months.begin(), found.months.end(), month) == found.months.end())
        found.months.push_back(month);
    }
  }
  std::sort(found.thresholds.begin(), found.thresholds.end(),
            [](const std::string& a, const std::string& b) { return std::stod(a) < std::stod(b); });
  std::sort(found.months.begin(), found.months.end());  // yyyy_mm sorts as dates do
  return found;
}

std::string measure_of(const std::string& hours, const std::string& month) {
  std::string h = hours;
  std::replace(h.begin(), h.end(), '.', 'p');
  return "ed_waits_over_" + h + "h_" + month;
}

bool all_zero(const ReportContext& context, const std::vector<std::string>& measures) {
  for (const auto& view : context.scenarios) {
    for (const auto& name : measures) {
      const auto* s = view.find(name);
      if (s != nullptr && (s->ci.mean != 0.0 || s->ci.sd != 0.0)) return false;
    }
  }
  return true;
}

std::string cell(const ScenarioView& view, const std::string& measure, const std::string& month) {
  const auto* s = view.find(measure);
  if (s == nullptr) return "<span class=\"absent\">not in file</span>";
  std::string text = html::escape(format_value(s->ci.mean, s->unit));
  if (s->ci.n >= 2 && s->ci.half_width > 0.0)
    text += " <span class=\"ci\">(" +
            html::escape(format_range(results::shown_interval(*s).lower,
                                      results::shown_interval(*s).upper, s->unit)) +
            ")</span>";
  if (!month.empty()) {
    const auto [observed, length] = month_days_observed(view, month);
    if (observed < length) text += fmt::format(" <span class=\"ci\">{} of {} days</span>", observed, length);
  }
  return text;
}

// A chart of categories (months or hours) against one value per scenario.
void add_columns(const ReportContext& context, PageParts& parts, std::string& body,
                 const std::string& title, const std::string& y_name, const json& categories,
                 const std::vector<std::string>& measures) {
  json series = json::array();
  for (std::size_t i = 0; i < context.scenarios.size(); ++i) {
    json values = json::array();
    for (const auto& name : measures) {
      const auto* s = context.scenarios[i].find(name);
      if (s != nullptr && std::isfinite(s->ci.mean)) {
        values.push_back(std::round(s->ci.mean * 100.0) / 100.0);
      } else {
        values.push_back(nullptr);
      }
    }
    series.push_back({{"name", context.scenarios[i].name}, {"values", values},
                      {"colour", scenario_colour(i)}});
  }
  const std::string id = parts.next_chart_id();
  parts.charts.push_back({{"id", id}, {"type", "columns"}, {"title", title}, {"y_name", y_name},
                          {"categories", categories}, {"series", series}});
  body += html::element("h3", title) + html::chart_placeholder(id, title);
}

void by_month(const ReportContext& context, PageParts& parts, const MonthlyMeasures& found,
              std::string& body) {
  for (const auto& hours : found.thresholds) {
    std::vector<std::string> measures;
    for (const auto& month : found.months) measures.push_back(measure_of(hours, month));
    if (all_zero(context, measures)) {
      body += html::element("h3", fmt::format("Waits in ED over {} hours, by month", hours));
      body += html::element("p", fmt::format("No patient waited more than {} hours in ED for a "
                                             "bed in any month, in any replication.", hours));
      continue;
    }
    json categories = json::array();
    for (const auto& month : found.months) categories.push_back(month_words(month, true));
    add_columns(context, parts, body, fmt::format("Waits in ED over {} hours, by month", hours),
                "patients in the month", categories, measures);
    std::vector<std::string> headers = {"Month"};
    for (const auto& view : context.scenarios) headers.push_back(view.name + " (95% CI)");
    std::vector<std::vector<std::string>> rows;
    for (std::size_t m = 0; m < found.months.size(); ++m) {
      std::vector<std::string> row = {html::escape(month_words(found.months[m]))};
      for (const auto& view : context.scenarios) row.push_back(cell(view, measures[m], found.months[m]));
      rows.push_back(std::move(row));
    }
    body += html::table(headers, rows, "numbers");
  }
  body += html::element(
      "p",
      "Patients who waited longer than the threshold from the decision to admit to a bed, "
      "counted in the month their wait passed the threshold (whether they were admitted then, "
      "later, or were still waiting at the end of the run); mean over replications with its 95% confidence interval. A month "
      "only partly observed counts its days in the window alone (\"17 of 31 days\"): compare "
      "it with others as a rate, not as a total.",
      "caption");
}

void by_hour(const ReportContext& context, PageParts& parts, std::string& body) {
  std::vector<std::string> measures;
  json categories = json::array();
  for (int h = 0; h < 24; ++h) {
    measures.push_back(fmt::format("ed_wait_mean_hours_at_{:02d}h", h));
    categories.push_back(fmt::format("{:02d}", h));
  }
  const std::string title = "Mean wait in ED for a bed, by hour of the decision to admit";
  if (all_zero(context, measures)) {
    body += html::element("h3", title);
    body += html::element("p", "Nobody waited in ED for a bed: a bed was free for every "
                               "admission, at every hour, in every replication.");
    return;
  }
  add_columns(context, parts, body, title, "hours", categories, measures);
  std::vector<std::string> headers = {"Decision to admit"};
  for (const auto& view : context.scenarios) headers.push_back(view.name + " (95% CI)");
  std::vector<std::vector<std::string>> rows;
  for (int h = 0; h < 24; ++h) {
    std::vector<std::string> row = {fmt::format("{:02d}:00–{:02d}:59", h, h)};
    for (const auto& view : context.scenarios)
      row.push_back(cell(view, measures[static_cast<std::size_t>(h)], ""));
    rows.push_back(std::move(row));
  }
  body += "<details><summary>The hourly means as a table</summary>" +
          html::table(headers, rows, "numbers") + "</details>";
  body += html::element(
      "p",
      "The decision to admit is when a patient joins the line for a bed (or takes one at "
      "once). Each hour's figure is the mean wait of the patients decided on in that clock "
      "hour, those admitted at once counting 0 and those still waiting at the end their wait "
      "so far; the mean over replications of each replication's mean.",
      "caption");
}

}  // namespace

std::pair<long long, long long> month_days_observed(const ScenarioView& view,
                                                    const std::string& month) {
  const int year = std::stoi(month.substr(0, 4));
  const int m = std::stoi(month.substr(5));
  const auto start = engine::days_from_civil(engine::Date{year, m, 1});
  const auto end = engine::days_from_civil(m == 12 ? engine::Date{year + 1, 1, 1}
                                                   : engine::Date{year, m + 1, 1});
  const auto origin = static_cast<double>(engine::days_from_civil(view.window.calendar_start));
  const double from = std::max(static_cast<double>(start) - origin, view.window.from_days);
  const double to = std::min(static_cast<double>(end) - origin, view.window.to_days);
  return {std::max(0LL, static_cast<long long>(std::llround(to - from))), end - start};
}

void add_ed_waits(const ReportContext& context, PageParts& parts) {
  const MonthlyMeasures found = monthly_measures(context);
  bool hourly = false;
  for (const auto& view : context.scenarios) hourly = hourly || view.find("ed_wait_mean_hours_at_00h");
  if (found.months.empty() && !hourly) {
    const std::string text =
        "These files hold no ED waits by month or by hour of the day (written before bedflow "
        "measured them, or without an acute service), so that section is left out.";
    parts.notes.push_back(text);
    parts.html += html::section("ed-waits", "Waits in ED by month and hour of the day",
                                html::missing(text));
    return;
  }
  std::string body;
  if (!found.months.empty()) by_month(context, parts, found, body);
  if (hourly) by_hour(context, parts, body);
  parts.html += html::section("ed-waits", "Waits in ED by month and hour of the day", body);
}

}  // namespace bedflow::report
