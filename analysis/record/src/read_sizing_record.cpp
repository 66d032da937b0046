#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/sizing_record.hpp"
#include "bedflow/results/h5/read.hpp"
#include "bedflow/results/results_error.hpp"

namespace bedflow::analysis {
namespace {

namespace h5 = results::h5;

StoredSizingRecord read_record(hid_t file) {
  const h5::Group sizing = h5::open_group(file, "sizing");
  const hid_t g = sizing.get();
  if (!h5::has_attribute(g, "complete") || h5::read_int64_attribute(g, "complete") != 1) {
    throw results::ResultsError("/sizing is unfinished (no complete = 1): the sizing run was "
                                "interrupted");
  }
  StoredSizingRecord record;
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
    StoredSizingRecord::AsGiven as_given;
    as_given.label = h5::read_string_attribute(g, "as_given_label");
    as_given.cost_mean = h5::read_double_attribute(g, "as_given_cost_mean");
    as_given.cost_half_width = h5::read_double_attribute(g, "as_given_cost_half_width");
    as_given.answer_cost_mean = h5::read_double_attribute(g, "answer_cost_mean");
    as_given.change_mean = h5::read_double_attribute(g, "cost_change_mean");
    as_given.change_half_width = h5::read_double_attribute(g, "cost_change_half_width");
    as_given.change_level = h5::read_double_attribute(g, "cost_change_level");
    as_given.change_n = h5::read_int64_attribute(g, "cost_change_n");
    record.as_given = as_given;
  }

  {
    const h5::Group levers = h5::open_group(g, "levers");
    const auto paths = h5::read_string_column(levers.get(), "path");
    const auto low = h5::read_double_column(levers.get(), "low");
    const auto high = h5::read_double_column(levers.get(), "high");
    const auto step = h5::read_double_column(levers.get(), "step");
    if (low.size() != paths.size() || high.size() != paths.size() || step.size() != paths.size()) {
      throw results::ResultsError("/sizing/levers: columns of different lengths");
    }
    for (std::size_t i = 0; i < paths.size(); ++i) {
      record.levers.push_back({paths[i], static_cast<std::int64_t>(low[i]),
                               static_cast<std::int64_t>(high[i]),
                               static_cast<std::int64_t>(step[i])});
    }
  }

  {
    const h5::Group points = h5::open_group(g, "points");
    const hid_t p = points.get();
    record.labels = h5::read_string_column(p, "label");
    for (const auto& lever : record.levers) {
      record.lever_values.push_back(h5::read_double_column(p, lever.path));
    }
    record.replications = h5::read_double_column(p, "replications");
    record.target_mean = h5::read_double_column(p, "target_mean");
    record.target_sd = h5::read_double_column(p, "target_sd");
    record.target_half_width = h5::read_double_column(p, "target_half_width");
    record.target_bound = h5::read_double_column(p, "target_bound");
    record.meets = h5::read_int32_column(p, "meets");
    if (h5::has_link(p, "cost_mean")) {
      record.cost_mean = h5::read_double_column(p, "cost_mean");
      record.cost_half_width = h5::read_double_column(p, "cost_half_width");
    }
    const std::size_t n = record.labels.size();
    bool equal = record.replications.size() == n && record.target_mean.size() == n &&
                 record.target_sd.size() == n && record.target_half_width.size() == n &&
                 record.target_bound.size() == n && record.meets.size() == n &&
                 record.cost_mean.size() == record.cost_half_width.size() &&
                 (record.cost_mean.empty() || record.cost_mean.size() == n);
    for (const auto& values : record.lever_values) equal = equal && values.size() == n;
    if (!equal) throw results::ResultsError("/sizing/points: columns of different lengths");
  }

  if (h5::has_link(g, "frontier")) {
    const h5::Group frontier = h5::open_group(g, "frontier");
    record.frontier_first = h5::read_double_column(frontier.get(), "first");
    record.frontier_second = h5::read_double_column(frontier.get(), "second");
    record.frontier_cost_mean = h5::read_double_column(frontier.get(), "cost_mean");
    if (record.frontier_second.size() != record.frontier_first.size() ||
        record.frontier_cost_mean.size() != record.frontier_first.size()) {
      throw results::ResultsError("/sizing/frontier: columns of different lengths");
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
    const std::string what = error.what();
    if (what.starts_with(path)) throw AnalysisError(what);
    throw AnalysisError(fmt::format("{}: {}", path, what));
  }
}

}  // namespace bedflow::analysis
