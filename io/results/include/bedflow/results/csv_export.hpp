#pragma once
// A results file as CSV files for spreadsheets.
//
// Invariants:
//  - `directory` receives summary.csv (variant,replication,measure,value,unit,headline: the
//    /summary table as it is) and, per series, timeseries_<group>_<measure>.csv with one
//    row per sampling time (time_days, then one column per replication, rep_0, rep_1, ...).
//    For a sweep the series files of each variant go to a subdirectory named by its label.
//  - Numbers are written with 17 significant digits: a CSV reads back to the same doubles.
//  - The directory is created if missing; existing files of the same names are replaced.
//  - Returns the paths written, in the order written.
#include <string>
#include <vector>

#include "bedflow/results/results_file.hpp"

namespace bedflow::results {

std::vector<std::string> export_csv(const ResultsFile& file, const std::string& directory);

}  // namespace bedflow::results
