#pragma once
// Today's census from CSV: one row per patient already in a service.
//
// Invariants:
//  - The first non-empty line is a header naming the columns service, cohort,
//    days_in_service, medically_fit and optionally waiting_for_bed (any order, no others).
//    On a waiting_for_bed row, days_in_service is the time already waited for a bed.
//  - Every malformed row is reported by CSV file:line and reading goes on; rows that fail
//    are left out. Names are not resolved here (stage 2 does that, with the row's line).
#include <string>
#include <vector>

#include "bedflow/models/scenario.hpp"
#include "diagnostics.hpp"

namespace bedflow::scenario {

struct Census {
  std::string file;
  std::vector<model::CensusEntry> entries;
  std::vector<int> lines;  // the CSV line of each entry
};

// `referenced_from` locates the census_csv key, for a missing file.
Census read_census(const std::string& path, const Location& referenced_from,
                   Diagnostics& diagnostics);

}  // namespace bedflow::scenario
