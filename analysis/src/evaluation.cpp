#include "bedflow/analysis/evaluation.hpp"

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/analysis/names.hpp"

namespace bedflow::analysis {

namespace {

std::vector<std::string> measure_names(const MeasureSamples& samples) {
  std::vector<std::string> names;
  names.reserve(samples.size());
  for (const auto& [name, values] : samples) names.push_back(name);
  return names;
}

std::string describe_setting(const LeverSetting& setting) {
  std::string text;
  for (const auto& [path, value] : setting) {
    if (!text.empty()) text += ", ";
    text += fmt::format("{}={}", path, value);
  }
  return text;
}

}  // namespace

PointEvaluator::PointEvaluator(Evaluator evaluator, Target target, double confidence,
                               std::optional<CostSource> cost)
    : evaluator_(std::move(evaluator)),
      target_(std::move(target)),
      confidence_(confidence),
      cost_(std::move(cost)) {
  check_confidence(confidence_);
  if (!evaluator_) throw AnalysisError("sizing: no evaluator given");
}

std::optional<std::size_t> PointEvaluator::index_of(const LeverSetting& setting) const {
  const auto found = index_.find(setting);
  if (found == index_.end()) return std::nullopt;
  return found->second;
}

const EvaluatedPoint& PointEvaluator::evaluate(const LeverSetting& setting) {
  if (auto known = index_of(setting)) return points_[*known];

  EvaluatedPoint point;
  point.setting = setting;
  point.samples = evaluator_(setting);

  const std::vector<std::string> names = measure_names(point.samples);
  require_name(target_.measure, "target measure", names);
  const std::size_t replications = point.samples.at(target_.measure).size();
  for (const auto& [name, values] : point.samples) {
    if (values.size() != replications) {
      throw AnalysisError(fmt::format(
          "at {}: measure '{}' has {} replication values but '{}' has {}",
          describe_setting(setting), name, values.size(), target_.measure, replications));
    }
  }
  point.target = weigh(point.samples.at(target_.measure), target_, confidence_);

  if (cost_) {
    if (cost_->per_unit.empty()) {
      require_name(cost_->measure, "cost measure", names);
      std::vector<double> values = point.samples.at(cost_->measure);
      for (double& value : values) value *= cost_->scale;
      point.cost = describe_values(values, confidence_, cost_->measure);
    } else {
      Evidence cost;
      cost.n = replications;
      cost.level = confidence_;
      for (const auto& [path, value] : setting) {
        const auto price = cost_->per_unit.find(path);
        if (price == cost_->per_unit.end()) {
          throw AnalysisError(fmt::format("no unit cost given for lever {}", path));
        }
        cost.mean += static_cast<double>(value) * price->second;
      }
      cost.bound = cost.mean;
      point.cost = cost;
    }
  }

  index_.emplace(setting, points_.size());
  points_.push_back(std::move(point));
  return points_.back();
}

}  // namespace bedflow::analysis
