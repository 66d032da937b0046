#pragma once
// The backtest page: a fitted scenario's runs against what an extract says happened, day by
// day, as one self-contained HTML page (same template, style, charting library and A4 print
// rules as the results report).
//
// Invariants:
//  - Counts are patients at midnight starting each date of `dates` (the extract's actual
//    count, the replications' mean, 5th and 95th percentiles); every vector of a measure is
//    as long as `dates`, else ReportError.
//  - The page states the compared period (first and last date, days), the replications, the
//    census start and burn-in, and for each measure its MAPE (percent) and the share of days
//    inside the band (0..1) exactly as given, so it always agrees with the CSV written from
//    the same comparison. The only figure it derives is the share of days a model that
//    reproduces the past would have inside, 0.9 (R - 1) / (R + 1) for R replications.
//  - The daily table prints actual counts as integers and the model's values with two
//    decimals, as the backtest CSV does.
#include <string>
#include <vector>

#include "bedflow/report/report.hpp"

namespace bedflow::report {

struct BacktestMeasureView {
  std::string id;     // short HTML id, e.g. "occupancy"
  std::string title;  // e.g. "Patients in acute beds"
  std::vector<double> actual, mean, p5, p95;  // patients, one per date
  double mape_percent = 0.0;                  // mean absolute percentage error of the mean
  double inside_share = 0.0;                  // days with p5 <= actual <= p95, over all days
};

struct BacktestReportInput {
  std::string scenario_name;
  std::string scenario_path, extract_path, csv_path;
  std::vector<std::string> dates;  // "YYYY-MM-DD", consecutive
  std::string census_date;         // the run starts from the extract's census on this day
  long long burn_in_days = 0;      // days run before dates.front(), not compared
  long long replications = 0;
  unsigned long long seed = 0;
  std::vector<BacktestMeasureView> measures;
};

// Throws ReportError when there are no dates or a measure's series disagree in length.
Report build_backtest_report(const BacktestReportInput& input);

}  // namespace bedflow::report
