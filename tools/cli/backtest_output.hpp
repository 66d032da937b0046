#pragma once
// The files `bedflow backtest` writes: the day-by-day CSV and, with --report, the HTML page of
// the same comparison (report/include/bedflow/report/backtest_report.hpp).
//
// Invariants:
//  - Both contents are made in memory before anything is written, so a failure to build the
//    page writes nothing.
//  - Each file appears only when complete (results::SafeOutputFile: temporary file, rename).
//    The page is written first; if the CSV then cannot be written, the page just written is
//    removed again: a run leaves both files or neither.
#include <optional>
#include <string>

#include "bedflow/fitting/backtest.hpp"
#include "bedflow/report/backtest_report.hpp"

namespace bedflow::cli {

// The page's view of a comparison: its dates and both measures with their MAPE and share of
// days inside the band, exactly as the summary (and so the CSV) holds them.
report::BacktestReportInput backtest_view(const fitting::BacktestSummary& summary);

struct BacktestTargets {
  std::string csv;
  std::optional<std::string> page;
  bool force = false;
  std::vector<std::string> inputs;  // files read: never overwritten
};

// Writes the CSV (and the page when targets.page is set). Throws results::ResultsError or
// report::ReportError, leaving neither new file behind.
void write_backtest_outputs(const fitting::BacktestSummary& summary,
                            const report::BacktestReportInput& view,
                            const BacktestTargets& targets);

}  // namespace bedflow::cli
