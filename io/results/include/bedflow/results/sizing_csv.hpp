#pragma once
// A stored sizing record (/sizing) as CSV, for `bedflow export --csv`.
//
// Files written to `directory` (which must exist):
//  - sizing.csv: one row per evaluated point, in evaluation order:
//      order, label, <one column per lever, named by its scenario path>, replications,
//      target_mean, target_sd, target_half_width, target_bound, meets_target
//      [, cost_mean, cost_half_width  (when the record has a cost, in cost_unit)]
//    target_* are in the measure's unit; the half-width is two-sided Student-t at the
//    sizing's confidence; target_bound is the one-sided bound the decision used; meets_target
//    is true or false.
//  - sizing_frontier.csv (two levers only): one row per value of the first lever:
//      <first lever path>, <second lever path>, cost_mean
//    with the second lever and cost empty when no value in its range meets the target.
//
// Invariants:
//  - Numbers have 17 significant digits (read back to the same doubles); text is quoted as
//    RFC 4180 asks.
//  - Returns the paths written. Throws ResultsError naming the file that could not be written.
#include <string>
#include <vector>

#include "bedflow/analysis/sizing_record.hpp"

namespace bedflow::results {

using analysis::StoredSizingRecord;

std::vector<std::string> write_sizing_csv(const StoredSizingRecord& record,
                                          const std::string& directory);

}  // namespace bedflow::results
