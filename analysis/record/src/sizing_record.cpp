#include "bedflow/analysis/sizing_record.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <string_view>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/results/h5/write.hpp"
#include "bedflow/results/results_error.hpp"

namespace bedflow::analysis {

namespace {

namespace h5 = results::h5;

// Analysis callers expect AnalysisError naming the file; the HDF5 layer names only the object.
[[noreturn]] void rethrow_naming_file(const std::string& path,
                                      const results::ResultsError& error) {
  const std::string_view what = error.what();
  if (what.starts_with(path)) throw AnalysisError(std::string(what));
  throw AnalysisError(fmt::format("{}: {}", path, what));
}

h5::File open_file(const std::string& path, RecordMode mode) {
  return mode == RecordMode::append ? h5::open_file_for_write(path) : h5::create_file(path);
}

void write_record(const std::string& path, const SizingRecord& record, RecordMode mode);

}  // namespace

std::string decision_rule_text(double confidence) {
  return fmt::format(
      "a point meets the target when the one-sided Student-t bound of the replication mean at "
      "level {} (mean + t_(n-1,{}) sd/sqrt(n) for <= and <, mean - t_(n-1,{}) sd/sqrt(n) for "
      ">= and >) is on the target's side of the threshold",
      confidence, confidence, confidence);
}

std::string setting_label(const LeverSetting& setting) {
  std::string label;
  for (const auto& [path, value] : setting) {
    if (!label.empty()) label += ",";
    label += fmt::format("{}={}", path, value);
  }
  return label;
}

void write_sizing_record(const std::string& path, const SizingRecord& record, RecordMode mode) {
  if (record.labels.size() != record.points.size()) {
    throw AnalysisError(fmt::format("{}: sizing record has {} labels for {} points", path,
                                    record.labels.size(), record.points.size()));
  }
  try {
    write_record(path, record, mode);
  } catch (const results::ResultsError& error) {
    rethrow_naming_file(path, error);
  }
}

namespace {

void write_record(const std::string& path, const SizingRecord& record, RecordMode mode) {
  const h5::File file = open_file(path, mode);
  const h5::Group sizing = h5::create_group(file.get(), "sizing");

  h5::write_attribute(sizing.get(), "target", record.target.describe());
  h5::write_attribute(sizing.get(), "measure", record.target.measure);
  h5::write_attribute(sizing.get(), "measure_unit", record.measure_unit);
  h5::write_attribute(sizing.get(), "comparison", std::string(to_string(record.target.comparison)));
  h5::write_attribute(sizing.get(), "threshold", record.target.threshold);
  h5::write_attribute(sizing.get(), "confidence", record.confidence);
  h5::write_attribute(sizing.get(), "decision_rule", decision_rule_text(record.confidence));
  h5::write_attribute(sizing.get(), "status", std::string(to_string(record.status)));
  h5::write_attribute(sizing.get(), "answer", record.answer ? setting_label(*record.answer) : "");
  h5::write_attribute(sizing.get(), "cost", record.cost_description);
  h5::write_attribute(sizing.get(), "cost_unit", record.cost_unit);
  if (record.comparison) {
    const CostComparison& c = *record.comparison;
    h5::write_attribute(sizing.get(), "as_given_label", c.as_given_label);
    h5::write_attribute(sizing.get(), "as_given_cost_mean", c.as_given.mean);
    h5::write_attribute(sizing.get(), "as_given_cost_half_width", c.as_given.half_width);
    h5::write_attribute(sizing.get(), "answer_cost_mean", c.answer.mean);
    h5::write_attribute(sizing.get(), "cost_change_mean", c.change.mean);
    h5::write_attribute(sizing.get(), "cost_change_half_width", c.change.half_width);
    h5::write_attribute(sizing.get(), "cost_change_level", c.change.level);
    h5::write_attribute(sizing.get(), "cost_change_n", static_cast<std::int64_t>(c.change.n));
  }

  {
    const h5::Group levers = h5::create_group(sizing.get(), "levers");
    std::vector<std::string> paths;
    std::vector<std::int64_t> low, high, step;
    for (const auto& lever : record.levers) {
      paths.push_back(lever.path);
      low.push_back(lever.low);
      high.push_back(lever.high);
      step.push_back(lever.step);
    }
    h5::write_column(levers.get(), "path", paths);
    h5::write_column(levers.get(), "low", low);
    h5::write_column(levers.get(), "high", high);
    h5::write_column(levers.get(), "step", step);
  }

  {
    const h5::Group points = h5::create_group(sizing.get(), "points");
    const std::size_t n = record.points.size();
    std::vector<std::int64_t> order(n), replications(n), meets(n);
    std::vector<double> mean(n), sd(n), half_width(n), bound(n), cost_mean(n), cost_half(n);
    bool has_cost = false;
    for (std::size_t i = 0; i < n; ++i) {
      const EvaluatedPoint& p = record.points[i];
      order[i] = static_cast<std::int64_t>(i);
      replications[i] = static_cast<std::int64_t>(p.target.n);
      mean[i] = p.target.mean;
      sd[i] = p.target.sd;
      half_width[i] = p.target.half_width;
      bound[i] = p.target.bound;
      meets[i] = p.target.meets ? 1 : 0;
      if (p.cost) {
        has_cost = true;
        cost_mean[i] = p.cost->mean;
        cost_half[i] = p.cost->half_width;
      } else {
        cost_mean[i] = cost_half[i] = std::numeric_limits<double>::quiet_NaN();
      }
    }
    h5::write_column(points.get(), "evaluation_order", order);
    h5::write_column(points.get(), "label", record.labels);
    for (const auto& lever : record.levers) {
      std::vector<std::int64_t> values(n);
      for (std::size_t i = 0; i < n; ++i) {
        const auto found = record.points[i].setting.find(lever.path);
        values[i] = found == record.points[i].setting.end() ? -1 : found->second;
      }
      h5::write_column(points.get(), lever.path, values);
    }
    h5::write_column(points.get(), "replications", replications);
    h5::write_column(points.get(), "target_mean", mean);
    h5::write_column(points.get(), "target_sd", sd);
    h5::write_column(points.get(), "target_half_width", half_width);
    h5::write_column(points.get(), "target_bound", bound);
    h5::write_column(points.get(), "meets", meets);
    if (has_cost) {
      h5::write_column(points.get(), "cost_mean", cost_mean);
      h5::write_column(points.get(), "cost_half_width", cost_half);
    }
  }

  if (!record.frontier.empty()) {
    const h5::Group frontier = h5::create_group(sizing.get(), "frontier");
    std::vector<std::int64_t> first, second, point;
    std::vector<double> cost;
    for (const auto& row : record.frontier) {
      first.push_back(row.first);
      second.push_back(row.second.value_or(-1));
      point.push_back(row.point ? static_cast<std::int64_t>(*row.point) : -1);
      cost.push_back(row.point && record.points[*row.point].cost
                         ? record.points[*row.point].cost->mean
                         : std::numeric_limits<double>::quiet_NaN());
    }
    h5::write_column(frontier.get(), "first", first);
    h5::write_column(frontier.get(), "second", second);
    h5::write_column(frontier.get(), "cost_mean", cost);
    h5::write_column(frontier.get(), "point", point);
  }

  // Written last: a /sizing group without it was interrupted.
  h5::write_attribute(sizing.get(), "complete", std::int64_t{1});
  h5::save_file(file.get(), path);  // a full disk is reported here, not at close
}

}  // namespace

}  // namespace bedflow::analysis
