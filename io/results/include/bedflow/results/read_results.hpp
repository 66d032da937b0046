#pragma once
// Reads back a results file written by write_results_file().
//
// Invariants:
//  - read_results_file(write_results_file(x)) == x for every field the file stores (all of
//    ReplicationResult except wall_seconds, which is not reproducible and is not stored).
//  - A file without the completion marker, or not written by bedflow, is rejected with a
//    ResultsError naming the file.
#include <string>

#include "bedflow/results/results_file.hpp"

namespace bedflow::results {

struct ReadOptions {
  // The patient-level log (/events) can be hundreds of megabytes: readers that do not use it
  // (compare, export, report) leave it on disk.
  bool patient_events = true;
};

ResultsFile read_results_file(const std::string& path, const ReadOptions& options = {});

}  // namespace bedflow::results
