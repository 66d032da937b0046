#include "bedflow/analysis/one_lever.hpp"

#include <algorithm>

namespace bedflow::analysis {

std::string_view to_string(SizingStatus status) noexcept {
  switch (status) {
    case SizingStatus::found: return "found";
    case SizingStatus::smallest_meets: return "smallest_meets";
    case SizingStatus::none_meets: return "none_meets";
  }
  return "?";
}

BisectionOutcome bisect(PointEvaluator& evaluator, const Lever& lever, const LeverSetting& fixed) {
  BisectionOutcome outcome;
  auto evaluate_at = [&](std::size_t index) {
    LeverSetting setting = fixed;
    setting[lever.path] = lever.value(index);
    ++outcome.evaluations;
    evaluator.evaluate(setting);
    return *evaluator.index_of(setting);
  };
  auto meets = [&](std::size_t point) { return evaluator.points()[point].target.meets; };

  const std::size_t lowest = evaluate_at(0);
  if (meets(lowest)) {
    outcome.status = SizingStatus::smallest_meets;
    outcome.answer = lowest;
    return outcome;
  }
  const std::size_t count = lever.count();
  if (count == 1) {
    outcome.status = SizingStatus::none_meets;
    return outcome;
  }
  std::size_t meet_index = count - 1;
  std::size_t meet_point = evaluate_at(meet_index);
  if (!meets(meet_point)) {
    outcome.status = SizingStatus::none_meets;
    return outcome;
  }
  std::size_t miss_index = 0;
  std::size_t miss_point = lowest;
  while (meet_index - miss_index > 1) {
    const std::size_t middle = miss_index + (meet_index - miss_index) / 2;
    const std::size_t point = evaluate_at(middle);
    if (meets(point)) {
      meet_index = middle;
      meet_point = point;
    } else {
      miss_index = middle;
      miss_point = point;
    }
  }
  outcome.status = SizingStatus::found;
  outcome.answer = meet_point;
  outcome.below = miss_point;
  return outcome;
}

bool moves_one_way(std::vector<std::pair<std::int64_t, double>> key_value) {
  std::sort(key_value.begin(), key_value.end());
  bool rises = false;
  bool falls = false;
  for (std::size_t i = 1; i < key_value.size(); ++i) {
    if (key_value[i].second > key_value[i - 1].second) rises = true;
    if (key_value[i].second < key_value[i - 1].second) falls = true;
  }
  return !(rises && falls);
}

OneLeverResult size_one_lever(const Lever& lever, const Target& target, double confidence,
                              Evaluator evaluator, std::optional<CostSource> cost) {
  PointEvaluator points(std::move(evaluator), target, confidence, std::move(cost));
  const BisectionOutcome outcome = bisect(points, lever);

  OneLeverResult result;
  result.status = outcome.status;
  result.answer_point = outcome.answer;
  result.below_point = outcome.below;
  result.points.assign(points.points().begin(), points.points().end());
  if (outcome.answer) result.answer = result.points[*outcome.answer].setting.at(lever.path);

  std::vector<std::pair<std::int64_t, double>> means;
  for (const auto& point : result.points) {
    means.emplace_back(point.setting.at(lever.path), point.target.mean);
  }
  result.monotone = moves_one_way(std::move(means));
  return result;
}

}  // namespace bedflow::analysis
