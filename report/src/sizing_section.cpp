// A sizing record: the points evaluated, the target line, the answer and, for two levers,
// the frontier.
#include <cmath>

#include <fmt/format.h>

#include "format.hpp"
#include "html.hpp"
#include "labels.hpp"
#include "sections.hpp"

namespace bedflow::report {
namespace {

using nlohmann::json;

json number(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

std::string answer_text(const analysis::StoredSizingRecord& record) {
  if (record.status == "none_meets" || record.answer.empty()) {
    return "No value in the range meets the target: widen the range or change the target.";
  }
  std::string text = "The answer: " + record.answer + ".";
  if (record.status == "smallest_meets") {
    text += " Even the lowest value tried meets the target: the true answer may be lower.";
  }
  return text;
}

void points_chart(const analysis::StoredSizingRecord& record, PageParts& parts, std::string& body) {
  json meets = json::array(), misses = json::array(), bounds = json::array();
  for (const auto& p : record.points) {
    const double x = static_cast<double>(p.lever_values.front());
    (p.meets ? meets : misses).push_back({x, number(p.target_mean)});
    bounds.push_back({x, number(p.target_bound)});
  }
  const std::string id = parts.next_chart_id();
  const std::string title = fmt::format("{} at each value of {}", measure_label(record.measure),
                                        record.levers.front().path);
  const bool share = record.measure_unit == "share";
  parts.charts.push_back(
      {{"id", id}, {"type", "points"}, {"title", title}, {"x_name", record.levers.front().path},
       {"y_name", unit_words(record.measure_unit)}, {"threshold", record.threshold},
       {"percent", share},
       {"series", json::array({{{"kind", "scatter"}, {"name", "Mean: meets the target"},
                                {"points", meets}, {"colour", "#009E73"}},
                               {{"kind", "scatter"}, {"name", "Mean: misses the target"},
                                {"points", misses}, {"colour", "#D55E00"}},
                               {{"kind", "scatter"}, {"name", "Confidence bound used to decide"},
                                {"points", bounds}, {"colour", "#555555"}, {"symbol", "diamond"}}})}});
  body += html::element("h4", title) + html::chart_placeholder(id, title);
}

void frontier_chart(const analysis::StoredSizingRecord& record, PageParts& parts, std::string& body) {
  json line = json::array();
  for (const auto& row : record.frontier) {
    if (row.second) line.push_back({static_cast<double>(row.first), static_cast<double>(*row.second)});
  }
  json tried_meets = json::array(), tried_misses = json::array();
  for (const auto& p : record.points) {
    if (p.lever_values.size() < 2) continue;
    (p.meets ? tried_meets : tried_misses)
        .push_back({static_cast<double>(p.lever_values[0]), static_cast<double>(p.lever_values[1])});
  }
  const std::string id = parts.next_chart_id();
  const std::string title = "Frontier: the smallest " + record.levers[1].path +
                            " that meets the target, for each " + record.levers[0].path;
  parts.charts.push_back(
      {{"id", id}, {"type", "points"}, {"title", title}, {"x_name", record.levers[0].path},
       {"y_name", record.levers[1].path},
       {"series", json::array({{{"kind", "line"}, {"name", "Frontier"}, {"points", line},
                                {"colour", "#0072B2"}},
                               {{"kind", "scatter"}, {"name", "Tried: meets"}, {"points", tried_meets},
                                {"colour", "#009E73"}},
                               {{"kind", "scatter"}, {"name", "Tried: misses"},
                                {"points", tried_misses}, {"colour", "#D55E00"}}})}});
  body += html::element("h4", title) + html::chart_placeholder(id, title);
}

std::string one_record(const ReportSource& source, PageParts& parts) {
  const auto& record = *source.sizing;
  std::string body = html::element("h3", "Sizing run in " + source.path);
  body += "<p class=\"question\"><strong>Target:</strong> " + html::escape(record.target) +
          fmt::format(", decided at {}% confidence.", format_number(record.confidence * 100.0)) + "</p>";
  body += html::element("p", answer_text(record), "answer");
  if (record.has_comparison()) {
    const std::string unit = record.cost_unit.empty() ? "GBP" : record.cost_unit;
    body += html::element(
        "p",
        fmt::format("Cost of the answer against the scenario as given: {} against {}, a change "
                    "of {} ({}% CI {}), paired by replication.",
                    format_value(record.answer_cost_mean, unit),
                    format_value(record.as_given_cost_mean, unit),
                    format_difference(record.cost_change_mean, unit),
                    format_number(record.cost_change_level * 100.0),
                    format_difference_range(record.cost_change_mean - record.cost_change_half_width,
                                            record.cost_change_mean + record.cost_change_half_width,
                                            unit)),
        "answer");
  }
  if (record.points.empty() || record.levers.empty()) {
    return body + html::missing("The record holds no evaluated points.");
  }
  points_chart(record, parts, body);
  if (record.levers.size() >= 2 && !record.frontier.empty()) frontier_chart(record, parts, body);
  std::vector<std::string> headers = {"#"};
  for (const auto& lever : record.levers) headers.push_back(lever.path);
  for (const char* h : {"Replications", "Target mean", "Bound", "Meets"}) headers.push_back(h);
  if (record.has_cost()) {
    headers.push_back(record.cost_unit == "GBP/year" ? "Cost a year (mean)" : "Cost (mean)");
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& p : record.points) {
    std::vector<std::string> row = {std::to_string(p.evaluation_order + 1)};
    for (const auto v : p.lever_values) row.push_back(html::escape(format_integer(v)));
    row.push_back(std::to_string(p.replications));
    row.push_back(html::escape(format_value(p.target_mean, record.measure_unit)));
    row.push_back(html::escape(format_value(p.target_bound, record.measure_unit)));
    row.push_back(p.meets ? "yes" : "no");
    if (record.has_cost()) row.push_back(html::escape(format_gbp(p.cost_mean)));
    rows.push_back(std::move(row));
  }
  body += html::table(headers, rows, "numbers points");
  body += html::element("p", "Decision rule: " + record.decision_rule + ".", "caption");
  if (record.has_cost()) body += html::element("p", "Cost: " + record.cost + ".", "caption");
  return body;
}

}  // namespace

void add_sizing(const ReportContext& context, PageParts& parts) {
  if (context.sizing_sources.empty()) return;
  std::string body;
  for (const auto* source : context.sizing_sources) body += one_record(*source, parts);
  parts.html += html::section("sizing", "Capacity sizing", body);
}

}  // namespace bedflow::report
