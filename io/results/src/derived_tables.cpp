#include "derived_tables.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "bedflow/engine/statistics.hpp"
#include "bedflow/results/h5/write.hpp"
#include "bedflow/results/measure_summary.hpp"
#include "bedflow/results/observed_window.hpp"
#include "bedflow/results/variant_statistics.hpp"
#include "results_layout.hpp"

namespace bedflow::results::derived {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

struct Columns {
  std::vector<std::string> variant, measure, unit, accumulation;
  std::vector<std::int32_t> n;
  std::vector<double> mean, sd, ci_lower, ci_upper;
  std::vector<std::vector<double>> percentiles;
  std::vector<double> per_day_mean, per_year_mean, per_year_ci_lower, per_year_ci_upper;
};

}  // namespace

void write_summary_statistics(hid_t root, const ResultsFile& file) {
  const auto& wanted = file.metadata.percentiles;
  Columns c;
  c.percentiles.resize(wanted.size());
  for (const auto& variant : file.variants) {
    const auto window = variant_window(variant);
    for (const auto& s : summarise_measures(variant.replications, wanted)) {
      c.variant.push_back(variant.label);
      c.measure.push_back(s.name);
      c.unit.push_back(s.unit);
      c.accumulation.push_back(layout::accumulation_name(s.accumulation));
      c.n.push_back(static_cast<std::int32_t>(s.ci.n));
      c.mean.push_back(s.ci.mean);
      c.sd.push_back(s.ci.sd);
      c.ci_lower.push_back(s.ci.n >= 2 ? s.ci.lower() : kNaN);
      c.ci_upper.push_back(s.ci.n >= 2 ? s.ci.upper() : kNaN);
      for (std::size_t k = 0; k < wanted.size(); ++k) c.percentiles[k].push_back(s.percentiles[k]);
      const bool rate = s.is_total() && window.days() > 0.0;
      const auto yearly = as_rate(s, per_year_factor(window), "year");
      c.per_day_mean.push_back(rate ? s.ci.mean * per_day_factor(window) : kNaN);
      c.per_year_mean.push_back(rate ? yearly.ci.mean : kNaN);
      c.per_year_ci_lower.push_back(rate && s.ci.n >= 2 ? yearly.ci.lower() : kNaN);
      c.per_year_ci_upper.push_back(rate && s.ci.n >= 2 ? yearly.ci.upper() : kNaN);
    }
  }
  auto group = h5::create_group(root, layout::kSummaryStatistics);
  const hid_t g = group.get();
  h5::write_attribute(g, "description",
                      std::string("derived from /summary: one row per variant and measure; "
                                  "mean and Student-t 95% CI over replications, the "
                                  "replications' percentiles (Hyndman-Fan 7), and for totals "
                                  "the rate per day and per year (NaN for levels)"));
  h5::write_column(g, "variant", std::span<const std::string>(c.variant));
  h5::write_column(g, "measure", std::span<const std::string>(c.measure));
  h5::write_column(g, "unit", std::span<const std::string>(c.unit));
  h5::write_column(g, "accumulation", std::span<const std::string>(c.accumulation));
  h5::write_column(g, "replications", std::span<const std::int32_t>(c.n));
  h5::write_column(g, "mean", std::span<const double>(c.mean));
  h5::write_column(g, "sd", std::span<const double>(c.sd));
  h5::write_column(g, "ci_lower", std::span<const double>(c.ci_lower));
  h5::write_column(g, "ci_upper", std::span<const double>(c.ci_upper));
  for (std::size_t k = 0; k < wanted.size(); ++k) {
    auto column = h5::write_column(g, percentile_name(wanted[k]),
                                   std::span<const double>(c.percentiles[k]));
    h5::write_attribute(column.get(), "percentile", wanted[k]);
  }
  h5::write_column(g, "per_day_mean", std::span<const double>(c.per_day_mean));
  h5::write_column(g, "per_year_mean", std::span<const double>(c.per_year_mean));
  h5::write_column(g, "per_year_ci_lower", std::span<const double>(c.per_year_ci_lower));
  h5::write_column(g, "per_year_ci_upper", std::span<const double>(c.per_year_ci_upper));
}

void write_series_percentiles(hid_t location, const Variant& variant,
                              const std::vector<double>& percentiles) {
  if (variant.replications.empty() || percentiles.empty()) return;
  const auto& first = variant.replications.front();
  if (first.series.empty()) return;
  auto bands = h5::create_group(location, layout::kSeriesPercentiles);
  h5::write_attribute(bands.get(), "description",
                      std::string("per series, row k is the replications' percentile "
                                  "percentiles[k] at each time (Hyndman-Fan 7)"));
  std::vector<std::string> groups_done;
  for (std::size_t s = 0; s < first.series.size(); ++s) {
    const auto& series = first.series[s];
    const bool new_group =
        std::find(groups_done.begin(), groups_done.end(), series.group) == groups_done.end();
    auto group = new_group ? h5::create_group(bands.get(), series.group)
                           : h5::open_group_for_write(bands.get(), series.group);
    if (new_group) {
      groups_done.push_back(series.group);
      h5::write_column(group.get(), "percentiles", std::span<const double>(percentiles));
    }
    const std::size_t columns = series.values.size();
    std::vector<double> matrix;
    matrix.reserve(percentiles.size() * columns);
    for (const auto& row : series_spread(variant, s, percentiles).percentiles) {
      matrix.insert(matrix.end(), row.begin(), row.end());
    }
    auto dataset = h5::write_matrix(group.get(), series.measure, percentiles.size(), columns,
                                    std::span<const double>(matrix));
    h5::write_attribute(dataset.get(), "unit", series.unit);
    h5::write_attribute(dataset.get(), "dimensions", std::string("percentile, time"));
    h5::write_attribute(dataset.get(), "start_days", first.series_start_days);
    h5::write_attribute(dataset.get(), "step_days", first.series_step_days);
  }
}

}  // namespace bedflow::results::derived
