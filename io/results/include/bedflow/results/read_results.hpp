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

ResultsFile read_results_file(const std::string& path);

}  // namespace bedflow::results
