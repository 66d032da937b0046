#include "series_stats.hpp"

#include <algorithm>
#include <cmath>

#include "bedflow/engine/statistics.hpp"

namespace bedflow::report {
namespace {

const model::TimeSeries* find(const model::ReplicationResult& result, const std::string& group,
                              const std::string& measure) {
  for (const auto& series : result.series) {
    if (series.group == group && series.measure == measure) return &series;
  }
  return nullptr;
}

// Rows of values (one per replication having the series), all cut to the shortest length.
std::vector<std::vector<double>> rows_of(const std::vector<model::ReplicationResult>& reps,
                                         const std::string& group, const std::string& measure,
                                         std::string* unit) {
  std::vector<std::vector<double>> rows;
  for (const auto& rep : reps) {
    if (const auto* series = find(rep, group, measure); series && !series->values.empty()) {
      rows.push_back(series->values);
      if (unit) *unit = series->unit;
    }
  }
  std::size_t shortest = rows.empty() ? 0 : rows.front().size();
  for (const auto& row : rows) shortest = std::min(shortest, row.size());
  for (auto& row : rows) row.resize(shortest);
  return rows;
}

std::optional<SeriesBand> band_of(const std::vector<std::vector<double>>& rows,
                                  const model::ReplicationResult& first, double low_percent,
                                  double high_percent, std::size_t max_points) {
  if (rows.empty() || rows.front().empty()) return std::nullopt;
  const std::size_t n = rows.front().size();
  SeriesBand band;
  band.points_before_thinning = n;
  band.stride = max_points == 0 || n <= max_points ? 1 : (n + max_points - 1) / max_points;
  std::vector<double> column(rows.size());
  for (std::size_t k = 0; k < n; k += band.stride) {
    const std::size_t at = (k + band.stride >= n) ? n - 1 : k;  // end on the last point
    for (std::size_t r = 0; r < rows.size(); ++r) column[r] = rows[r][at];
    band.time_days.push_back(first.series_start_days +
                             static_cast<double>(at) * first.series_step_days);
    band.low.push_back(engine::sample_percentile(column, low_percent));
    band.median.push_back(engine::sample_percentile(column, 50.0));
    band.high.push_back(engine::sample_percentile(column, high_percent));
    if (at == n - 1) break;
  }
  return band;
}

}  // namespace


std::optional<SeriesBand> series_band(const std::vector<model::ReplicationResult>& replications,
                                      const std::string& group, const std::string& measure,
                                      double low_percent, double high_percent,
                                      std::size_t max_points) {
  if (replications.empty()) return std::nullopt;
  std::string unit;
  auto band = band_of(rows_of(replications, group, measure, &unit), replications.front(),
                      low_percent, high_percent, max_points);
  if (band) band->unit = unit;
  return band;
}

std::optional<SeriesBand> difference_band(
    const std::vector<model::ReplicationResult>& replications, const std::string& group,
    const std::string& minuend, const std::string& subtrahend, std::size_t max_points) {
  if (replications.empty()) return std::nullopt;
  std::string unit;
  auto a = rows_of(replications, group, minuend, &unit);
  const auto b = rows_of(replications, group, subtrahend, nullptr);
  if (a.empty() || a.size() != b.size()) return std::nullopt;
  for (std::size_t r = 0; r < a.size(); ++r) {
    const std::size_t n = std::min(a[r].size(), b[r].size());
    a[r].resize(n);
    for (std::size_t k = 0; k < n; ++k) a[r][k] -= b[r][k];
  }
  auto band = band_of(a, replications.front(), 50.0, 50.0, max_points);
  if (band) band->unit = unit;
  return band;
}

bool has_group(const std::vector<model::ReplicationResult>& replications,
               const std::string& group) {
  if (replications.empty()) return false;
  for (const auto& series : replications.front().series) {
    if (series.group == group) return true;
  }
  return false;
}

std::vector<std::string> series_groups(const std::vector<model::ReplicationResult>& replications) {
  std::vector<std::string> groups;
  if (replications.empty()) return groups;
  for (const auto& series : replications.front().series) {
    if (std::find(groups.begin(), groups.end(), series.group) == groups.end()) {
      groups.push_back(series.group);
    }
  }
  return groups;
}

}  // namespace bedflow::report
