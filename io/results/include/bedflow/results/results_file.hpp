#pragma once
// Everything one results file holds, as plain data: the run's metadata and, for each scenario
// variant, the replications it ran.
//
// Invariants:
//  - A plain run has exactly one variant whose label is empty; a sweep has one variant per
//    swept value, each with a non-empty, unique label, all run with the same seed (common
//    random numbers).
//  - Within a variant, replications[k].replication == k, and every replication carries the
//    same scalars and series, in the same order (ReplicationResult's own invariant).
//  - Nothing here knows what a hospital is: measures are names, units and values.
#include <cstdint>
#include <string>
#include <vector>

#include "bedflow/models/replication_result.hpp"

namespace bedflow::results {

struct RunMetadata {
  std::string scenario_name;
  std::string scenario_file;      // path as given on the command line
  std::string scenario_given;     // the top scenario file's text
  std::string scenario_resolved;  // after extends and overrides (first variant's for a sweep)
  std::string overrides;          // the --set overrides, one per line
  std::string sweep;              // "path=a:b:step", empty for a plain run
  std::uint64_t seed = 0;
  std::uint32_t replications = 0;  // requested; each variant records how many it ran
  double precision_target = 0.0;   // relative CI half-width asked for; 0: fixed count
  std::uint32_t max_replications = 0;
  std::vector<double> percentiles{5.0, 50.0, 95.0};  // replication percentiles to report
  std::string bedflow_version;
  std::string git_commit;
  std::string started_at;   // ISO 8601, UTC
  std::string finished_at;  // ISO 8601, UTC
};

class EventSpool;

struct Variant {
  std::string label;          // empty for a plain run; the swept value otherwise
  std::string override_text;  // "path=value" that made this variant; empty for a plain run
  std::string resolved_yaml;  // this variant's resolved scenario
  bool precision_reached = true;  // false when precision mode hit its cap
  std::vector<model::ReplicationResult> replications;
  // Set when the patient log was streamed to a spool during the run (then the replications'
  // patient_events are empty): which spool, and which of its variants.
  const EventSpool* event_spool = nullptr;
  std::size_t event_spool_variant = 0;
};

// The window a variant's replications observed (all share it); default for an empty variant.
inline model::ObservedWindow variant_window(const Variant& variant) {
  return variant.replications.empty() ? model::ObservedWindow{}
                                      : variant.replications.front().window;
}

struct ResultsFile {
  RunMetadata metadata;
  std::vector<Variant> variants;

  bool is_sweep() const noexcept {
    return !(variants.size() == 1 && variants.front().label.empty());
  }
};

// The version and commit this library was built from, stamped into every file written.
std::string build_version();
std::string build_commit();

// Current time as ISO 8601 UTC, e.g. "2026-11-22T14:16:47Z".
std::string utc_timestamp_now();

// Finds a variant by label; an empty label picks the only variant of a file that has one.
// Throws ResultsError listing the labels when there is no such (or no single) variant.
const Variant& find_variant(const ResultsFile& file, const std::string& label,
                            const std::string& file_name);

// --variant-a and --variant-b pick the two variants a comparison compares (`compare`, and
// `export --xlsx` given two files). With one file there is no comparison for them to pick
// from: they are refused rather than ignored. Returns why `option` ("--variant-a") cannot be
// used when `files` results files are given, or "" when it can.
std::string variant_option_problem(const std::string& option, std::size_t files);

}  // namespace bedflow::results
