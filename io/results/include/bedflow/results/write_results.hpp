#pragma once
// Writes a ResultsFile to HDF5 in the layout of docs/outputs.md.
//
// Invariants:
//  - The file at `path` is created (truncated if present): callers that must not clobber a
//    user's file write to a temporary path and rename (see SafeOutputFile).
//  - The completion marker (/metadata attribute `complete` = 1) is the last thing written;
//    a file without it is never a finished run.
//  - The bytes written depend only on the ResultsFile's contents: no object timestamps.
//  - Throws ResultsError when the data break ResultsFile's invariants (a replication with a
//    different set of measures or series length) or when HDF5 fails.
#include <string>

#include "bedflow/results/results_file.hpp"

namespace bedflow::results {

inline constexpr const char* kFormatName = "bedflow-results";
// 2: /events became one compound dataset (was a group of parallel columns in 1).
// 3: the observed window (calendar dates), /summary's accumulation and precision columns,
//    series dates, the requested percentiles.
// 4: /events holds integer codes (event, service, cohort) named in /events_codes, and a
//    warmup column; arrivals name their arrival stream and readmissions the acute service.
//    Files of format 3 are still read (their /events as strings).
inline constexpr int kFormatVersion = 4;
inline constexpr int kOldestFormatVersionRead = 3;

void write_results_file(const std::string& path, const ResultsFile& file);

// Call first thing in a program that writes results files, before any other bedflow or
// HDF5 call: a write that fails on a full disk then ends with its message and exit status,
// never with a crash at exit (h5::leave_library_open_at_exit says why).
void prepare_process_for_results();

}  // namespace bedflow::results
