#pragma once
// What `bedflow run` prints on stdout when it has finished.
#include <string>

#include "bedflow/results/replication_plan.hpp"
#include "bedflow/results/results_file.hpp"

namespace bedflow::cli {

// Each variant's measure table (headline measures first), with precision mode's verdict.
void print_run_report(const results::ResultsFile& file, double precision_target);

}  // namespace bedflow::cli
