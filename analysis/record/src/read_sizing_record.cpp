#include "bedflow/analysis/read_sizing_record.hpp"

#include <cmath>
#include <limits>
#include <string_view>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/results/h5/read.hpp"
#include "bedflow/results/results_error.hpp"

namespace bedflow::analysis {
namespace {

namespace h5 = results::h5;

std::vector<std::int64_t> int_column(hid_t group, const std::string& name) {
  std::vector<std::int64_t> values;
  for (const double v : h5::read_double_column(group, name)) {
    values.push_back(static_cast<std::int64_t>(std::llround(v)));
  }
  return values;
}

// Column `name`, or `rows` NaNs when the file has none (cost columns are optional).
std::vector<double> optional_column(hid_t group, const std::string& name, std::size_t rows) {
  if (h5::has_link(group, name)) return h5::read_double_column(group, name);
  return std::vector<double>(rows, std::numeric_limits<double>::quiet_NaN());
}

void check_rows(std::size_t expected, std::size_t actual, const std::string& what) {
  if (expected != actual) {
    throw results::ResultsError(
        fmt::format("/sizing/{} has {} rows where {} were expected", what, actual, expected));
  }
}

StoredSizingRecord read_record(hid_t file) {
  const h5::Group sizing = h5::open_group(file, "sizing");
  if (!h5::has_attribute(sizing.get(), "complete")) {
    throw results::ResultsError("the /sizing group is unfinished (no `complete` attribute): "
                                "the sizing run was interrupted");
  }
  StoredSizingRecord record;
  const hid_t g = sizing.get();
  record.target = h5::read_string_attribute(g, "target");
  record.measure = h5::read_string_attribute(g, "measure");
  record.measure_unit = h5::read_string_attribute(g, "measure_unit");
  record.comparison = h5::read_string_attribute(g, "comparison");
  record.threshold = h5::read_double_attribute(g, "threshold");
  record.confidence = h5::read_double_attribute(g, "confidence");
  record.decision_rule = h5::read_string_attribute(g, "decision_rule");
  record.status = h5::read_string_attribute(g, "status");
  record.answer = h5::read_string_attribute(g, "answer");
  record.cost = h5::read_string_attribute(g, "cost");
  if (h5::has_attribute(g, "cost_unit")) record.cost_unit = h5::read_string_attribute(g, "cost_unit");
  if (h5::has_attribute(g, "as_given_label")) {
    record.as_given_label = h5::read_string_attribute(g, "as_given_label");
    record.as_given_cost_mean = h5::read_double_attribute(g, "as_given_cost_mean");
    record.answer_cost_mean = h5::read_double_attribute(g, "answer_cost_mean");
    record.cost_change_mean = h5::read_double_attribute(g, "cost_change_mean");
    record.cost_change_half_width = h5::read_double_attribute(g, "cost_change_half_width");
    if (h5::has_attribute(g, "cost_change_level")) {
      record.cost_change_level = h5::read_double_attribute(g, "cost_change_level");
    }
  }

  const h5::Group levers = h5::open_group(g, "levers");
  const auto paths = h5::read_string_column(levers.get(), "path");
  const auto low = int_column(levers.get(), "low");
  const auto high = int_column(levers.get(), "high");
  const auto step = int_column(levers.get(), "step");
  for (const std::size_t size : {low.size(), high.size(), step.size()}) {
    check_rows(paths.size(), size, "levers");
  }
  for (std::size_t k = 0; k < paths.size(); ++k) {
    record.levers.push_back({paths[k], low[k], high[k], step[k]});
  }

  const h5::Group points = h5::open_group(g, "points");
  const hid_t p = points.get();
  const auto order = int_column(p, "evaluation_order");
  const std::size_t n = order.size();
  const auto labels = h5::read_string_column(p, "label");
  const auto replications = int_column(p, "replications");
  const auto mean = h5::read_double_column(p, "target_mean");
  const auto sd = h5::read_double_column(p, "target_sd");
  const auto half = h5::read_double_column(p, "target_half_width");
  const auto bound = h5::read_double_column(p, "target_bound");
  const auto meets = int_column(p, "meets");
  const auto cost_mean = optional_column(p, "cost_mean", n);
  const auto cost_half = optional_column(p, "cost_half_width", n);
  for (const std::size_t size : {labels.size(), replications.size(), mean.size(), sd.size(),
                                 half.size(), bound.size(), meets.size(), cost_mean.size(),
                                 cost_half.size()}) {
    check_rows(n, size, "points");
  }
  std::vector<std::vector<std::int64_t>> lever_columns;
  for (const auto& lever : record.levers) {
    lever_columns.push_back(int_column(p, lever.path));
    check_rows(n, lever_columns.back().size(), "points/" + lever.path);
  }
  for (std::size_t i = 0; i < n; ++i) {
    StoredPoint point;
    point.evaluation_order = order[i];
    point.label = labels[i];
    for (const auto& column : lever_columns) point.lever_values.push_back(column[i]);
    point.replications = replications[i];
    point.target_mean = mean[i];
    point.target_sd = sd[i];
    point.target_half_width = half[i];
    point.target_bound = bound[i];
    point.meets = meets[i] != 0;
    point.cost_mean = cost_mean[i];
    point.cost_half_width = cost_half[i];
    record.points.push_back(std::move(point));
  }

  if (h5::has_link(g, "frontier")) {
    const h5::Group frontier = h5::open_group(g, "frontier");
    const auto first = int_column(frontier.get(), "first");
    const auto second = int_column(frontier.get(), "second");
    const auto cost = h5::read_double_column(frontier.get(), "cost_mean");
    check_rows(first.size(), second.size(), "frontier");
    check_rows(first.size(), cost.size(), "frontier");
    for (std::size_t i = 0; i < first.size(); ++i) {
      StoredFrontierRow row;
      row.first = first[i];
      if (second[i] >= 0) row.second = second[i];
      row.cost_mean = cost[i];
      record.frontier.push_back(row);
    }
  }
  return record;
}

}  // namespace

std::optional<StoredSizingRecord> read_sizing_record(const std::string& path) {
  try {
    const h5::File file = h5::open_file_read_only(path);
    if (!h5::has_link(file.get(), "sizing")) return std::nullopt;
    return read_record(file.get());
  } catch (const results::ResultsError& error) {
    const std::string_view what = error.what();
    if (what.starts_with(path)) throw AnalysisError(std::string(what));
    throw AnalysisError(fmt::format("{}: {}", path, what));
  }
}

}  // namespace bedflow::analysis
