// A sizing record: the points evaluated, the target line, the answer and, for two levers,
// the frontier.
#include <algorithm>
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

std::size_t point_count(const analysis::StoredSizingRecord& r) {
  std::size_t n = r.labels.size();
  for (const auto* column : {&r.target_mean, &r.target_bound, &r.replications}) {
    n = std::min(n, column->size());
  }
  n = std::min(n, r.meets.size());
  for (const auto& lever : r.lever_values) n = std::min(n, lever.size());
  return r.lever_values.size() < r.levers.size() ? 0 : n;
}

void points_chart(const analysis::StoredSizingRecord& record, PageParts& parts, std::string& body) {
  json meets = json::array(), misses = json::array(), bounds = json::array();
  for (std::size_t i = 0; i < point_count(record); ++i) {
    const double x = record.lever_values[0][i];
    (record.meets[i] != 0 ? meets : misses).push_back({x, number(record.target_mean[i])});
    bounds.push_back({x, number(record.target_bound[i])});
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
  const std::size_t rows = std::min(record.frontier_first.size(), record.frontier_second.size());
  for (std::size_t k = 0; k < rows; ++k) {
    if (record.frontier_second[k] >= 0) {
      line.push_back({record.frontier_first[k], record.frontier_second[k]});
    }
  }
  json tried_meets = json::array(), tried_misses = json::array();
  for (std::size_t i = 0; i < point_count(record); ++i) {
    (record.meets[i] != 0 ? tried_meets : tried_misses)
        .push_back({record.lever_values[0][i], record.lever_values[1][i]});
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
  if (record.as_given) {
    const auto& given = *record.as_given;
    const std::string unit = record.cost_unit.empty() ? "GBP" : record.cost_unit;
    body += html::element(
        "p",
        fmt::format("Cost of the answer against the scenario as given: {} against {}, a change "
                    "of {} ({}% CI {}), paired by replication.",
                    format_value(given.answer_cost_mean, unit),
                    format_value(given.cost_mean, unit), format_difference(given.change_mean, unit),
                    format_number(given.change_level * 100.0),
                    format_difference_range(given.change_mean - given.change_half_width,
                                            given.change_mean + given.change_half_width, unit)),
        "answer");
  }
  const std::size_t n = point_count(record);
  if (n == 0 || record.levers.empty()) {
    return body + html::missing("The record holds no evaluated points.");
  }
  points_chart(record, parts, body);
  if (record.levers.size() >= 2 && !record.frontier_first.empty()) {
    frontier_chart(record, parts, body);
  }
  std::vector<std::string> headers = {"#"};
  for (const auto& lever : record.levers) headers.push_back(lever.path);
  for (const char* h : {"Replications", "Target mean", "Bound", "Meets"}) headers.push_back(h);
  const bool has_cost = !record.cost.empty() && record.cost_mean.size() >= n;
  if (has_cost) {
    headers.push_back(record.cost_unit == "GBP/year" ? "Cost a year (mean)" : "Cost (mean)");
  }
  std::vector<std::vector<std::string>> rows;
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::string> row = {std::to_string(i + 1)};
    for (const auto& lever : record.lever_values) {
      row.push_back(html::escape(format_integer(std::llround(lever[i]))));
    }
    row.push_back(html::escape(format_integer(std::llround(record.replications[i]))));
    row.push_back(html::escape(format_value(record.target_mean[i], record.measure_unit)));
    row.push_back(html::escape(format_value(record.target_bound[i], record.measure_unit)));
    row.push_back(record.meets[i] != 0 ? "yes" : "no");
    if (has_cost) row.push_back(html::escape(format_gbp(record.cost_mean[i])));
    rows.push_back(std::move(row));
  }
  body += html::table(headers, rows, "numbers points");
  body += html::element("p", "Decision rule: " + record.decision_rule + ".", "caption");
  if (has_cost) body += html::element("p", "Cost: " + record.cost + ".", "caption");
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
