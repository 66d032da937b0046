#pragma once
// What `bedflow run` prints on stdout when it has finished.
#include <string>
#include <vector>

#include "bedflow/results/replication_plan.hpp"
#include "bedflow/results/results_file.hpp"

namespace bedflow::cli {

struct RunReportOptions {
  double precision_target = 0.0;                // 0: a fixed count was run
  std::vector<std::string> precision_measures;  // empty: the default list
  bool show_percentiles = false;
};

// Each variant's measure table (headline measures first, totals per year too, percentiles on
// request) under its observed window, with precision mode's verdict.
void print_run_report(const results::ResultsFile& file, const RunReportOptions& options);

}  // namespace bedflow::cli
