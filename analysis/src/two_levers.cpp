#include "bedflow/analysis/two_levers.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"

namespace bedflow::analysis {

TwoLeverResult size_two_levers(const Lever& first, const Lever& second, const Target& target,
                               double confidence, const CostSource& cost, Evaluator evaluator) {
  if (first.path == second.path) {
    throw AnalysisError(fmt::format("both levers vary {}; give two different paths", first.path));
  }
  PointEvaluator points(std::move(evaluator), target, confidence, cost);
  TwoLeverResult result;

  std::optional<std::int64_t> previous_answer;
  for (std::size_t i = 0; i < first.count(); ++i) {
    const LeverSetting fixed{{first.path, first.value(i)}};
    Lever row = second;
    if (previous_answer) row.high = *previous_answer;
    BisectionOutcome outcome = bisect(points, row, fixed);
    if (outcome.status == SizingStatus::none_meets && row.high != second.high) {
      // Assumption (1) failed on this row (noise or a real non-monotone response): look
      // again over the whole range rather than report a wrong "none".
      result.monotone = false;
      outcome = bisect(points, second, fixed);
    }
    FrontierRow frontier_row;
    frontier_row.first = first.value(i);
    if (outcome.answer) {
      frontier_row.point = outcome.answer;
      frontier_row.second = points.points()[*outcome.answer].setting.at(second.path);
      previous_answer = frontier_row.second;
    }
    result.frontier.push_back(frontier_row);
  }

  result.points.assign(points.points().begin(), points.points().end());
  for (const auto& row : result.frontier) {
    if (!row.point) continue;
    const double row_cost = result.points[*row.point].cost->mean;
    if (!result.cheapest || row_cost < result.points[*result.cheapest].cost->mean) {
      result.cheapest = row.point;
    }
  }
  if (result.cheapest) {
    const auto& setting = result.points[*result.cheapest].setting;
    result.status = setting.at(first.path) == first.low && setting.at(second.path) == second.low
                        ? SizingStatus::smallest_meets
                        : SizingStatus::found;
  }

  // Consistency of the assumptions along each row of evaluated points.
  for (const auto& row : result.frontier) {
    std::vector<std::pair<std::int64_t, double>> means;
    std::vector<std::pair<std::int64_t, double>> costs;
    for (const auto& point : result.points) {
      if (point.setting.at(first.path) != row.first) continue;
      means.emplace_back(point.setting.at(second.path), point.target.mean);
      costs.emplace_back(point.setting.at(second.path), point.cost->mean);
    }
    if (!moves_one_way(means)) result.monotone = false;
    std::sort(costs.begin(), costs.end());
    for (std::size_t k = 1; k < costs.size(); ++k) {
      if (costs[k].second < costs[k - 1].second) result.cost_monotone = false;
    }
  }
  return result;
}

}  // namespace bedflow::analysis
