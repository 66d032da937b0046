#include "bedflow/results/measure_summary.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <cmath>

#include <fmt/format.h>

namespace bedflow::results {

std::vector<MeasureSummary> summarise_measures(
    std::span<const model::ReplicationResult> replications, std::span<const double> percentiles) {
  std::vector<MeasureSummary> summaries;
  if (replications.empty()) return summaries;
  const auto& first = replications.front().scalars;
  summaries.reserve(first.size());
  std::vector<double> values(replications.size());
  for (std::size_t m = 0; m < first.size(); ++m) {
    for (std::size_t r = 0; r < replications.size(); ++r) {
      values[r] = replications[r].scalars.at(m).value;
    }
    MeasureSummary summary;
    summary.name = first[m].name;
    summary.unit = first[m].unit;
    summary.headline = first[m].headline;
    summary.ci = engine::confidence_interval(values);
    summary.accumulation = first[m].accumulation;
    summary.precision = first[m].precision;
    for (const double p : percentiles) {
      summary.percentiles.push_back(engine::sample_percentile(values, p));
    }
    summaries.push_back(std::move(summary));
  }
  return summaries;
}

MeasureSummary as_rate(MeasureSummary summary, double factor, const std::string& per) {
  if (!summary.is_total()) return summary;
  summary.ci.mean *= factor;
  summary.ci.half_width *= factor;
  summary.ci.sd *= factor;
  for (double& value : summary.percentiles) value *= factor;
  summary.unit += "/" + per;
  return summary;
}

PossibleRange possible_range(const std::string& unit) {
  const std::string base = unit.substr(0, unit.find('/'));
  if (base == "share") return {0.0, 1.0};
  static constexpr std::array<std::string_view, 11> kNonNegative = {
      "patients", "beds", "places", "closures", "bed-days", "hours", "days", "GBP",
      "visits", "referrals", "people"};
  if (std::find(kNonNegative.begin(), kNonNegative.end(), base) != kNonNegative.end())
    return {0.0, HUGE_VAL};
  return {};
}

ShownInterval shown_interval(const MeasureSummary& summary) {
  const PossibleRange range = possible_range(summary.unit);
  return {std::clamp(summary.ci.lower(), range.low, range.high),
          std::clamp(summary.ci.upper(), range.low, range.high)};
}

std::vector<MeasureSummary> sort_headline_first(std::vector<MeasureSummary> summaries) {
  std::stable_partition(summaries.begin(), summaries.end(),
                        [](const MeasureSummary& s) { return s.headline; });
  return summaries;
}

PrecisionCheck check_precision(const std::vector<MeasureSummary>& summaries,
                               double relative_target, const std::vector<std::string>& measures) {
  PrecisionCheck check;
  bool enough_replications = true;
  for (const auto& s : summaries) {
    const bool aimed = measures.empty()
                           ? s.precision
                           : std::find(measures.begin(), measures.end(), s.name) != measures.end();
    if (!aimed) continue;
    if (s.ci.n < kPilotReplications) enough_replications = false;
    if (s.ci.mean == 0.0) {
      check.skipped.push_back(s.name);
      continue;
    }
    check.assessed.push_back(s.name);
    const double ratio = s.ci.half_width / (relative_target * std::abs(s.ci.mean));
    check.worst_ratio = std::max(check.worst_ratio, ratio);
    if (ratio > 1.0) check.not_reached.push_back(s.name);
  }
  check.reached = enough_replications && check.not_reached.empty();
  return check;
}

std::string format_precision_verdict(const PrecisionCheck& check, double relative_target,
                                     std::size_t replications) {
  const std::string not_assessed =
      check.skipped.empty()
          ? std::string()
          : fmt::format(" Not assessed: {} (mean 0, which has no relative precision).",
                        fmt::join(check.skipped, ", "));
  if (!check.reached) {
    const std::string wide = check.not_reached.empty()
                                 ? fmt::format("fewer than {} replications to judge by",
                                               kPilotReplications)
                                 : fmt::format("still too wide: {}", fmt::join(check.not_reached, ", "));
    return fmt::format("Precision NOT reached within the cap of {} replications; {}.{}",
                       replications, wide, not_assessed);
  }
  if (check.assessed.empty()) {
    return fmt::format(
        "Precision not assessed after {} replications: {} {} mean 0, which has no relative "
        "precision.",
        replications, fmt::join(check.skipped, ", "), check.skipped.size() == 1 ? "has" : "have");
  }
  return fmt::format("Precision reached{}: the 95% CIs of {} are within {:g}% of their means after "
                     "{} replications.{}",
                     check.skipped.empty() ? "" : " for the measures assessed",
                     fmt::join(check.assessed, ", "), 100.0 * relative_target, replications,
                     not_assessed);
}

}  // namespace bedflow::results
