#pragma once
// One table cell of a measure: its mean in the unit's style and, below it, its 95% CI
// clipped to the measure's possible range (results::shown_interval), or a word when the
// file lacks the measure.
#include <string>

#include "bedflow/results/measure_summary.hpp"

namespace bedflow::report {

// `summary` null: "not in file". Fewer than two replications: the mean alone.
std::string measure_cell(const results::MeasureSummary* summary);

}  // namespace bedflow::report
