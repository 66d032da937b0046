#include "bedflow/engine/statistics.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <boost/math/distributions/students_t.hpp>

namespace bedflow::engine {

double student_t_critical(std::size_t degrees_of_freedom, double level) {
  if (degrees_of_freedom == 0) return std::numeric_limits<double>::infinity();
  const boost::math::students_t distribution(static_cast<double>(degrees_of_freedom));
  return boost::math::quantile(distribution, 0.5 * (1.0 + level));
}

ConfidenceInterval confidence_interval(std::span<const double> values, double level) {
  ConfidenceInterval ci;
  ci.level = level;
  Tally tally;
  for (double v : values) tally.add(v);
  ci.n = values.size();
  ci.mean = tally.mean();
  ci.sd = std::sqrt(tally.variance());
  if (ci.n >= 2) {
    ci.half_width = student_t_critical(ci.n - 1, level) * ci.sd / std::sqrt(static_cast<double>(ci.n));
  }
  return ci;
}

double sample_percentile(std::span<const double> values, double p) {
  if (values.empty()) return std::numeric_limits<double>::quiet_NaN();
  // A NaN (no value: e.g. an unlimited capacity) has no place among order statistics.
  if (std::any_of(values.begin(), values.end(), [](double v) { return std::isnan(v); }))
    return std::numeric_limits<double>::quiet_NaN();
  std::vector<double> sorted(values.begin(), values.end());
  std::sort(sorted.begin(), sorted.end());
  const double position = std::clamp(p, 0.0, 100.0) / 100.0 * static_cast<double>(sorted.size() - 1);
  const auto below = static_cast<std::size_t>(std::floor(position));
  const std::size_t above = std::min(below + 1, sorted.size() - 1);
  const double fraction = position - static_cast<double>(below);
  return sorted[below] + fraction * (sorted[above] - sorted[below]);
}

}  // namespace bedflow::engine
