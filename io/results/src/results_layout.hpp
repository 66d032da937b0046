#pragma once
// Names shared by the writer and the reader of the HDF5 layout (docs/outputs.md).
#include <string>

#include "bedflow/models/replication_result.hpp"

namespace bedflow::results::layout {

inline constexpr const char* kMetadata = "metadata";
inline constexpr const char* kSummary = "summary";
inline constexpr const char* kReplications = "replications";
inline constexpr const char* kTimeseries = "timeseries";
inline constexpr const char* kSummaryStatistics = "summary_statistics";
inline constexpr const char* kSeriesPercentiles = "timeseries_percentiles";
inline constexpr const char* kEvents = "events";
inline constexpr const char* kEventsCodes = "events_codes";  // names of /events' codes
inline constexpr const char* kVariants = "variants";
inline constexpr const char* kTimeAxis = "time_days";
inline constexpr const char* kDateAxis = "date";
inline constexpr const char* kCompleteMarker = "complete";

inline const char* accumulation_name(model::Accumulation accumulation) {
  return accumulation == model::Accumulation::total ? "total" : "level";
}

// A label as an HDF5 link name: '/' separates paths and '.' alone means "this group".
inline std::string group_name_for_label(std::string label) {
  for (char& c : label) {
    if (c == '/') c = '_';
  }
  if (label.empty() || label == ".") label = "_" + label;
  return label;
}

}  // namespace bedflow::results::layout
