#include "bedflow/results/variant_statistics.hpp"

#include <fmt/format.h>

#include "bedflow/engine/statistics.hpp"
#include "bedflow/results/observed_window.hpp"

namespace bedflow::results {

std::vector<VariantStatistics> variant_statistics(const ResultsFile& file) {
  std::vector<VariantStatistics> all;
  for (const auto& variant : file.variants) {
    if (variant.replications.empty()) continue;
    VariantStatistics statistics;
    statistics.variant = &variant;
    statistics.window = variant_window(variant);
    statistics.replications = variant.replications.size();
    for (auto& summary : summarise_measures(variant.replications, file.metadata.percentiles)) {
      MeasureStatistics measure;
      if (summary.is_total()) {
        measure.per_day = as_rate(summary, per_day_factor(statistics.window), "day");
        measure.per_year = as_rate(summary, per_year_factor(statistics.window), "year");
      }
      measure.window = std::move(summary);
      statistics.measures.push_back(std::move(measure));
    }
    all.push_back(std::move(statistics));
  }
  return all;
}

std::string percentile_name(double percentile) {
  std::string name = fmt::format("p{:g}", percentile);
  for (char& c : name) {
    if (c == '.') c = '_';
  }
  return name;
}

SeriesSpread series_spread(const Variant& variant, std::size_t series,
                           const std::vector<double>& percentiles) {
  SeriesSpread spread;
  const auto& reps = variant.replications;
  if (reps.empty()) return spread;
  const std::size_t columns = reps.front().series.at(series).values.size();
  spread.mean.assign(columns, 0.0);
  spread.percentiles.assign(percentiles.size(), std::vector<double>(columns));
  std::vector<double> values(reps.size());
  for (std::size_t k = 0; k < columns; ++k) {
    double sum = 0.0;
    for (std::size_t r = 0; r < reps.size(); ++r) {
      values[r] = reps[r].series[series].values[k];
      sum += values[r];
    }
    spread.mean[k] = sum / static_cast<double>(reps.size());
    for (std::size_t j = 0; j < percentiles.size(); ++j) {
      spread.percentiles[j][k] = engine::sample_percentile(values, percentiles[j]);
    }
  }
  return spread;
}

double series_time_days(const Variant& variant, std::size_t k) {
  const auto& first = variant.replications.front();
  return first.series_start_days + static_cast<double>(k) * first.series_step_days;
}

}  // namespace bedflow::results
