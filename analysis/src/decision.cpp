#include "bedflow/analysis/decision.hpp"

#include <cmath>

#include <fmt/format.h>

#include "bedflow/analysis/error.hpp"
#include "bedflow/engine/statistics.hpp"

namespace bedflow::analysis {

void check_confidence(double confidence) {
  if (!(confidence >= 0.5 && confidence < 1.0)) {
    throw AnalysisError(fmt::format(
        "confidence {} is out of range: give a level in [0.5, 1), e.g. 0.9", confidence));
  }
}

Evidence describe_values(std::span<const double> values, double confidence,
                         std::string_view measure) {
  check_confidence(confidence);
  if (values.size() < 2) {
    throw AnalysisError(fmt::format(
        "measure '{}' has {} replication value(s); a confidence statement needs at least 2 "
        "(raise --replications)",
        measure, values.size()));
  }
  for (double v : values) {
    if (!std::isfinite(v)) {
      throw AnalysisError(fmt::format("measure '{}' has a non-finite replication value ({})",
                                      measure, v));
    }
  }
  const engine::ConfidenceInterval ci = engine::confidence_interval(values, confidence);
  Evidence evidence;
  evidence.n = ci.n;
  evidence.mean = ci.mean;
  evidence.sd = ci.sd;
  evidence.level = confidence;
  evidence.half_width = ci.half_width;
  evidence.bound = ci.mean;
  return evidence;
}

Evidence weigh(std::span<const double> values, const Target& target, double confidence) {
  Evidence evidence = describe_values(values, confidence, target.measure);
  // student_t_critical(df, level) is the two-sided quantile t_{df,(1+level)/2}; a level of
  // 2c - 1 therefore gives the one-sided quantile t_{df,c}.
  const double t = engine::student_t_critical(evidence.n - 1, 2.0 * confidence - 1.0);
  const double margin = t * evidence.sd / std::sqrt(static_cast<double>(evidence.n));
  evidence.bound = target.wants_low() ? evidence.mean + margin : evidence.mean - margin;
  evidence.meets = target.satisfied_by(evidence.bound);
  return evidence;
}

}  // namespace bedflow::analysis
