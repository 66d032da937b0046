#pragma once
// Across-replication percentiles of a time series, point by point, thinned for the page.
//
// Invariants:
//  - find_series() gives one values vector per replication (null when a replication lacks
//    the series); series_band() uses only replications that have it, all of equal length.
//  - Percentiles follow Hyndman-Fan definition 7 (as numpy's default), like the summaries.
//  - Thinning keeps every `stride`-th point from the first, and always the last point.
#include <optional>
#include <string>
#include <vector>

#include "bedflow/models/replication_result.hpp"

namespace bedflow::report {

struct SeriesBand {
  std::vector<double> time_days;  // kept points, days since the calendar start
  std::vector<double> low, median, high;
  std::string unit;
  std::size_t points_before_thinning = 0;
  std::size_t stride = 1;
};

// The band of `group/measure` over `replications`; empty when no replication has it.
std::optional<SeriesBand> series_band(const std::vector<model::ReplicationResult>& replications,
                                      const std::string& group, const std::string& measure,
                                      double low_percent, double high_percent,
                                      std::size_t max_points);
// Point-by-point difference of two series, per replication, then its band (e.g. base beds =
// open beds - escalation beds open).
std::optional<SeriesBand> difference_band(
    const std::vector<model::ReplicationResult>& replications, const std::string& group,
    const std::string& minuend, const std::string& subtrahend, std::size_t max_points);

bool has_group(const std::vector<model::ReplicationResult>& replications, const std::string& group);
std::vector<std::string> series_groups(const std::vector<model::ReplicationResult>& replications);

}  // namespace bedflow::report
